import { compareVersions } from './index.js';

// Expected signs as printed by Maven 3.8.7's own ComparableVersion (`java -cp maven-artifact-3.8.7.jar
// org.apache.maven.artifact.versioning.ComparableVersion a b`) on this machine.
const VECTORS: [string, string, number][] = [
  ['1', '1.0', 0], ['1.0', '1.0.0', 0], ['1-alpha', '1-beta', -1], ['1-beta', '1-milestone', -1],
  ['1-milestone', '1-rc', -1], ['1-rc', '1-cr', 0], ['1-rc', '1-snapshot', -1], ['1-SNAPSHOT', '1', -1],
  ['1', '1-ga', 0], ['1-ga', '1-final', 0], ['1-final', '1-release', 0], ['1', '1-sp', -1], ['1-sp', '1-foo', -1],
  ['1-foo', '1-foo2', -1], ['1-a1', '1-alpha-1', 0], ['1-b2', '1-beta-2', 0], ['1-m3', '1-milestone-3', 0],
  ['1.0.0.RC1', '1.0.0-RC2', -1], ['1-1', '1.1', -1], ['1-sp', '1-1', -1], ['1.0-alpha1', '1.0', -1],
  ['2.0.0.Final', '2.0.0', 0], ['1.0.0-SNAPSHOT', '1.0.0-rc1', 1], ['1.2.3', '1.2.10', -1], ['1.0-1', '1.0.1', -1],
  ['1.0.1', '1.0-sp', 1], ['2.9.10.4', '2.9.10', 1], ['2.9.10.4', '2.9.11', -1], ['1.0', '1.0-jre', -1],
  ['32.0.0-android', '32.0.0-jre', -1], ['1.0.Final', '1.0', 0], ['1.0a', '1.0-alpha', 1], ['1.0b', '1.0-beta', 1],
  ['1.0.0', '1.0.0.0.0.0', 0], ['1-0.1', '1.0.1', -1], ['1-xyz', '1-abc', 1], ['1.10', '1.9', 1],
  ['1.0.0.v20140101', '1.0.0', 1], ['2.3.1', '2.4', -1], ['0', '1-alpha', -1], ['1.RELEASE', '1', 0],
  ['9.0.0.M10', '9.0.0-M11', -1], ['0-1.0.alphaGA2.0', '0-1.alphaGA2.0', 0], ['1.balpha', '1.x.1.10.0.10', 1],
  ['2alpha1-android.1.jre.0', '2alpha1-android.1.jre', -1], ['1-rc.10.cr.3', '1.sp', -1],
  ['12345678901234567890', '12345678901234567891', -1],
];

describe('Maven ComparableVersion order', () => {
  it.each(VECTORS)('%s vs %s is %d', (a, b, expected) => {
    expect(compareVersions('Maven', a, b)).toBe(expected);
    expect(compareVersions('Maven', b, a)).toBe(-expected || 0);
  });
});
