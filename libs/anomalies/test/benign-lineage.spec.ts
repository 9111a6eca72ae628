import { Anomaly } from '@dhi/contracts';
import { detectAnomalies } from '../src/index.js';
import { benignBuild } from './support/lineage.js';

const ABOVE_LOW = new Set(['critical', 'high', 'medium']);

describe('a lineage of ordinary builds', () => {
  const builds = Array.from({ length: 8 }, (_, i) => benignBuild(i));

  it.each(builds.map((_, i) => i))('build %i against the builds before it raises nothing above low', (i) => {
    const baseline = builds.slice(0, i).reverse();
    const result = detectAnomalies({ profile: builds[i]!, baseline, model: null });
    const loud = result.anomalies.filter((a) => ABOVE_LOW.has(a.severity));
    expect(loud).toEqual([]);
    for (const anomaly of result.anomalies) expect(Anomaly.safeParse(anomaly).success).toBe(true);
    if (i >= 3) expect(result.anomalies.filter((a) => a.kind === 'baseline_too_small')).toEqual([]);
  });

  it('runs drift checks once three builds are approved, and they find nothing in ordinary variation', () => {
    const result = detectAnomalies({ profile: builds[7]!, baseline: builds.slice(0, 7).reverse(), model: null });
    expect(result.anomalies.map((a) => a.kind)).not.toContain('baseline_too_small');
    expect(result.anomalies.filter((a) => a.severity !== 'info')).toEqual([]);
    expect(result.score).toBeLessThan(2);
  });

  it('stays quiet about patch bumps, application hashes, layer digests and env key order', () => {
    const baseline = builds.slice(0, 7).reverse();
    const kinds = new Set(detectAnomalies({ profile: builds[7]!, baseline, model: null }).anomalies.map((a) => a.kind));
    for (const kind of ['package_added', 'package_removed', 'package_downgraded', 'package_major_jump', 'size_jump', 'file_count_jump']) {
      expect(kinds).not.toContain(kind);
    }
  });
});
