import { type ContentInspector, type InspectEntry, type InspectVerdict } from './content-inspector.js';

/** One result per named inspector that took the file. */
export type CombinedResult<T extends Record<string, unknown>> = { [K in keyof T]?: T[K] };

/** The named inspect functions of readImageFilesystem's single `inspect` option. */
export type NamedInspectors<T extends Record<string, unknown>> = { [K in keyof T]?: InspectEntry<T[K]> };

/**
 * Several inspectors over one read: each file is offered to every one; chunks go to those still reading, and the entry
 * is skipped once all say `done`. Results are kept under each inspector's name.
 */
export function combineInspectors<T extends Record<string, unknown>>(inspectors: NamedInspectors<T>): InspectEntry<CombinedResult<T>> {
  const named = Object.entries(inspectors).filter((entry): entry is [string, InspectEntry<unknown>] => entry[1] !== undefined);
  return (entry, path, layerIndex) => {
    const active: [string, ContentInspector<unknown>][] = [];
    for (const [name, inspect] of named) {
      const inspector = inspect(entry, path, layerIndex);
      if (inspector) active.push([name, inspector]);
    }
    if (active.length === 0) return undefined;
    const reading = new Set(active.map(([name]) => name));
    return {
      update(chunk): InspectVerdict {
        for (const [name, inspector] of active) if (reading.has(name) && inspector.update(chunk) === 'done') reading.delete(name);
        return reading.size === 0 ? 'done' : 'more';
      },
      finish() {
        const result: Record<string, unknown> = {};
        for (const [name, inspector] of active) {
          const value = inspector.finish();
          if (value !== undefined) result[name] = value;
        }
        return Object.keys(result).length === 0 ? undefined : (result as CombinedResult<T>);
      },
    };
  };
}

/** The results of one named inspector, out of the combined inspections of a read (by path, then layer index). */
export function inspectionsOf<T extends Record<string, unknown>, K extends keyof T>(
  inspections: ReadonlyMap<string, ReadonlyMap<number, CombinedResult<T>>>,
  name: K,
): Map<string, Map<number, T[K]>> {
  const out = new Map<string, Map<number, T[K]>>();
  for (const [path, byLayer] of inspections) {
    for (const [layerIndex, combined] of byLayer) {
      const value = combined[name];
      if (value === undefined) continue;
      let layers = out.get(path);
      if (!layers) out.set(path, (layers = new Map()));
      layers.set(layerIndex, value as T[K]);
    }
  }
  return out;
}
