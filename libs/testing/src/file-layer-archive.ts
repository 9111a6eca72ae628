import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';

/** An uncompressed layer tar on disk. */
export interface FileLayer {
  path: string;
  /** `sha256:<hex>` of the file. */
  digest: string;
  size: number;
}

const EPOCH = new Date(0);

function addBuffer(pack: tar.Pack, name: string, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, mode: 0o644, mtime: EPOCH }, data, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * A `docker save` archive whose single layer is the given tar file, streamed: the layer goes from disk to the archive
 * without being held in memory, so a root filesystem of hundreds of MB can be imported as an image.
 */
export function fileLayerImageArchive(layer: FileLayer, options: { architecture?: string } = {}): Readable {
  const pack = tar.pack();
  const config = Buffer.from(JSON.stringify({
    architecture: options.architecture ?? 'amd64',
    os: 'linux',
    created: EPOCH.toISOString(),
    config: {},
    rootfs: { type: 'layers', diff_ids: [layer.digest] },
    history: [{ created: EPOCH.toISOString(), created_by: `file layer ${layer.path}` }],
  }));
  const configName = `${createHash('sha256').update(config).digest('hex')}.json`;
  const layerName = `${layer.digest.slice('sha256:'.length)}/layer.tar`;
  const manifest = Buffer.from(JSON.stringify([{ Config: configName, RepoTags: ['fixture:latest'], Layers: [layerName] }]));
  (async () => {
    await pipeline(createReadStream(layer.path), pack.entry({ name: layerName, size: layer.size, mode: 0o644, mtime: EPOCH }));
    await addBuffer(pack, configName, config);
    await addBuffer(pack, 'manifest.json', manifest);
    pack.finalize();
  })().catch((error: Error) => pack.destroy(error));
  // tar-stream's pack is a streamx stream: wrapped, it is a node Readable that ends in the pack's error if it fails
  return Readable.from(pack as AsyncIterable<Buffer>);
}
