import { type CatalogContext, type Cataloger, type FoundPackage } from '../cataloger.js';
import { licenseList } from '../licenses.js';
import { distroQualifier } from '../os-identity.js';
import { formatPurl } from '../purl.js';

const INSTALLED = new Set(['/lib/apk/db/installed', '/usr/lib/apk/db/installed']);

interface ApkRecord {
  name?: string;
  version?: string;
  arch?: string;
  origin?: string;
  license?: string;
  files: string[];
}

/** Paragraphs of `X:value` lines; `F:` sets the directory that the following `R:` file names live in. */
function parseInstalled(text: string): ApkRecord[] {
  const records: ApkRecord[] = [];
  let current: ApkRecord = { files: [] };
  let dir = '';
  const flush = () => {
    if (current.name) records.push(current);
    current = { files: [] };
    dir = '';
  };
  for (const line of text.split(/\r?\n/)) {
    if (line === '') {
      flush();
      continue;
    }
    const value = line.slice(2);
    switch (line.slice(0, 2)) {
      case 'P:': current.name = value; break;
      case 'V:': current.version = value; break;
      case 'A:': current.arch = value; break;
      case 'o:': current.origin = value; break;
      case 'L:': current.license = value; break;
      case 'F:': dir = value; break;
      case 'R:': current.files.push(`/${dir ? `${dir}/` : ''}${value}`); break;
      default: break;
    }
  }
  flush();
  return records;
}

/** apk's L: is an SPDX expression in current Alpine, a space-separated list of names in older releases. */
function apkLicenses(raw: string | undefined): string[] {
  if (!raw) return [];
  return /\s(AND|OR|WITH)\s/.test(raw) ? licenseList([raw]) : licenseList(raw.split(/\s+/));
}

function toPackage(record: ApkRecord, path: string, context: CatalogContext): FoundPackage | null {
  const { name, version } = record;
  if (!name || !version) return null;
  const arch = record.arch ?? null;
  const origin = record.origin ?? name;
  return {
    name,
    version,
    ecosystem: 'apk',
    purl: formatPurl({
      type: 'apk',
      namespace: context.os?.id === 'alpine' || !context.os ? 'alpine' : context.os.id,
      name,
      version,
      qualifiers: { arch, distro: distroQualifier(context.os), upstream: origin === name ? null : origin },
    }),
    arch,
    // secdb keys fixes by origin, which apk always records and which shares the binary's version
    source: { name: origin, version },
    licenses: apkLicenses(record.license),
    locations: [path, ...record.files],
    foundBy: 'apk-installed',
  };
}

/** Alpine / Wolfi `lib/apk/db/installed` (`P:` name, `V:` version, `A:` arch, `o:` origin, `L:` license, `F:`/`R:` files). */
export const apkCataloger: Cataloger = {
  name: 'apk-installed',
  matches: (path) => INSTALLED.has(path),
  catalog: (path, content, context) => ({
    packages: parseInstalled(content.toString('utf8')).flatMap((record) => toPackage(record, path, context) ?? []),
    notes: [],
  }),
};
