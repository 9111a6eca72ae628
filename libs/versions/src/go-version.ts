import { parseIdentifiers, type Semver } from './semver.js';
import { invalidVersion, type VersionError } from './version-error.js';

// golang.org/x/mod/semver: no leading zeros; `v1` and `v1.2` are shorthands, but only without prerelease or build.
const GO_SEMVER = /^v?(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?)?)?$/;
// A Go toolchain release as `go version` names it: go1.21.3, go1.19, go1.21rc2, go1.8beta1.
const GO_TOOLCHAIN = /^go([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:(alpha|beta|rc)([0-9]+))?$/;

/**
 * Parses a Go module version (with or without `v`, as OSV's Go data has none). Pseudo-versions such as
 * `v0.0.0-20220906165146-f3363e06e74c` or `v1.2.4-0.20191109021931-daa7c04131f5` are prereleases and order as
 * the Go command orders them; `+incompatible` is build metadata and ignored. Toolchain names (`go1.21rc2`) map to
 * the semver that the Go vulnerability database uses for `stdlib` (`1.21.0-rc.2`).
 */
export function parseGoVersion(raw: string): Semver | VersionError {
  const s = raw.trim();
  const tool = GO_TOOLCHAIN.exec(s);
  if (tool) {
    const prerelease = tool[4] === undefined ? [] : [{ numeric: false, value: tool[4] }, { numeric: true, value: String(Number(tool[5])) }];
    return { major: String(Number(tool[1])), minor: String(Number(tool[2] ?? '0')), patch: String(Number(tool[3] ?? '0')), prerelease };
  }
  const m = GO_SEMVER.exec(s);
  if (!m) return invalidVersion('Go', raw, 'expected vMAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] without leading zeros');
  const prerelease = m[4] === undefined ? [] : parseIdentifiers(m[4], false);
  if (!prerelease) return invalidVersion('Go', raw, 'invalid prerelease identifier');
  if (m[5] !== undefined && m[5].split('.').some((p) => p === '')) return invalidVersion('Go', raw, 'empty build identifier');
  return { major: m[1]!, minor: m[2] ?? '0', patch: m[3] ?? '0', prerelease };
}
