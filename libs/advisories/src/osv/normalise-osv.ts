import { type ZodError } from 'zod';
import { AdvisoryError } from '../advisory-error.js';
import { type Advisory, type AffectedPackage, type AffectedRange, type RangeEvent, type RangeEventKind, type RangeType } from '../advisory.js';
import { computeSeverity } from './osv-severity.js';
import { type OsvAffected, type OsvRange, osvRecordSchema } from './osv-schema.js';

const RANGE_TYPES = new Set<string>(['ECOSYSTEM', 'SEMVER', 'GIT']);
const EVENT_KINDS: RangeEventKind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

function describe(error: ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  return issues.join('; ') + (error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '');
}

function normaliseRange(raw: OsvRange, where: string, warnings: string[]): AffectedRange | undefined {
  if (!RANGE_TYPES.has(raw.type)) {
    warnings.push(`${where}: range type "${raw.type}" is not an OSV range type; ignored`);
    return undefined;
  }
  const events: RangeEvent[] = [];
  for (const [index, event] of raw.events.entries()) {
    const kinds = EVENT_KINDS.filter((kind) => event[kind] !== undefined);
    if (kinds.length !== 1) throw new AdvisoryError('invalid_record', `${where}.events.${index}: an event needs exactly one of ${EVENT_KINDS.join(', ')}`);
    events.push({ kind: kinds[0], version: event[kinds[0]] as string });
  }
  return { type: raw.type as RangeType, ...(raw.repo !== undefined && { repo: raw.repo }), events };
}

function normaliseAffected(raw: OsvAffected, where: string, warnings: string[]): AffectedPackage | undefined {
  if (!raw.package) {
    warnings.push(`${where}: no package (only a repository range); ignored`);
    return undefined;
  }
  const ranges = (raw.ranges ?? []).flatMap((range, i) => normaliseRange(range, `${where}.ranges.${i}`, warnings) ?? []);
  return {
    ecosystem: raw.package.ecosystem,
    name: raw.package.name,
    ...(raw.package.purl !== undefined && { purl: raw.package.purl }),
    ranges,
    ...(raw.versions && { versions: raw.versions }),
    ...(raw.ecosystem_specific && { ecosystemSpecific: raw.ecosystem_specific }),
    ...(raw.database_specific && { databaseSpecific: raw.database_specific }),
  };
}

/** Validates one OSV record (already parsed from JSON or YAML) and normalises it; throws AdvisoryError('invalid_record'). */
export function normaliseOsvRecord(input: unknown, warnings: string[] = []): Advisory {
  const parsed = osvRecordSchema.safeParse(input);
  if (!parsed.success) throw new AdvisoryError('invalid_record', `not a valid OSV record: ${describe(parsed.error)}`);
  const raw = parsed.data;
  const dbWord = raw.database_specific?.severity;
  // OSV allows severity per affected package; use it when the record has none of its own
  const rawSeverity = raw.severity?.length ? raw.severity : (raw.affected ?? []).flatMap((a) => a.severity ?? []);
  const details = raw.details?.trim();
  return {
    id: raw.id,
    modified: raw.modified,
    ...(raw.published && { published: raw.published }),
    ...(raw.withdrawn && { withdrawn: raw.withdrawn }),
    aliases: raw.aliases ?? [],
    related: raw.related ?? [],
    ...(raw.summary?.trim() && { summary: raw.summary.trim() }),
    ...(details && { details }),
    severity: computeSeverity(rawSeverity, typeof dbWord === 'string' ? dbWord : undefined, warnings),
    affected: (raw.affected ?? []).flatMap((a, i) => normaliseAffected(a, `affected.${i}`, warnings) ?? []),
    references: raw.references ?? [],
    ...(raw.schema_version !== undefined && { schemaVersion: raw.schema_version }),
    ...(raw.database_specific && { databaseSpecific: raw.database_specific }),
  };
}
