import { compareVersions, isVersionError, parseVersion } from './index.js';

describe('Debian (dpkg) versions', () => {
  it.each([
    ['1.0~rc1', '1.0', -1], ['1.0~~', '1.0~', -1], ['1.0~', '1.0', -1], ['1.0', '1.0a', -1], ['1.0a', '1.0+', -1],
    ['1:0.1', '2.0', 1], ['1.0-1', '1.0-1+b1', -1], ['1.0', '1.0-0', 0], ['01.0', '1.00', 0],
    ['1.1.1n-0+deb11u3', '1.1.1n-0+deb11u4', -1], ['2.36-9+deb12u4', '2.36-9+deb12u10', -1],
    ['1.2-3-4', '1.2-3-5', -1], ['0:1.0', '1.0', 0], ['7.88.1-10+deb12u5', '7.88.1-10+deb12u5~bpo', 1],
  ])('%s vs %s is %d', (a, b, expected) => {
    expect(compareVersions('Debian:12', a, b)).toBe(expected);
    expect(compareVersions('Debian', b, a)).toBe(-expected || 0);
  });

  it.each(['', '1:', ':1.0', 'a:1.0', '1.0-', '1 0', '-1'])('rejects "%s" as dpkg does', (s) => {
    expect(isVersionError(parseVersion('Debian', s), 'invalid_version')).toBe(true);
  });
});
