import { type Cataloger } from '../cataloger.js';
import { parseHeaders } from '../deb822.js';
import { licenseList } from '../licenses.js';
import { formatPurl, normalisePypiName } from '../purl.js';

const METADATA = /\/[^/]+\.dist-info\/METADATA$|\/[^/]+\.egg-info\/PKG-INFO$|\/[^/]+\.egg-info$/;
const LICENSE_CLASSIFIER = /^License\s*::\s*(?:OSI Approved\s*::\s*)?(.+)$/;

/** License-Expression (PEP 639) first; else a one-line License field; else the license classifiers. */
function pythonLicenses(headers: Map<string, string[]>): string[] {
  const expression = headers.get('license-expression')?.[0];
  if (expression) return licenseList([expression]);
  const license = headers.get('license')?.[0]?.trim();
  // many projects paste the whole license text into License: that is no name
  if (license && !license.includes('\n') && license.length <= 100) return licenseList([license]);
  const classified = (headers.get('classifier') ?? []).flatMap((c) => LICENSE_CLASSIFIER.exec(c.trim())?.[1] ?? []).filter((c) => c !== 'OSI Approved');
  if (classified.length > 0) return licenseList(classified);
  return license ? [license.split('\n')[0].trim()] : [];
}

/** Installed Python distributions: `*.dist-info/METADATA`, `*.egg-info/PKG-INFO`, and `*.egg-info` files of distutils. */
export const pythonCataloger: Cataloger = {
  name: 'python-metadata',
  matches: (path) => METADATA.test(path),
  catalog: (path, content) => {
    const headers = parseHeaders(content.toString('utf8'));
    const name = headers.get('name')?.[0];
    const version = headers.get('version')?.[0];
    if (!name || !version) return { packages: [], notes: [] };
    return {
      packages: [{
        name,
        version,
        ecosystem: 'pypi',
        purl: formatPurl({ type: 'pypi', name: normalisePypiName(name), version }),
        arch: null,
        source: null,
        licenses: pythonLicenses(headers),
        locations: [path],
        foundBy: 'python-metadata',
      }],
      notes: [],
    };
  },
};
