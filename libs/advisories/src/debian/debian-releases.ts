// Debian release codenames and their version numbers (https://www.debian.org/releases/); the rolling `sid` has none.
const RELEASES: Record<string, string> = {
  buzz: '1.1', rex: '1.2', bo: '1.3', hamm: '2.0', slink: '2.1', potato: '2.2', woody: '3.0', sarge: '3.1',
  etch: '4', lenny: '5', squeeze: '6', wheezy: '7', jessie: '8', stretch: '9', buster: '10', bullseye: '11',
  bookworm: '12', trixie: '13', forky: '14', duke: '15',
};

/** The OSV ecosystem of a Debian release codename (`bookworm` → `Debian:12`), or undefined for unknown ones and sid. */
export function debianEcosystem(codename: string): string | undefined {
  const version = RELEASES[codename.toLowerCase()];
  return version === undefined ? undefined : `Debian:${version}`;
}
