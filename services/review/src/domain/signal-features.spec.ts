import { type Anomaly, type Finding } from '@dhi/contracts';
import { anomalyFeatures, ecosystemOf, findingFeatures, pathPrefix } from './signal-features.js';

const finding: Finding = {
  id: 'fp-1',
  ruleId: 'vuln.osv',
  category: 'vulnerability',
  severity: 'high',
  confidence: 0.8,
  suppressed: false,
  title: 'openssl: CVE-2024-0001',
  evidence: {
    layerDigest: `sha256:${'a'.repeat(64)}`,
    path: '/usr/lib/x86_64-linux-gnu/libssl.so.3',
    line: null,
    package: 'pkg:deb/debian/openssl@3.0.11-1',
    installedVersion: '3.0.11-1',
    fixedVersion: '3.0.13-1',
    advisoryIds: ['CVE-2024-0001'],
  },
  remediation: 'upgrade openssl',
  patch: null,
};

const anomaly: Anomaly = {
  id: 'an-1',
  kind: 'new-setuid',
  severity: 'critical',
  confidence: 0.6,
  suppressed: false,
  title: 'new setuid binary',
  explanation: 'not in the baseline',
  evidence: { path: 'usr/local/bin/su2', layerIndex: 2, ecosystem: 'NPM' },
};

describe('signal features', () => {
  it('takes the first two path segments', () => {
    expect(pathPrefix('/usr/lib/x/y')).toBe('/usr/lib');
    expect(pathPrefix('./etc/shadow')).toBe('/etc/shadow');
    expect(pathPrefix('/bin')).toBe('/bin');
    expect(pathPrefix('/')).toBeNull();
    expect(pathPrefix(null)).toBeNull();
  });

  it('reads the ecosystem from a package URL or an explicit field', () => {
    expect(ecosystemOf('pkg:npm/%40scope/lib@1.0.0')).toBe('npm');
    expect(ecosystemOf('openssl')).toBeNull();
    expect(ecosystemOf(undefined, 'PyPI')).toBe('pypi');
  });

  it('describes a finding by rule, category, severity, path, ecosystem, lineage and confidence', () => {
    expect(findingFeatures(finding, 'dhi/node')).toEqual({
      signal: 'vuln.osv',
      category: 'vulnerability',
      severity: 'high',
      pathPrefix: '/usr/lib',
      ecosystem: 'deb',
      lineage: 'dhi/node',
      layerPosition: null,
      evidenceStrength: 0.8,
    });
  });

  it('describes an anomaly by kind, with its layer position when the evidence has one', () => {
    expect(anomalyFeatures(anomaly, 'dhi/node')).toEqual({
      signal: 'new-setuid',
      category: 'anomaly',
      severity: 'critical',
      pathPrefix: '/usr/local',
      ecosystem: 'npm',
      lineage: 'dhi/node',
      layerPosition: 2,
      evidenceStrength: 0.6,
    });
  });
});
