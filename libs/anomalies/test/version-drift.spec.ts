import { type BuildProfile, type ProfilePackage } from '@dhi/profile';
import { detectAnomalies, majorOf } from '../src/index.js';
import { deb, npm } from './support/debian-profile.js';
import { addPackage, approvedBaseline, benignBuild } from './support/lineage.js';

function pypi(name: string, version: string): ProfilePackage {
  return { name, version, ecosystem: 'pypi', source: null, location: `/usr/lib/python3/dist-packages/${name}.dist-info/METADATA` };
}

// The lineage's approved builds all had `pkg` at `approved`; the new build has it at `now`.
function drift(approved: ProfilePackage, now: ProfilePackage) {
  const baseline: BuildProfile[] = approvedBaseline(5);
  for (const member of baseline) addPackage(member, { ...approved });
  const profile = benignBuild(5);
  addPackage(profile, now);
  const result = detectAnomalies({ profile, baseline, model: null });
  return { result, kinds: result.anomalies.filter((a) => a.kind.startsWith('package_')).map((a) => a.kind) };
}

describe('version drift across ecosystems', () => {
  it.each([
    ['Debian: a dropped epoch is older whatever the upstream', deb('libfoo1', '1:1.2.13-1'), deb('libfoo1', '1.3.1-1')],
    ['Debian: ~ sorts before the release', deb('libfoo1', '2.0-1'), deb('libfoo1', '2.0~rc1-1')],
    ['npm: numeric, not text, order', npm('left-pad', '4.18.2'), npm('left-pad', '4.9.0')],
    ['npm: a prerelease is older than its release', npm('left-pad', '2.0.0'), npm('left-pad', '2.0.0-rc.1')],
    ['PyPI: a release candidate is older than the release', pypi('requests', '2.31.0'), pypi('requests', '2.31.0rc1')],
    ['PyPI: a post release is newer, so going back is a downgrade', pypi('requests', '1.0.post1'), pypi('requests', '1.0')],
  ])('%s', (_, approved, now) => {
    const { result, kinds } = drift(approved, now);
    expect(kinds).toEqual(['package_downgraded']);
    const anomaly = result.anomalies.find((a) => a.kind === 'package_downgraded')!;
    expect(anomaly.explanation).toBe(
      `${now.name} (${now.ecosystem}) went down from ${approved.version} to ${now.version}; none of the 5 approved builds with it had a version this old`,
    );
    expect(anomaly.evidence).toMatchObject({ package: now.name, version: now.version, previousVersion: approved.version });
  });

  it.each([
    ['Debian revision bump', deb('libfoo1', '1.2.13-1'), deb('libfoo1', '1.2.13-1+deb12u1')],
    ['Debian upstream patch bump', deb('libfoo1', '1:1.2.13-1'), deb('libfoo1', '1:1.2.14-1')],
    ['npm patch and minor bumps', npm('left-pad', '4.9.0'), npm('left-pad', '4.18.2')],
    ['PyPI 1.9 to 1.10', pypi('requests', '1.9'), pypi('requests', '1.10')],
  ])('is quiet about a %s', (_, approved, now) => {
    expect(drift(approved, now).kinds).toEqual([]);
  });

  it.each([
    ['Debian epoch bump', deb('libfoo1', '1.2.13-1'), deb('libfoo1', '1:1.2.13-1'), /jumped from major version 1 \(1\.2\.13-1\) to 1:1 \(1:1\.2\.13-1\) \(epoch 0 → 1\)/],
    ['Debian upstream major', deb('libfoo1', '1:1.2.13-1'), deb('libfoo1', '1:2.0.0-1'), /from major version 1:1 .* to 1:2 /],
    ['npm major', npm('left-pad', '1.3.0'), npm('left-pad', '2.0.0-rc.1'), /from major version 1 \(1\.3\.0\) to 2 \(2\.0\.0-rc\.1\)/],
    ['PyPI epoch', pypi('requests', '2.31.0'), pypi('requests', '1!1.0'), /from major version 2 \(2\.31\.0\) to 1:1 \(1!1\.0\)/],
  ])('finds a %s as a major jump', (_, approved, now, text) => {
    const { result, kinds } = drift(approved, now);
    expect(kinds).toEqual(['package_major_jump']);
    expect(result.anomalies.find((a) => a.kind === 'package_major_jump')!.explanation).toMatch(text);
  });

  it('scores a rollback to a version most approved builds had as unremarkable', () => {
    const baseline = approvedBaseline(8);
    for (const member of baseline) addPackage(member, npm('left-pad', '1.3.0'));
    baseline[0]!.packages.find((p) => p.name === 'left-pad')!.version = '1.3.1';
    const profile = benignBuild(8);
    addPackage(profile, npm('left-pad', '1.3.0'));
    expect(detectAnomalies({ profile, baseline, model: null }).anomalies.map((a) => a.kind)).not.toContain('package_downgraded');
  });

  it('notes versions it cannot order instead of guessing', () => {
    const { result, kinds } = drift(npm('left-pad', '1.3.0'), npm('left-pad', 'latest'));
    expect(kinds).toEqual([]);
    expect(result.notes.some((n) => n.startsWith('versions of left-pad (npm) not compared'))).toBe(true);
  });

  it('reads the major component per scheme', () => {
    expect(majorOf('deb', '1:9.2p1-2')).toEqual({ epoch: '1', major: '9' });
    expect(majorOf('apk', '3.1.4-r5')).toEqual({ epoch: '0', major: '3' });
    expect(majorOf('rpm', '1:3.0.7-27.el9')).toEqual({ epoch: '1', major: '3' });
    expect(majorOf('maven', '2.0-beta1')).toEqual({ epoch: '0', major: '2' });
    expect(majorOf('golang', 'v1.22.3')).toEqual({ epoch: '0', major: '1' });
    expect(majorOf('pypi', '2!3.1')).toEqual({ epoch: '2', major: '3' });
    expect(majorOf('npm', 'not-a-version')).toBeNull();
  });
});
