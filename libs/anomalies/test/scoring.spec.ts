import { confidenceOf, detectAnomalies, EVIDENCE_CAP, robustZ, severityOf, smoothedProbability, surprisal } from '../src/index.js';
import { deb } from './support/debian-profile.js';
import { addPackage, approvedBaseline, benignBuild } from './support/lineage.js';

describe('scoring', () => {
  it('smooths frequencies with Laplace α = 1', () => {
    expect(smoothedProbability(0, 5)).toBeCloseTo(1 / 7);
    expect(smoothedProbability(5, 5)).toBeCloseTo(6 / 7);
    expect(surprisal(0, 5)).toBeCloseTo(Math.log2(7));
    // beyond EVIDENCE_CAP builds the counts are scaled down: 1 of 10 counts as 0.8 of 8
    expect(surprisal(1, 10)).toBeCloseTo(-Math.log2(1.8 / 10));
    expect(surprisal(0, 20)).toBeCloseTo(surprisal(0, EVIDENCE_CAP));
    expect(surprisal(0, 8)).toBeCloseTo(Math.log2(10));
  });

  it('maps weighted bits to severity bands and confidence monotonically', () => {
    expect([severityOf(4), severityOf(3.99), severityOf(2.5), severityOf(1.5), severityOf(1.49)]).toEqual(['high', 'medium', 'medium', 'low', 'info']);
    expect(confidenceOf(1, 1)).toBeCloseTo(0.5);
    expect(confidenceOf(3, 1)).toBeCloseTo(0.875);
    expect(confidenceOf(3, 2)).toBeGreaterThan(confidenceOf(3, 1));
  });

  it('keeps a one-file change against identical builds quiet, and finds a real jump', () => {
    expect(Math.abs(robustZ(10_001, [10_000, 10_000, 10_000]).z)).toBeLessThan(0.01);
    expect(robustZ(10_200, [10_000, 10_000, 10_000]).z).toBeCloseTo(1.349, 2);
    expect(robustZ(15_000, [10_000, 10_100, 9_900]).z).toBeGreaterThan(3.5);
    expect(robustZ(5, [0, 0, 0]).z).toBeCloseTo(3.37, 2);
  });

  it('reports a package that 1 of 10 approved builds had as low at most', () => {
    const baseline = approvedBaseline(10);
    addPackage(baseline[6]!, deb('strace', '6.1-0.1'));
    const profile = benignBuild(10);
    addPackage(profile, deb('strace', '6.1-0.1'));
    const anomaly = detectAnomalies({ profile, baseline, model: null }).anomalies.find((a) => a.kind === 'package_added')!;
    expect(anomaly.explanation).toBe('strace 6.1-0.1 (deb) was added; 1 of the 10 approved builds of this lineage had it');
    expect(['low', 'info']).toContain(anomaly.severity);
  });

  it('does not report what almost every approved build had', () => {
    const baseline = approvedBaseline(10);
    for (const member of baseline.slice(1)) member.setuid.push('/usr/bin/ping');
    const profile = benignBuild(10);
    profile.setuid.push('/usr/bin/ping');
    const kinds = detectAnomalies({ profile, baseline, model: null }).anomalies.map((a) => a.kind);
    expect(kinds).not.toContain('setuid_added');
  });

  it('reports a never-seen setuid file as high even with the smallest baseline', () => {
    const profile = benignBuild(3);
    profile.setuid.push('/usr/local/bin/helper');
    const anomaly = detectAnomalies({ profile, baseline: approvedBaseline(3), model: null }).anomalies.find((a) => a.kind === 'setuid_added');
    expect(anomaly?.severity).toBe('high');
    expect(anomaly?.explanation).toMatch(/none of the 3 approved builds of this lineage had it set$/);
  });

  it('does not report the removal of a package only 1 of 8 approved builds had', () => {
    const baseline = approvedBaseline(8);
    addPackage(baseline[0]!, deb('less', '590-2.1~deb12u2'));
    const rarely = detectAnomalies({ profile: benignBuild(8), baseline, model: null }).anomalies.map((a) => a.kind);
    expect(rarely).not.toContain('package_removed');
  });
});
