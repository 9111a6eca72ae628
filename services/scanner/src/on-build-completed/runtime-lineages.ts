/**
 * Lineage patterns of runtime (minimal) variants, from RUNTIME_LINEAGES: comma-separated, `*` matching any run of
 * characters (`dhi/*-runtime,dhi/distroless/*`). Images of such a lineage should hold no shell or package manager.
 */
export function parseLineagePatterns(raw: string): RegExp[] | undefined {
  const patterns = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (patterns.some((p) => !/^[a-z0-9*][a-z0-9._/*-]*$/.test(p))) return undefined;
  return patterns.map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&').replace(/\*/g, '.*')}$`));
}

/** Whether a lineage is configured as a runtime variant. */
export const isRuntimeLineage = (patterns: readonly RegExp[], lineage: string): boolean => patterns.some((p) => p.test(lineage));

/** Path globs from a comma-separated list, each absolute or starting with `**`; undefined when one is neither. */
export function parsePathGlobs(raw: string): string[] | undefined {
  const globs = raw.split(',').map((g) => g.trim()).filter((g) => g !== '');
  return globs.every((g) => g.startsWith('/') || g.startsWith('**/')) ? globs : undefined;
}
