import { isRuntimeLineage, parseLineagePatterns } from './runtime-lineages.js';

describe('runtime lineage patterns', () => {
  it('matches lineages by glob', () => {
    const patterns = parseLineagePatterns('dhi/*-runtime, dhi/distroless/*')!;
    expect(isRuntimeLineage(patterns, 'dhi/node-runtime')).toBe(true);
    expect(isRuntimeLineage(patterns, 'dhi/distroless/static')).toBe(true);
    expect(isRuntimeLineage(patterns, 'dhi/node')).toBe(false);
    expect(isRuntimeLineage(patterns, 'dhixnode-runtime')).toBe(false);
  });

  it('is empty for an empty value and refuses characters a lineage cannot have', () => {
    expect(parseLineagePatterns('')).toEqual([]);
    expect(parseLineagePatterns('dhi/(a|b)')).toBeUndefined();
  });
});
