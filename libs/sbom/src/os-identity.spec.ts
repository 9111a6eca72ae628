import { distroQualifier, osIdentity } from './os-identity.js';

const release = (id: string, versionId: string | null) => ({ id, versionId, prettyName: null });

describe('osIdentity', () => {
  it.each([
    ['debian', '12', 'Debian:12'],
    ['alpine', '3.18.4', 'Alpine:v3.18'],
    ['ubuntu', '22.04', 'Ubuntu:22.04'],
    ['rocky', '9.3', 'Rocky Linux:9'],
    ['wolfi', '20230201', 'Wolfi'],
    ['debian', null, null],
    ['plan9', '4', null],
  ])('%s %s → %s', (id, versionId, ecosystem) => {
    expect(osIdentity(release(id, versionId))?.ecosystem).toBe(ecosystem);
  });

  it('gives the purl distro qualifier', () => {
    expect(distroQualifier(osIdentity(release('alpine', '3.18.4')))).toBe('alpine-3.18.4');
    expect(distroQualifier(null)).toBeNull();
  });
});
