import { compareVersions, isVersionError, parseVersion } from './index.js';

describe('Go module versions', () => {
  it.each([
    // GO-2022-0969 is fixed in golang.org/x/net at a pseudo-version.
    ['0.0.0-20220826154423-83b083e8dc8b', '0.0.0-20220906165146-f3363e06e74c', -1],
    ['v0.0.0-20220909164309-bea034e7d591', '0.0.0-20220906165146-f3363e06e74c', 1],
    ['v0.0.0-20220906165146-f3363e06e74c', '0.0.0-20220906165146-f3363e06e74c', 0],
    ['0.0.0-20220906165146-f3363e06e74c', '0.1.0', -1],
    // A pseudo-version after a tag sorts after it and before the next release.
    ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.3', 1],
    ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4', -1],
    ['v1.2.4-pre.0.20191109021931-daa7c04131f5', 'v1.2.4-pre', 1],
    ['v2.0.0+incompatible', 'v2.0.0', 0],
    ['v2.0.1+incompatible', 'v2.0.0+incompatible', 1],
    ['v1', 'v1.0.0', 0],
    ['v1.2', 'v1.2.0', 0],
    // stdlib bounds in the Go vulnerability database, and toolchain names.
    ['1.19.0-0', '1.19.0-rc.1', -1],
    ['go1.19rc1', '1.19.0-rc.1', 0],
    ['go1.19', '1.19.0', 0],
    ['go1.21.3', '1.21.3', 0],
    ['go1.8beta1', '1.8.0-beta.1', 0],
    ['1.18.9', '1.19.0-0', -1],
    ['1.10.0', '1.9.9', 1],
  ])('%s vs %s is %d', (a, b, expected) => {
    expect(compareVersions('Go', a, b)).toBe(expected);
    expect(compareVersions('Go', b, a)).toBe(-expected || 0);
  });

  it.each(['v01.2.3', '1.2.3-01', 'latest', 'v1.2-pre', '1.2.3.4', ''])('rejects "%s"', (s) => {
    expect(isVersionError(parseVersion('Go', s), 'invalid_version')).toBe(true);
  });
});
