export type OsvEventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';

/**
 * One range event, in either shape: OSV's own (`{ "introduced": "1.0" }`, exactly one field set) or the
 * normalised `{ kind, version }` of @dhi/advisories.
 */
export type OsvEvent =
  | { readonly introduced?: string; readonly fixed?: string; readonly last_affected?: string; readonly limit?: string }
  | { readonly kind: OsvEventKind | string; readonly version: string };

/** An OSV range (`ECOSYSTEM`, `SEMVER` or `GIT`; GIT ranges are never evaluated). */
export interface OsvRange {
  readonly type: string;
  readonly events: readonly OsvEvent[];
}

/**
 * The part of an OSV `affected[]` entry that matching reads. The package is named either OSV's way
 * (`package: {ecosystem, name}`) or flat (`ecosystem`, `name`) as @dhi/advisories normalises it.
 */
export interface OsvAffected {
  readonly package?: { readonly ecosystem: string; readonly name: string };
  readonly ecosystem?: string;
  readonly name?: string;
  readonly ranges?: readonly OsvRange[] | null;
  readonly versions?: readonly string[] | null;
}

/** The part of an OSV record (raw or normalised) that matching reads. */
export interface OsvRecordLike {
  readonly id: string;
  readonly withdrawn?: string | null;
  readonly affected?: readonly OsvAffected[] | null;
}

const KINDS: readonly OsvEventKind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

/** The kind and version of an event in either shape; undefined for an event with no known kind. */
export function eventOf(event: OsvEvent): { kind: OsvEventKind; version: string } | undefined {
  if ('kind' in event && 'version' in event) {
    return (KINDS as readonly string[]).includes(event.kind) ? { kind: event.kind as OsvEventKind, version: event.version } : undefined;
  }
  const raw = event as Partial<Record<OsvEventKind, string>>;
  for (const kind of KINDS) {
    const version = raw[kind];
    if (typeof version === 'string') return { kind, version };
  }
  return undefined;
}
