import { type ContentInspector, type InspectEntry } from './content-inspector.js';
import { combineInspectors, inspectionsOf } from './combine-inspectors.js';
import { type LayerEntry } from './layer-walker.js';

const entry: LayerEntry = { path: '/a', type: 'file', mode: 0o644, uid: 0, gid: 0, size: 10, linkTarget: null };

/** Counts bytes; done after `limit` bytes. */
const counter = (limit: number): InspectEntry<number> => () => {
  let bytes = 0;
  return {
    update(chunk) {
      bytes += chunk.length;
      return bytes >= limit ? 'done' : 'more';
    },
    finish: () => bytes,
  };
};

function feed<R>(inspector: ContentInspector<R>, chunks: string[]): { result: R | undefined; fed: number } {
  let fed = 0;
  for (const chunk of chunks) {
    fed += 1;
    if (inspector.update(Buffer.from(chunk)) === 'done') break;
  }
  return { result: inspector.finish(), fed };
}

describe('combineInspectors', () => {
  it('feeds every interested inspector and stops only when all are done', () => {
    const combined = combineInspectors<{ short: number; long: number }>({ short: counter(2), long: counter(6) })(entry, '/a', 0)!;
    const { result, fed } = feed(combined, ['ab', 'cd', 'ef', 'gh']);
    expect(fed).toBe(3);
    expect(result).toEqual({ short: 2, long: 6 });
  });

  it('offers nothing when no inspector wants the file, and keeps only the results that exist', () => {
    const none: InspectEntry<number> = () => undefined;
    expect(combineInspectors<{ a: number }>({ a: none })(entry, '/a', 0)).toBeUndefined();
    const partial = combineInspectors<{ a: number; b: number }>({ a: none, b: counter(1) })(entry, '/a', 0)!;
    expect(feed(partial, ['x']).result).toEqual({ b: 1 });
  });

  it('splits combined inspections by name', () => {
    const inspections = new Map([['/a', new Map([[0, { a: 1, b: 2 }], [1, { b: 3 }]])]]);
    expect(inspectionsOf<{ a: number; b: number }, 'a'>(inspections, 'a')).toEqual(new Map([['/a', new Map([[0, 1]])]]));
    expect(inspectionsOf<{ a: number; b: number }, 'b'>(inspections, 'b')).toEqual(new Map([['/a', new Map([[0, 2], [1, 3]])]]));
  });
});
