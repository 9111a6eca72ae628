import { type ProfilePackage } from '@dhi/profile';
import { isVersionError, tryCompareVersions } from '@dhi/versions';
import { KIND_IMPORTANCE } from '../anomaly-kind.js';
import { type Candidate, type CheckContext } from '../candidate.js';
import { surprisal } from '../scoring.js';
import { indexPackages, packageEvidence } from './package-index.js';
import { compareMajor, formatMajor, majorOf, osvEcosystem } from './version-major.js';

function compare(pkg: ProfilePackage, a: string, b: string, ctx: CheckContext): number | null {
  const result = tryCompareVersions(osvEcosystem(pkg.ecosystem), a, b);
  if (!isVersionError(result)) return result;
  ctx.notes.push(`versions of ${pkg.name} (${pkg.ecosystem}) not compared: ${result.message}`);
  return null;
}

function builds(n: number): string {
  return n === 1 ? '1 approved build' : `${n} approved builds`;
}

/**
 * A package older than in the latest approved build that has it (scored by how many approved builds had a version this
 * low or lower), or one whose major version rose (scored by how many had this major). Patch and minor bumps are quiet.
 */
export function packageVersionChecks(ctx: CheckContext): Candidate[] {
  const members = ctx.members.map(indexPackages);
  const out: Candidate[] = [];
  for (const [key, pkg] of indexPackages(ctx.profile)) {
    const having = members.flatMap((m) => m.get(key) ?? []);
    const latest = having[0];
    if (!latest || latest.version === pkg.version) continue;
    const order = compare(pkg, pkg.version, latest.version, ctx);
    if (order === null || order === 0) continue;
    const m = having.length;
    const evidence = { ...packageEvidence(pkg), version: pkg.version, previousVersion: latest.version, baselineSize: m };
    if (order < 0) {
      const count = having.filter((h) => (compare(pkg, h.version, pkg.version, ctx) ?? 1) <= 0).length;
      const seen =
        count === 0
          ? `none of the ${builds(m)} with it had a version this old`
          : `${count} of the ${builds(m)} with it had a version this old or older`;
      out.push({
        kind: 'package_downgraded',
        key: [key],
        bits: surprisal(count, m),
        importance: KIND_IMPORTANCE.package_downgraded,
        always: false,
        title: `package ${pkg.name} downgraded`,
        explanation: `${pkg.name} (${pkg.ecosystem}) went down from ${latest.version} to ${pkg.version}; ${seen}`,
        evidence: { ...evidence, baselineCount: count },
      });
      continue;
    }
    const now = majorOf(pkg.ecosystem, pkg.version);
    const before = majorOf(pkg.ecosystem, latest.version);
    if (!now || !before || compareMajor(now, before) <= 0) continue;
    const count = having.filter((h) => {
      const major = majorOf(pkg.ecosystem, h.version);
      return major !== null && compareMajor(major, now) === 0;
    }).length;
    const epoch = now.epoch !== before.epoch ? ` (epoch ${before.epoch} → ${now.epoch})` : '';
    out.push({
      kind: 'package_major_jump',
      key: [key],
      bits: surprisal(count, m),
      importance: KIND_IMPORTANCE.package_major_jump,
      always: false,
      title: `package ${pkg.name} major version ${formatMajor(before)} → ${formatMajor(now)}`,
      explanation:
        `${pkg.name} (${pkg.ecosystem}) jumped from major version ${formatMajor(before)} (${latest.version}) to ` +
        `${formatMajor(now)} (${pkg.version})${epoch}; ` +
        `${count === 0 ? 'none' : count} of the ${builds(m)} with it had major ${formatMajor(now)}`,
      evidence: { ...evidence, previousMajor: formatMajor(before), major: formatMajor(now), baselineCount: count },
    });
  }
  return out;
}
