import { compareVersions, isVersionError, parseVersion } from './index.js';

// Hand-written from apk-tools' version rules (test/version.data semantics); apk itself is not installed here.
const VECTORS: [string, string, number][] = [
  ['2.34', '0.1.0_alpha', 1], ['0.1.0_alpha', '0.1.0_alpha', 0], ['0.1.0_alpha', '0.1.3_alpha', -1],
  ['0.1.0_alpha2', '0.1.0_alpha', 1], ['0.1.0_alpha', '2.2.39-r1', -1], ['1.0.4-r3', '1.0.4-r4', -1],
  ['1.0.4-r4', '1.6', -1], ['0.7-r1', '1.0.0', -1], ['1.1', '1.1_alpha1', 1], ['1.2.1', '1.2', 1],
  ['1.3_alpha', '1.3_alpha2', -1], ['0.8_beta1', '0.8_beta2', -1], ['2.3.0b-r1', '2.3.0b-r2', -1],
  ['3.10.18-r1', '2.3.0b-r1', 1], ['1.0_alpha', '1.0_beta', -1], ['1.0_beta', '1.0_pre', -1], ['1.0_pre', '1.0_rc', -1],
  ['1.0_rc1', '1.0', -1], ['1.0', '1.0_cvs', -1], ['1.0_cvs', '1.0_svn', -1], ['1.0_svn', '1.0_git', -1],
  ['1.0_git', '1.0_hg', -1], ['1.0_hg', '1.0_p1', -1], ['1.0_p1', '1.0_p2', -1], ['1.0', '1.0-r0', -1],
  ['1.0-r1', '1.0-r10', -1], ['1.0_p1', '1.0-r9', 1], ['1.0a', '1.0b', -1], ['1.0a', '1.0.1', -1], ['1.0z', '1.0', 1],
  ['1.01', '1.1', -1], ['1.001', '1.01', -1], ['1.0', '1.0.0', -1], ['1.0_rc1', '1.0-r1', -1],
  ['1.0_alpha_p1', '1.0_alpha', 1], ['1.2.3_p20210101', '1.2.3', 1], ['20190108-r0', '20191127-r1', -1],
  ['1.1.1d-r2', '1.1.1d-r3', -1], ['1.1.1d-r3', '1.1.1e-r0', -1], ['1.1.1k-r0', '1.1.1-r0', 1],
  ['1.30.1-r3', '1.31.1-r9', -1], ['2.10.4-r2', '2.10.4-r3', -1], ['1.2.11-r1', '1.2.11-r3', -1],
];

describe('Alpine (apk) order', () => {
  it.each(VECTORS)('%s vs %s is %d', (a, b, expected) => {
    expect(compareVersions('Alpine:v3.18', a, b)).toBe(expected);
    expect(compareVersions('Alpine', b, a)).toBe(-expected || 0);
  });

  it.each(['', 'a1.0', '1.0-1', '1.0_foo1', '1.0a1', '1.0-r1_p1', '1.0 beta', '1..0'])('rejects "%s"', (s) => {
    expect(isVersionError(parseVersion('Alpine', s), 'invalid_version')).toBe(true);
  });
});
