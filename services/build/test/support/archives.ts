import { randomBytes } from 'node:crypto';
import * as tar from 'tar-stream';
import { buildImageArchive, type FixtureImageSpec, sampleImageSpec } from '@dhi/testing';

/** A docker save archive of the sample image. */
export function sampleArchive(seed: string, format: 'docker-archive' | 'oci-archive' = 'docker-archive', gzip = false): Promise<Buffer> {
  return buildImageArchive(sampleImageSpec(seed), format, { gzip });
}

/** The sample image with one more layer of `bytes` incompressible bytes. */
export function largeArchive(seed: string, bytes: number): Promise<Buffer> {
  const spec: FixtureImageSpec = sampleImageSpec(seed);
  return buildImageArchive({ ...spec, layers: [...spec.layers, [{ path: '/data/random.bin', content: randomBytes(bytes) }]] }, 'docker-archive');
}

/** A copy of a tar archive without the entries `drop` selects. */
export async function withoutEntries(archive: Buffer, drop: (name: string) => boolean): Promise<Buffer> {
  const extract = tar.extract();
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const packed = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      if (drop(header.name)) {
        stream.on('end', next).resume();
        return;
      }
      stream.pipe(pack.entry(header, next));
    });
    extract.on('finish', () => {
      pack.finalize();
      resolve();
    });
    extract.on('error', reject);
  });
  extract.end(archive);
  await done;
  await packed;
  return Buffer.concat(chunks);
}

/** A copy with one byte changed inside the first occurrence of `needle` (content of a file in a layer). */
export function flipByteIn(archive: Buffer, needle: string): Buffer {
  const at = archive.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the archive`);
  const copy = Buffer.from(archive);
  copy[at] = copy[at] ^ 0x01;
  return copy;
}
