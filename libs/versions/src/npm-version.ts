import { parseIdentifiers, stripZeros, type Semver } from './semver.js';
import { invalidVersion, type VersionError } from './version-error.js';

const NPM_VERSION = /^[=v]?\s*([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;

/**
 * Parses an npm version. Besides strict SemVer 2.0 it accepts what advisories and old package.json files contain:
 * a leading `v` or `=`, a missing minor or patch (`1.0` is `1.0.0`) and leading zeros (read as numbers).
 * Ranges, tags (`latest`) and anything else are errors.
 */
export function parseNpmVersion(raw: string): Semver | VersionError {
  const m = NPM_VERSION.exec(raw.trim());
  if (!m) return invalidVersion('npm', raw, 'expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]');
  const prerelease = m[4] === undefined ? [] : parseIdentifiers(m[4], true);
  if (!prerelease) return invalidVersion('npm', raw, 'empty prerelease identifier');
  if (m[5] !== undefined && m[5].split('.').some((p) => p === '')) return invalidVersion('npm', raw, 'empty build identifier');
  return { major: stripZeros(m[1]!), minor: stripZeros(m[2] ?? '0'), patch: stripZeros(m[3] ?? '0'), prerelease };
}
