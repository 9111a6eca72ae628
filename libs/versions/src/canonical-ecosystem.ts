import { ECOSYSTEMS, ecosystemOf } from './ecosystem.js';
import { isVersionError } from './version-error.js';

const CANONICAL = new Map(ECOSYSTEMS.map((name) => [name.toLowerCase(), name]));

/**
 * An OSV ecosystem string spelled one way, so that advisories and packages meet under the same key: the base spelled as
 * OSV does when it is an ordering scheme's own name (`debian:12` → `Debian:12`, `pypi` → `PyPI`), other known
 * distributions kept as written (Ubuntu stays Ubuntu: it shares Debian's ordering, not its advisories), the release
 * trimmed but kept.
 */
export function canonicalEcosystem(raw: string): string {
  const colon = raw.indexOf(':');
  const base = (colon === -1 ? raw : raw.slice(0, colon)).trim();
  const release = colon === -1 ? '' : raw.slice(colon + 1).trim();
  const known = isVersionError(ecosystemOf(base)) ? undefined : CANONICAL.get(base.toLowerCase());
  const name = known ?? base;
  return release ? `${name}:${release}` : name;
}

/** The ecosystem without its release (`Debian:12` → `Debian`), canonically spelled. */
export function ecosystemBase(raw: string): string {
  const canonical = canonicalEcosystem(raw);
  const colon = canonical.indexOf(':');
  return colon === -1 ? canonical : canonical.slice(0, colon);
}
