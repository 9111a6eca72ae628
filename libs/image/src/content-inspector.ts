import { type LayerEntry } from './layer-walker.js';

/** What an inspector says after a chunk: `done` when it has seen enough; the rest of the entry is then skipped. */
export type InspectVerdict = 'more' | 'done';

/**
 * Looks at one regular file's bytes as they stream, without the file ever being held whole. Chunks arrive in order,
 * once each, and may be kept. An exception from either method fails the read, as a corrupt layer would.
 */
export interface ContentInspector<R> {
  update(chunk: Buffer): InspectVerdict | void;
  /** Called once, after the last chunk or after `done`; an undefined result keeps nothing for the entry. */
  finish(): R | undefined;
}

/**
 * Chooses an inspector for a regular file of a layer (undefined: not inspected). `path` is where the entry lands in the
 * image, as in `ImageFilesystem.history`.
 */
export type InspectEntry<R> = (entry: LayerEntry, path: string, layerIndex: number) => ContentInspector<R> | undefined;

/**
 * Streams an entry once into an inspector and, when `captureBytes` is given, into a copy of its first `captureBytes`
 * bytes; reading stops as soon as the inspector is done and the copy is full.
 */
export async function inspectContent<R>(
  body: AsyncIterable<Buffer>,
  inspector: ContentInspector<R>,
  captureBytes: number | null,
): Promise<{ content: Buffer | undefined; result: R | undefined }> {
  const captured: Buffer[] = [];
  let room = captureBytes ?? 0;
  let inspecting = true;
  for await (const chunk of body) {
    if (inspecting && inspector.update(chunk) === 'done') inspecting = false;
    if (room > 0) {
      captured.push(room < chunk.length ? chunk.subarray(0, room) : chunk);
      room -= Math.min(room, chunk.length);
    }
    // whatever is left of the entry is skipped by the tar reader
    if (!inspecting && room === 0) break;
  }
  return { content: captureBytes === null ? undefined : Buffer.concat(captured), result: inspector.finish() };
}
