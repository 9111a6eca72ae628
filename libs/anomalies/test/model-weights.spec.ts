import { detectAnomalies, type AnomalyModel } from '../src/index.js';
import { deb } from './support/debian-profile.js';
import { addPackage, approvedBaseline, benignBuild } from './support/lineage.js';

function buildWithNewPackage() {
  const p = benignBuild(8);
  addPackage(p, deb('netcat-openbsd', '1.219-1'));
  return p;
}

function model(signals: Record<string, { weight: number; threshold: number }>): AnomalyModel {
  return { version: 'v7', signals: new Map(Object.entries(signals)) };
}

const baseline = approvedBaseline(8);
const added = (m: AnomalyModel | null) => {
  const result = detectAnomalies({ profile: buildWithNewPackage(), baseline, model: m });
  return { result, anomaly: result.anomalies.find((a) => a.kind === 'package_added')! };
};

describe('the published model', () => {
  it('weighs 1 when no model is published or the model has no signal for the kind', () => {
    const none = added(null);
    const other = added(model({ 'anomaly.setuid_added': { weight: 3, threshold: 0.5 } }));
    expect(none.anomaly.severity).toBe('medium');
    expect(other.anomaly.severity).toBe(none.anomaly.severity);
    expect(other.anomaly.confidence).toBe(none.anomaly.confidence);
    expect(none.result.notes).toContain('no published model: every kind weighs 1');
    expect(other.result.notes).toContain('weights of model v7');
  });

  it('raises severity and confidence with a larger weight and lowers them with a smaller one', () => {
    const base = added(null).anomaly;
    const heavy = added(model({ 'anomaly.package_added': { weight: 2, threshold: 0 } })).anomaly;
    const light = added(model({ 'anomaly.package_added': { weight: 0.4, threshold: 0 } })).anomaly;
    expect(heavy.severity).toBe('high');
    expect(light.severity).toBe('info');
    expect(heavy.confidence).toBeGreaterThan(base.confidence);
    expect(light.confidence).toBeLessThan(base.confidence);
    expect(heavy.evidence['scoring']).toMatchObject({ weight: 2, modelVersion: 'v7' });
    expect(heavy.id).toBe(base.id);
  });

  it('suppresses an anomaly whose confidence is below the threshold, keeps it listed, and leaves it out of the score', () => {
    const base = added(null);
    const strict = added(model({ 'anomaly.package_added': { weight: 1, threshold: 0.95 } }));
    expect(base.anomaly.confidence).toBeLessThan(0.95);
    expect(strict.anomaly.suppressed).toBe(true);
    expect(strict.result.anomalies).toHaveLength(base.result.anomalies.length);
    const { score } = base.anomaly.evidence['scoring'] as { score: number };
    expect(score).toBeGreaterThan(0);
    expect(base.result.score - strict.result.score).toBeCloseTo(score, 2);
    const lenient = added(model({ 'anomaly.package_added': { weight: 1, threshold: 0.5 } }));
    expect(lenient.anomaly.suppressed).toBe(false);
  });

  it('never lets a weight of 0 report confidence, and ignores a negative weight', () => {
    const zero = added(model({ 'anomaly.package_added': { weight: 0, threshold: 0 } })).anomaly;
    expect(zero.confidence).toBe(0);
    expect(zero.severity).toBe('info');
    const negative = added(model({ 'anomaly.package_added': { weight: -3, threshold: 0 } })).anomaly;
    expect(negative.confidence).toBe(0);
  });
});
