import { type BuildProfile } from '@dhi/profile';
import { KIND_IMPORTANCE, type AnomalyKind } from '../anomaly-kind.js';
import { type Candidate, type CheckContext } from '../candidate.js';
import { median, robustZ, zBits, Z_LIMIT } from '../scoring.js';

const MB = 1024 * 1024;

function percent(x: number, med: number): string {
  if (med === 0) return 'up from 0';
  const change = ((x - med) / med) * 100;
  return `${Math.abs(change).toFixed(change > -10 && change < 10 ? 1 : 0)}% ${change >= 0 ? 'above' : 'below'}`;
}

// The top-level directories whose file counts moved most against the baseline: where a file-count jump happened.
function movedDirs(ctx: CheckContext): { dir: string; count: number; median: number }[] {
  const dirs = new Set([...Object.keys(ctx.profile.filesPerTopDir), ...ctx.members.flatMap((m) => Object.keys(m.filesPerTopDir))]);
  return [...dirs]
    .map((dir) => {
      const count = ctx.profile.filesPerTopDir[dir] ?? 0;
      return { dir, count, median: median(ctx.members.map((m) => m.filesPerTopDir[dir] ?? 0)) };
    })
    .filter((d) => d.count !== d.median)
    .sort((a, b) => Math.abs(b.count - b.median) - Math.abs(a.count - a.median) || a.dir.localeCompare(b.dir))
    .slice(0, 3);
}

function jump(ctx: CheckContext, kind: AnomalyKind, measure: (p: BuildProfile) => number, unit: (v: number) => string): Candidate[] {
  const x = measure(ctx.profile);
  const n = ctx.members.length;
  const r = robustZ(x, ctx.members.map(measure));
  if (Math.abs(r.z) <= Z_LIMIT) return [];
  const z = Math.round(r.z * 10) / 10;
  const what = kind === 'size_jump' ? 'image size' : 'file count';
  const evidence: Record<string, unknown> = { value: x, median: r.median, mad: r.mad, z, baselineSize: n };
  let where = '';
  if (kind === 'file_count_jump') {
    const dirs = movedDirs(ctx);
    evidence['topDirs'] = dirs;
    const moved = dirs.map((d) => `${d.dir} (${d.count > d.median ? '+' : ''}${Math.round(d.count - d.median)})`);
    if (dirs.length > 0) where = `; most of the change is in ${moved.join(', ')}`;
  }
  return [{
    kind,
    key: [kind],
    bits: zBits(r.z),
    importance: KIND_IMPORTANCE[kind],
    always: false,
    title: `${what} ${r.z > 0 ? 'jumped' : 'dropped'}`,
    explanation:
      `${what} ${unit(x)} is ${percent(x, r.median)} the baseline median ${unit(r.median)} ` +
      `(robust z ${z} over ${n} approved builds)${where}`,
    evidence,
  }];
}

/** Image size and file count far from the approved builds' median, by robust z-score (median and MAD). */
export function sizeChecks(ctx: CheckContext): Candidate[] {
  return [
    ...jump(ctx, 'size_jump', (p) => p.totalSize, (v) => `${(v / MB).toFixed(1)} MB`),
    ...jump(ctx, 'file_count_jump', (p) => p.fileCount, (v) => `${Math.round(v)} files`),
  ];
}
