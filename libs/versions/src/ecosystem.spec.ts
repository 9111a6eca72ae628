import { compareParsed, compareVersions, ecosystemOf, isVersionError, parseVersion, tryCompareVersions } from './index.js';

describe('ecosystemOf', () => {
  it.each([
    ['Debian:12', 'Debian'], ['Ubuntu:22.04:LTS', 'Debian'], ['Alpine:v3.18', 'Alpine'], ['npm', 'npm'], ['PyPI', 'PyPI'],
    ['Go', 'Go'], ['Maven', 'Maven'], ['Red Hat:enterprise_linux:9::baseos', 'RPM'], ['Rocky Linux:9', 'RPM'],
    ['AlmaLinux:8', 'RPM'], ['openSUSE:Leap 15.5', 'RPM'], ['golang', 'Go'], ['deb', 'Debian'], ['apk', 'Alpine'],
  ])('%s → %s', (osv, expected) => {
    expect(ecosystemOf(osv)).toBe(expected);
  });

  it.each(['Hackage', 'constructor', 'toString', ''])('%s is an unknown_ecosystem error', (osv) => {
    expect(isVersionError(ecosystemOf(osv), 'unknown_ecosystem')).toBe(true);
  });
});

describe('parseVersion', () => {
  it('returns the same parsed object for the same string (parsed once)', () => {
    expect(parseVersion('npm', '1.2.3')).toBe(parseVersion('npm', '1.2.3'));
  });

  it('refuses to compare versions of different schemes', () => {
    const a = parseVersion('npm', '1.0.0');
    const b = parseVersion('PyPI', '1.0.0');
    if (isVersionError(a) || isVersionError(b)) throw new Error('both parse');
    expect(() => compareParsed(a, b)).toThrow(/cannot compare/);
  });

  it('returns errors as values from tryCompareVersions and throws them from compareVersions', () => {
    expect(isVersionError(tryCompareVersions('Hackage', '1', '2'), 'unknown_ecosystem')).toBe(true);
    expect(isVersionError(tryCompareVersions('PyPI', 'trunk', '1.0'), 'invalid_version')).toBe(true);
    expect(() => compareVersions('npm', 'latest', '1.0.0')).toThrow(expect.objectContaining({ code: 'invalid_version' }));
  });
});
