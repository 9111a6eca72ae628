import { type CatalogContext, type Cataloger, type FoundPackage } from '../cataloger.js';
import { licenseList } from '../licenses.js';
import { npmPackage, parseObject } from './npm.cataloger.js';

const LOCKFILE = /\/(?:package-lock|npm-shrinkwrap)\.json$/;
type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && !Array.isArray(value);
// git, file and tarball URLs are not registry versions a registry advisory can name
const isRegistryVersion = (version: unknown): version is string => typeof version === 'string' && !/[:/]/.test(version);

/** v2/v3 `packages`: keys are install paths relative to the lockfile's directory (`node_modules/a/node_modules/b`). */
function fromPackages(packages: Entry, dir: string, path: string, context: CatalogContext): FoundPackage[] {
  const found: FoundPackage[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    const at = key.lastIndexOf('node_modules/');
    if (at < 0 || !isEntry(entry) || entry.link === true || entry.dev === true) continue;
    // the installed package.json is the better witness and is catalogued on its own
    if (context.files.has(`${dir}/${key}/package.json`)) continue;
    if (!isRegistryVersion(entry.version)) continue;
    const name = typeof entry.name === 'string' ? entry.name : key.slice(at + 'node_modules/'.length);
    const licenses = typeof entry.license === 'string' ? licenseList([entry.license]) : [];
    const pkg = npmPackage(name, entry.version, licenses, path, 'npm-lockfile');
    if (pkg) found.push(pkg);
  }
  return found;
}

/** v1 `dependencies`, nested the way node_modules was. */
function fromDependencies(dependencies: Entry, installDir: string, path: string, context: CatalogContext, found: FoundPackage[], depth = 0): void {
  if (depth > 64) return;
  for (const [name, entry] of Object.entries(dependencies)) {
    if (!isEntry(entry)) continue;
    const dir = `${installDir}/node_modules/${name}`;
    if (entry.dev !== true && !context.files.has(`${dir}/package.json`) && isRegistryVersion(entry.version)) {
      const pkg = npmPackage(name, entry.version, [], path, 'npm-lockfile');
      if (pkg) found.push(pkg);
    }
    if (isEntry(entry.dependencies)) fromDependencies(entry.dependencies, dir, path, context, found, depth + 1);
  }
}

/**
 * package-lock.json / npm-shrinkwrap.json of an application (not inside node_modules): the production packages it
 * pins that are not installed beside it (those come from their own package.json).
 */
export const npmLockfileCataloger: Cataloger = {
  name: 'npm-lockfile',
  matches: (path) => LOCKFILE.test(path) && !path.includes('/node_modules/'),
  catalog: (path, content, context) => {
    const lock = parseObject(content);
    if (!lock) return { packages: [], notes: [{ code: 'metadata_unreadable', message: `${path} is not a JSON object`, path }] };
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (isEntry(lock.packages)) return { packages: fromPackages(lock.packages, dir, path, context), notes: [] };
    const found: FoundPackage[] = [];
    if (isEntry(lock.dependencies)) fromDependencies(lock.dependencies, dir, path, context, found);
    return { packages: found, notes: [] };
  },
};
