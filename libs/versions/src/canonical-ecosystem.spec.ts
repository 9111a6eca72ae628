import { canonicalEcosystem, ecosystemBase } from './canonical-ecosystem.js';

describe('canonicalEcosystem', () => {
  it.each([
    ['debian:12', 'Debian:12'],
    [' pypi ', 'PyPI'],
    ['GO', 'Go'],
    ['Alpine: v3.18', 'Alpine:v3.18'],
    ['Ubuntu:22.04', 'Ubuntu:22.04'],
    ['Rocky Linux:9', 'Rocky Linux:9'],
    ['Hackage', 'Hackage'],
  ])('%s is stored as %s', (raw, expected) => {
    expect(canonicalEcosystem(raw)).toBe(expected);
  });

  it('gives the base without the release', () => {
    expect(ecosystemBase('debian:12')).toBe('Debian');
    expect(ecosystemBase('npm')).toBe('npm');
    expect(ecosystemBase('Red Hat:enterprise_linux:9')).toBe('Red Hat');
  });
});
