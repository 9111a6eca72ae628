import { type Finding } from '@dhi/contracts';
import { diffFindings } from './finding-diff.js';

function finding(id: string, overrides: Partial<Finding> = {}): Finding {
  return {
    id,
    ruleId: 'CVE-2021-23337',
    category: 'vulnerability',
    severity: 'high',
    confidence: 0.8,
    suppressed: false,
    title: `${id} in lodash 4.17.20`,
    evidence: { layerDigest: null, path: '/app/node_modules/lodash/package.json', line: null, package: 'lodash', installedVersion: '4.17.20', fixedVersion: '4.17.21', advisoryIds: ['CVE-2021-23337'] },
    remediation: 'Upgrade lodash to 4.17.21 or later.',
    patch: null,
    ...overrides,
  };
}

describe('diffFindings', () => {
  it('is empty when the advisories say what they said before', () => {
    expect(diffFindings([{ finding: finding('a'), status: 'open' }], [finding('a')])).toEqual({ detected: [], updated: [], resolved: [] });
  });

  it('detects new findings and reopens resolved ones with the stored confidence and suppression', () => {
    const stored = [{ finding: finding('b', { confidence: 0.3, suppressed: true }), status: 'resolved' as const }];
    const diff = diffFindings(stored, [finding('a'), finding('b')]);
    expect(diff.detected.map((f) => [f.id, f.confidence, f.suppressed])).toEqual([['a', 0.8, false], ['b', 0.3, true]]);
    expect(diff.updated).toEqual([]);
  });

  it('updates a finding whose facts changed, keeping what the model decided', () => {
    const stored = [{ finding: finding('a', { suppressed: true, confidence: 0.2 }), status: 'open' as const }];
    const current = finding('a', { severity: 'critical', evidence: { ...finding('a').evidence, fixedVersion: '4.17.22' } });
    const diff = diffFindings(stored, [current]);
    expect(diff.updated).toEqual([{ ...current, suppressed: true, confidence: 0.2 }]);
  });

  it('resolves open findings that are gone, and leaves resolved ones alone', () => {
    const stored = [{ finding: finding('a'), status: 'open' as const }, { finding: finding('b'), status: 'resolved' as const }];
    expect(diffFindings(stored, [])).toEqual({ detected: [], updated: [], resolved: [finding('a')] });
  });
});
