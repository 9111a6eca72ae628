import { compareVersions, rpmvercmp } from './index.js';

// rpm's own rpmvercmp test vectors (tests/rpmvercmp.at), including `~` and `^`.
const RPMVERCMP: [string, string, number][] = [
  ['1.0', '1.0', 0], ['1.0', '2.0', -1], ['2.0.1', '2.0', 1], ['2.0.1a', '2.0.1', 1], ['5.5p1', '5.5p2', -1],
  ['5.5p10', '5.5p1', 1], ['10xyz', '10.1xyz', -1], ['xyz10', 'xyz10.1', -1], ['xyz.4', '8', -1], ['2', 'xyz.4', 1],
  ['5.6p1', '6.5p1', -1], ['6.0.rc1', '6.0', 1], ['10b2', '10a1', 1], ['1.0a', '1.0aa', -1], ['10.0001', '10.1', 0],
  ['10.0001', '10.0039', -1], ['4.999.9', '5.0', -1], ['20101121', '20101122', -1], ['2_0', '2.0', 0], ['a+', 'a_', 0],
  ['+a', '_a', 0], ['_+', '+_', 0], ['+', '_', 0], ['1.0~rc1', '1.0', -1], ['1.0~rc1', '1.0~rc2', -1],
  ['1.0~rc1~git123', '1.0~rc1', -1], ['1.0^', '1.0', 1], ['1.0^git1', '1.0', 1], ['1.0^git1', '1.0^git2', -1],
  ['1.0^git1', '1.01', -1], ['1.0^20160101', '1.0.1', -1], ['1.0^20160102', '1.0^20160101^git1', 1],
  ['1.0~rc1^git1', '1.0~rc1', 1], ['1.0^git1', '1.0^git1~pre', 1],
];

describe('rpmvercmp', () => {
  it.each(RPMVERCMP)('%s vs %s is %d', (a, b, expected) => {
    expect(Math.sign(rpmvercmp(a, b))).toBe(expected);
    expect(Math.sign(rpmvercmp(b, a))).toBe(-expected || 0);
  });
});

describe('RPM epoch:version-release', () => {
  it.each([
    ['1:1.0-1', '2.0-1', 1],
    ['0:1.0-1', '1.0-1', 0],
    ['1.0-1.el8', '1.0-1.el8_4', -1],
    ['1.0-2.el8', '1.0-10.el8', -1],
    ['2.28-151.el9', '2.28-151.el9_0.1', -1],
    ['3.0.7-16.el9_2', '3.0.7-16.el9_2', 0],
    ['1.0', '1.0-1', -1],
  ])('%s vs %s is %d (Red Hat ranges)', (a, b, expected) => {
    expect(compareVersions('Red Hat:enterprise_linux:9', a, b)).toBe(expected);
    expect(compareVersions('Rocky Linux:9', b, a)).toBe(-expected || 0);
  });

  it('rejects a non-numeric epoch', () => {
    expect(() => compareVersions('RPM', 'x:1.0', '1.0')).toThrow(/epoch is not a number/);
  });
});
