import { type BlobSource } from './blob-store.js';
import { ImageConfigJson, parseImageJson } from './image-json.js';
import { limitExceeded, resolveLimits, type ImageLimits } from './limits.js';

/** An image's config blob from a blob source (digest verified by the source), bounded by maxManifestBytes and parsed. */
export async function readImageConfig(source: BlobSource, digest: string, options?: { limits?: Partial<ImageLimits> }): Promise<ImageConfigJson> {
  const { maxManifestBytes } = resolveLimits(options?.limits);
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = await source.open(digest);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxManifestBytes) throw limitExceeded('maxManifestBytes', maxManifestBytes, `the config ${digest}`);
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return parseImageJson(Buffer.concat(chunks), ImageConfigJson, `config ${digest}`);
}
