import { resolveImagePath } from '@dhi/image';
import { type CatalogContext, type Cataloger, type CatalogOutput, type FoundPackage } from '../cataloger.js';
import { parseParagraphs, type Fields } from '../deb822.js';
import { distroQualifier } from '../os-identity.js';
import { formatPurl } from '../purl.js';
import { debianCopyrightLicenses } from './deb-copyright.js';

const STATUS = '/var/lib/dpkg/status';
const STATUS_D = /^\/var\/lib\/dpkg\/status\.d\/[^/]+$/;
// package states whose files are all in place (dpkg-query's `installed` and the two trigger states)
const INSTALLED_STATES = new Set(['installed', 'triggers-awaited', 'triggers-pending']);

function isInstalled(fields: Fields, distroless: boolean): boolean {
  const status = fields.get('status');
  // distroless writes control paragraphs without a Status field: everything listed there is installed
  if (status === undefined) return distroless;
  const [, flag, state] = status.split(/\s+/);
  return flag === 'ok' && INSTALLED_STATES.has(state);
}

function sourceOf(fields: Fields, name: string, version: string): { name: string; version: string } {
  const match = /^(\S+)(?:\s+\((\S+)\))?/.exec(fields.get('source') ?? '');
  // dpkg semantics: no Source means the source is named like the binary; no "(version)" means the binary's version
  return { name: match?.[1] ?? name, version: match?.[2] ?? version };
}

/** Files a package installed: dpkg's `info/<pkg>[:arch].list`, or distroless `status.d/<pkg>.md5sums`. */
function installedFiles(name: string, arch: string, metadataPath: string, context: CatalogContext): string[] {
  const listed = context.contentOf(`/var/lib/dpkg/info/${name}:${arch}.list`) ?? context.contentOf(`/var/lib/dpkg/info/${name}.list`);
  let paths: string[];
  if (listed) paths = listed.toString('utf8').split('\n');
  else {
    const sums = STATUS_D.test(metadataPath) ? context.contentOf(`${metadataPath}.md5sums`) : undefined;
    if (!sums) return [];
    paths = sums.toString('utf8').split('\n').map((line) => `/${line.replace(/^\S+\s+/, '')}`);
  }
  // directories are shared by many packages, and a file a later layer deleted is no longer where the package is;
  // paths stay as dpkg lists them (/lib/... on a merged-/usr system where /lib leads to /usr/lib)
  return paths.filter((path) => {
    if (!path.startsWith('/') || path === '/.') return false;
    const resolved = resolveImagePath(context.files, path, { implicitDirectories: true });
    const file = resolved === null ? undefined : context.files.get(resolved);
    return file !== undefined && file.type !== 'dir';
  });
}

function toPackage(fields: Fields, path: string, context: CatalogContext, foundBy: string): FoundPackage | null {
  const name = fields.get('package');
  const version = fields.get('version');
  if (!name || !version) return null;
  const arch = fields.get('architecture') ?? null;
  const source = sourceOf(fields, name, version);
  const upstream = source.name === name && source.version === version ? null : source.version === version ? source.name : `${source.name}@${source.version}`;
  return {
    name,
    version,
    ecosystem: 'deb',
    purl: formatPurl({
      type: 'deb',
      namespace: context.os?.id ?? 'debian',
      name,
      version,
      qualifiers: { arch, distro: distroQualifier(context.os), upstream },
    }),
    arch,
    source,
    licenses: debianCopyrightLicenses(name, context),
    locations: [path, ...installedFiles(name, arch ?? '', path, context)],
    foundBy,
  };
}

function catalogParagraphs(path: string, content: Buffer, context: CatalogContext, distroless: boolean): CatalogOutput {
  const packages: FoundPackage[] = [];
  for (const fields of parseParagraphs(content.toString('utf8'))) {
    if (!isInstalled(fields, distroless)) continue;
    const found = toPackage(fields, path, context, distroless ? 'dpkg-status-d' : 'dpkg-status');
    if (found) packages.push(found);
  }
  return { packages, notes: [] };
}

/** `/var/lib/dpkg/status`: installed paragraphs only (`install ok installed`, `hold ok installed`, trigger states). */
export const dpkgStatusCataloger: Cataloger = {
  name: 'dpkg-status',
  matches: (path) => path === STATUS,
  catalog: (path, content, context) => catalogParagraphs(path, content, context, false),
};

/** Distroless `/var/lib/dpkg/status.d/<name>`: one or more control paragraphs per file, no Status field needed. */
export const dpkgStatusDCataloger: Cataloger = {
  name: 'dpkg-status-d',
  matches: (path) => STATUS_D.test(path) && !path.endsWith('.md5sums'),
  catalog: (path, content, context) => catalogParagraphs(path, content, context, true),
};

/** Files the dpkg catalogers read from the final image only (file lists and checksums for locations). */
export const isDpkgSupportingPath = (path: string): boolean =>
  (path.startsWith('/var/lib/dpkg/info/') && path.endsWith('.list')) || (STATUS_D.test(path) && path.endsWith('.md5sums'));
