import { type Finding } from '@dhi/contracts';
import { summarise } from './scan-result.js';

function finding(id: string, severity: Finding['severity'], suppressed = false): Finding {
  return {
    id,
    ruleId: 'rule',
    category: 'secret',
    severity,
    confidence: 0.5,
    suppressed,
    title: 'A finding',
    evidence: { layerDigest: null, path: null, line: null, package: null, installedVersion: null, fixedVersion: null, advisoryIds: [] },
    remediation: '',
    patch: null,
  };
}

describe('summarise', () => {
  it('is all zeros without findings', () => {
    expect(summarise([])).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  });

  it('counts unsuppressed findings by severity', () => {
    const findings = [finding('a', 'high'), finding('b', 'high'), finding('c', 'low'), finding('d', 'critical', true)];
    expect(summarise(findings)).toEqual({ critical: 0, high: 2, medium: 0, low: 1, info: 0 });
  });
});
