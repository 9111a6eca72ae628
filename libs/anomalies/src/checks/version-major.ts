import {
  isVersionError,
  parseVersion,
  type AlpineVersion,
  type DebianVersion,
  type MavenVersion,
  type ParsedVersion,
  type Pep440Version,
  type RpmVersion,
  type Semver,
} from '@dhi/versions';

/** The major component of a version: an epoch change outranks any upstream number. Digits without leading zeros. */
export interface Major {
  epoch: string;
  major: string;
}

// Profile ecosystems (as @dhi/sbom reports them) to the OSV names @dhi/versions orders.
const OSV_NAMES: Readonly<Record<string, string>> = {
  deb: 'Debian',
  apk: 'Alpine',
  rpm: 'RPM',
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  maven: 'Maven',
};

/** The OSV ecosystem of a profile package ecosystem (`deb` → `Debian`); unknown ones pass through unchanged. */
export function osvEcosystem(profileEcosystem: string): string {
  return OSV_NAMES[profileEcosystem] ?? profileEcosystem;
}

function digits(text: string | undefined): string | null {
  const m = text === undefined ? null : /^0*([0-9]+)/.exec(text);
  return m ? m[1]! : null;
}

function majorOfParsed(parsed: ParsedVersion): Major | null {
  switch (parsed.ecosystem) {
    case 'Debian': {
      // Debian's upstream part has no scheme of its own: its first number is the nearest thing to a major.
      const key = parsed.key as DebianVersion;
      const major = digits(key.upstream);
      return major === null ? null : { epoch: String(key.epoch), major };
    }
    case 'RPM': {
      const key = parsed.key as RpmVersion;
      const major = digits(key.version);
      return major === null ? null : { epoch: String(key.epoch), major };
    }
    case 'npm':
    case 'Go':
      return { epoch: '0', major: (parsed.key as Semver).major };
    case 'PyPI': {
      const key = parsed.key as Pep440Version;
      return { epoch: key.epoch, major: key.release[0] ?? '0' };
    }
    case 'Alpine': {
      const major = digits((parsed.key as AlpineVersion)[0]?.value);
      return major === null ? null : { epoch: '0', major };
    }
    case 'Maven': {
      const first = (parsed.key as MavenVersion).items[0];
      return first?.kind === 'int' ? { epoch: '0', major: first.value } : null;
    }
  }
}

/** The major component of `version` in a profile ecosystem, or null when the version has none the scheme can tell. */
export function majorOf(profileEcosystem: string, version: string): Major | null {
  const parsed = parseVersion(osvEcosystem(profileEcosystem), version);
  return isVersionError(parsed) ? null : majorOfParsed(parsed);
}

function compareDigitStrings(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sign of `a − b`, epoch first. */
export function compareMajor(a: Major, b: Major): number {
  return compareDigitStrings(a.epoch, b.epoch) || compareDigitStrings(a.major, b.major);
}

/** `20`, or `1:9` when the epoch is not 0, for explanations. */
export function formatMajor(m: Major): string {
  return m.epoch === '0' ? m.major : `${m.epoch}:${m.major}`;
}
