import { type Cataloger, type FoundPackage } from '../cataloger.js';
import { formatPurl } from '../purl.js';
import { npmLicenses } from './npm-license.js';

const INSTALLED = /\/node_modules\/(?:@[^/]+\/)?[^/]+\/package\.json$/;

/** The JSON object in a file, or null when it is not JSON or not an object. */
export function parseObject(content: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(content.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An npm package of the given name and version, or null for names no registry package can have. */
export function npmPackage(name: string, version: string, licenses: string[], location: string, foundBy: string): FoundPackage | null {
  const match = /^(?:(@[^/@\s]+)\/)?([^/@\s]+)$/.exec(name);
  if (!match || !version.trim()) return null;
  return {
    name,
    version,
    ecosystem: 'npm',
    purl: formatPurl({ type: 'npm', namespace: match[1] ?? null, name: match[2], version }),
    arch: null,
    source: null,
    licenses,
    locations: [location],
    foundBy,
  };
}

/**
 * `node_modules/[@scope/]name/package.json` at any depth. A package.json without a string name and version (test
 * fixtures, `{"type":"module"}` markers) or that is not JSON is not an installed package and is skipped silently.
 */
export const npmPackageJsonCataloger: Cataloger = {
  name: 'npm-package-json',
  matches: (path) => INSTALLED.test(path),
  catalog: (path, content) => {
    const manifest = parseObject(content);
    const { name, version } = manifest ?? {};
    if (!manifest || typeof name !== 'string' || typeof version !== 'string') return { packages: [], notes: [] };
    const found = npmPackage(name, version, npmLicenses(manifest), path, 'npm-package-json');
    return { packages: found ? [found] : [], notes: [] };
  },
};
