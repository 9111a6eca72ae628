import { detectAnomalies } from '../src/index.js';
import { deb, sha } from './support/debian-profile.js';
import { addPackage, approvedBaseline, benignBuild } from './support/lineage.js';

// A build with one deviation of every sort: only the integrity and absolute ones can be judged without a baseline.
function suspiciousBuild() {
  const p = benignBuild(3);
  addPackage(p, deb('openssh-server', '1:9.2p1-2+deb12u2'));
  p.setuid.push('/usr/bin/find');
  p.config.exposedPorts.push('22/tcp');
  p.totalSize *= 3;
  p.users.push({ name: 'toor', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' });
  p.integrity.modifiedPackageFiles.push({ path: '/usr/bin/ls', package: 'coreutils', expected: 'aa', actual: 'bb', algorithm: 'md5' });
  p.integrity.unownedSystemExecutables.push({ path: '/usr/bin/kworkerd', sha256: sha('miner') });
  p.persistence.authorizedKeys.push('/root/.ssh/authorized_keys: ssh-rsa SHA256:YmFzZQ');
  return p;
}

const ABSOLUTE = ['file_modified', 'unowned_executable', 'uid0_extra', 'authorized_key_added', 'baseline_too_small'];

describe('cold start', () => {
  it.each([0, 1, 2])('with %i approved builds runs only integrity and absolute checks', (size) => {
    const result = detectAnomalies({ profile: suspiciousBuild(), baseline: approvedBaseline(size), model: null });
    const kinds = new Set(result.anomalies.map((a) => a.kind));
    expect([...kinds].sort()).toEqual([...ABSOLUTE].sort());
    const notice = result.anomalies.filter((a) => a.kind === 'baseline_too_small');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.severity).toBe('info');
    expect(notice[0]!.explanation).toBe(`baseline has ${size} of 3 approved builds: drift checks skipped`);
  });

  it('judges absolute facts on their own: uid 0, a changed system binary and a key are high', () => {
    const result = detectAnomalies({ profile: suspiciousBuild(), baseline: approvedBaseline(1), model: null });
    const severity = (kind: string, path?: string) =>
      result.anomalies.find((a) => a.kind === kind && (path === undefined || a.evidence['path'] === path))?.severity;
    expect(severity('uid0_extra')).toBe('high');
    expect(severity('file_modified')).toBe('high');
    expect(severity('authorized_key_added')).toBe('high');
    expect(severity('unowned_executable', '/usr/bin/kworkerd')).toBe('medium');
    // Official images build their runtime into /usr/local: usual enough to stay low without a baseline.
    expect(severity('unowned_executable', '/usr/local/bin/node')).toBe('low');
    const unowned = result.anomalies.find((a) => a.evidence['path'] === '/usr/bin/kworkerd')!;
    expect(unowned.explanation).toBe('/usr/bin/kworkerd is an executable in a system path that no package owns; the baseline is too small to tell whether it is usual');
  });

  it('honours a larger k', () => {
    const result = detectAnomalies({ profile: suspiciousBuild(), baseline: approvedBaseline(4), model: null, minBaseline: 5 });
    expect(result.anomalies.find((a) => a.kind === 'baseline_too_small')?.explanation).toBe('baseline has 4 of 5 approved builds: drift checks skipped');
    expect(result.anomalies.map((a) => a.kind)).not.toContain('setuid_added');
  });

  it('runs the drift checks from k approved builds on', () => {
    const result = detectAnomalies({ profile: suspiciousBuild(), baseline: approvedBaseline(3), model: null });
    const kinds = result.anomalies.map((a) => a.kind);
    expect(kinds).not.toContain('baseline_too_small');
    expect(kinds).toEqual(expect.arrayContaining(['package_added', 'setuid_added', 'port_added', 'size_jump', 'uid0_extra']));
    expect(result.anomalies.find((a) => a.kind === 'setuid_added')?.severity).toBe('high');
  });

  it('leaves profiles of another format version out of the baseline, and says so', () => {
    const old = approvedBaseline(3).map((p) => ({ ...p, version: 0 as unknown as 1 }));
    const result = detectAnomalies({ profile: benignBuild(3), baseline: old, model: null });
    expect(result.anomalies.find((a) => a.kind === 'baseline_too_small')?.explanation).toBe('baseline has 0 of 3 approved builds: drift checks skipped');
    expect(result.notes).toContain('3 approved build(s) with another profile version left out of the baseline');
  });

  it('notices a rebuild of an approved image from its layer digests', () => {
    const baseline = approvedBaseline(4);
    const digests = baseline[1]!.layers.map((l) => l.digest);
    const result = detectAnomalies({ profile: benignBuild(4), baseline, model: null, layerDigests: digests });
    expect(result.notes).toContain("the image's layers are identical to approved build 2 of the baseline (1 = newest): a rebuild");
    expect(detectAnomalies({ profile: benignBuild(4), baseline, model: null }).notes.join('\n')).not.toMatch(/rebuild/);
  });
});
