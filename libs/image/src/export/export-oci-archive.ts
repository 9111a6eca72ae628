import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { type BlobStore } from '../blob-store.js';
import { blobEntryName, LAYOUT_DIRECTORIES, planOciArchive, type OciArchivePlan, type StoredImageRef } from './oci-archive-plan.js';

type Pack = ReturnType<typeof tar.pack>;

// fixed owner and times: the same image always exports to the same bytes
const HEADER = { uid: 0, gid: 0, mtime: new Date(0) };

function writeBuffer(pack: Pack, name: string, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ ...HEADER, name, mode: 0o644 }, data, (error) => (error ? reject(error) : resolve()));
  });
}

function writeDirectory(pack: Pack, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ ...HEADER, name, type: 'directory', mode: 0o755 }, (error) => (error ? reject(error) : resolve()));
  });
}

/** Copies one verified blob stream into the tar; the pack's backpressure paces the read. */
function writeStream(pack: Pack, name: string, size: number, source: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const entry = pack.entry({ ...HEADER, name, size, mode: 0o644 }, (error) => {
      if (!error) return resolve();
      source.destroy();
      reject(error);
    });
    // the entry's failure arrives in the callback above; without a listener its 'error' event would crash the process
    entry.on('error', () => undefined);
    source.once('error', (error) => {
      // destroying the entry destroys the whole archive: a reader must never take a corrupt archive for a complete one
      entry.destroy(error);
      reject(error);
    });
    source.pipe(entry);
  });
}

async function fill(pack: Pack, store: BlobStore, plan: OciArchivePlan): Promise<void> {
  await writeBuffer(pack, 'oci-layout', plan.ociLayout);
  await writeBuffer(pack, 'index.json', plan.indexJson);
  for (const directory of LAYOUT_DIRECTORIES) await writeDirectory(pack, directory);
  // one blob open at a time, each verified against its digest while it streams
  for (const blob of plan.blobs) await writeStream(pack, blobEntryName(blob.digest), blob.size, await store.open(blob.digest));
  pack.finalize();
}

function toNodeStream(pack: Pack, work: (pack: Pack) => Promise<void>): Readable {
  work(pack).catch((error: unknown) => pack.destroy(error as Error));
  // destroying the returned stream ends the async iteration, which destroys the pack and with it the blob being read
  return Readable.from(pack as AsyncIterable<Buffer>, { objectMode: false });
}

/** Streams an already planned export (see planOciArchive); errors, including digest mismatches, destroy the stream. */
export function writeOciArchive(store: BlobStore, plan: OciArchivePlan): Readable {
  return toNodeStream(tar.pack(), (pack) => fill(pack, store, plan));
}

/** Streams a stored image as an OCI image-layout tar (oci-layout, index.json with org.opencontainers.image.ref.name, blobs/sha256/*). */
export function exportOciArchive(store: BlobStore, image: StoredImageRef): Readable {
  return toNodeStream(tar.pack(), async (pack) => fill(pack, store, await planOciArchive(store, image)));
}
