import { type Anomaly, type Finding, type ReviewItemSource, type SignalFeatures as SignalFeaturesSchema } from '@dhi/contracts';
import { type z } from 'zod';

export type SignalFeatures = z.infer<typeof SignalFeaturesSchema>;
export type ItemSource = z.infer<typeof ReviewItemSource>;

const PURL_TYPE = /^pkg:([a-z0-9.+-]+)\//i;

/** The first two segments of an in-image path (`/usr/lib/x/y` → `/usr/lib`), or null without a path. */
export function pathPrefix(path: string | null | undefined): string | null {
  if (!path) return null;
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  return segments.length === 0 ? null : `/${segments.slice(0, 2).join('/')}`;
}

/** The package ecosystem: the type of a package URL (`pkg:npm/...` → `npm`), else an explicit one, else null. */
export function ecosystemOf(pkg: unknown, explicit?: unknown): string | null {
  if (typeof explicit === 'string' && explicit !== '') return explicit.toLowerCase();
  if (typeof pkg !== 'string') return null;
  return PURL_TYPE.exec(pkg)?.[1]?.toLowerCase() ?? null;
}

function layerIndexOf(evidence: Record<string, unknown>): number | null {
  for (const key of ['layerIndex', 'layerPosition']) {
    const value = evidence[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  }
  return null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The learning features of a scanner finding (DESIGN §6); its evidence names no layer position, only a digest. */
export function findingFeatures(finding: Finding, lineage: string): SignalFeatures {
  return {
    signal: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    pathPrefix: pathPrefix(finding.evidence.path),
    ecosystem: ecosystemOf(finding.evidence.package),
    lineage,
    layerPosition: layerIndexOf(finding.evidence as unknown as Record<string, unknown>),
    evidenceStrength: finding.confidence,
  };
}

/** The learning features of an anomaly (DESIGN §6); anomalies form one category. */
export function anomalyFeatures(anomaly: Anomaly, lineage: string): SignalFeatures {
  return {
    signal: anomaly.kind,
    category: 'anomaly',
    severity: anomaly.severity,
    pathPrefix: pathPrefix(text(anomaly.evidence['path'])),
    ecosystem: ecosystemOf(anomaly.evidence['package'], anomaly.evidence['ecosystem']),
    lineage,
    layerPosition: layerIndexOf(anomaly.evidence),
    evidenceStrength: anomaly.confidence,
  };
}
