import { type Anomaly } from '@dhi/contracts';
import { summarise } from './anomaly-result.js';

function anomaly(id: string, severity: Anomaly['severity'], confidence: number, suppressed = false): Anomaly {
  return { id, kind: 'new-setuid', severity, confidence, suppressed, title: 'An anomaly', explanation: '', evidence: { path: '/usr/bin/x' } };
}

describe('anomaly results', () => {
  it('are zero without anomalies', () => {
    expect(summarise([])).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  });

  it('count only unsuppressed anomalies', () => {
    const anomalies = [anomaly('a', 'high', 0.4), anomaly('b', 'medium', 0.7), anomaly('c', 'critical', 0.99, true)];
    expect(summarise(anomalies)).toEqual({ critical: 0, high: 1, medium: 1, low: 0, info: 0 });
  });
});
