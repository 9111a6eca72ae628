import { type ProfilePackage } from '@dhi/profile';
import { KIND_IMPORTANCE } from '../anomaly-kind.js';
import { ofTheBaseline, type Candidate, type CheckContext } from '../candidate.js';
import { surprisal } from '../scoring.js';
import { describePackage, indexPackages, packageEvidence } from './package-index.js';

/**
 * Packages this build has that the baseline mostly lacked, and packages the baseline mostly had that this build lacks.
 * A package whose version changed is the same package: versions are the version checks' business.
 */
export function packageChecks(ctx: CheckContext): Candidate[] {
  const current = indexPackages(ctx.profile);
  const members = ctx.members.map(indexPackages);
  const n = members.length;
  const out: Candidate[] = [];
  for (const [key, pkg] of current) {
    const count = members.filter((m) => m.has(key)).length;
    if (count === n) continue;
    out.push({
      kind: 'package_added',
      key: [key],
      bits: surprisal(count, n),
      importance: KIND_IMPORTANCE.package_added,
      always: false,
      title: `package ${pkg.name} added`,
      explanation: `${describePackage(pkg)} was added; ${ofTheBaseline(count, n)} had it`,
      evidence: { ...packageEvidence(pkg), version: pkg.version, baselineCount: count, baselineSize: n },
    });
  }
  const gone = new Map<string, { pkg: ProfilePackage; count: number }>();
  for (const member of members) {
    for (const [key, pkg] of member) {
      if (current.has(key)) continue;
      // Members are newest first, so the version quoted is the one the latest approved build had.
      const seen = gone.get(key);
      if (seen) seen.count++;
      else gone.set(key, { pkg, count: 1 });
    }
  }
  for (const [key, { pkg, count }] of gone) {
    out.push({
      kind: 'package_removed',
      key: [key],
      bits: surprisal(n - count, n),
      importance: KIND_IMPORTANCE.package_removed,
      always: false,
      title: `package ${pkg.name} removed`,
      explanation: `${pkg.name} (${pkg.ecosystem}, last approved at ${pkg.version}) was removed; ${ofTheBaseline(count, n)} had it`,
      evidence: { ...packageEvidence(pkg), lastApprovedVersion: pkg.version, baselineCount: count, baselineSize: n },
    });
  }
  return out;
}
