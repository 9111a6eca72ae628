import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MediaTypes } from '../../src/index.js';
import { gzip, hexOf, sha256, tarOf, type TarItem } from './archive-builder.js';

/**
 * Writes an OCI image layout directory of gzip'd layers, tagged `tag` (what umoci and skopeo address as `<dir>:<tag>`).
 * A local twin of @dhi/testing's buildImageArchive: the module boundaries keep libs/image from depending on libs/testing.
 */
export async function writeOciLayout(dir: string, layers: TarItem[][], tag = 'latest'): Promise<{ manifestDigest: string; layerDigests: string[] }> {
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (data: Buffer): { digest: string; size: number } => {
    const digest = sha256(data);
    writeFileSync(join(dir, 'blobs', 'sha256', hexOf(digest)), data);
    return { digest, size: data.length };
  };
  const tars = await Promise.all(layers.map((items) => tarOf(items)));
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: tars.map(sha256) } }));
  const layerBlobs = tars.map((tar) => ({ mediaType: MediaTypes.ociLayerGzip, ...put(gzip(tar)) }));
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaTypes.ociManifest,
    config: { mediaType: MediaTypes.ociConfig, ...put(config) },
    layers: layerBlobs,
  }));
  const manifestBlob = put(manifest);
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(join(dir, 'index.json'), JSON.stringify({
    schemaVersion: 2,
    manifests: [{ mediaType: MediaTypes.ociManifest, ...manifestBlob, annotations: { 'org.opencontainers.image.ref.name': tag } }],
  }));
  return { manifestDigest: manifestBlob.digest, layerDigests: layerBlobs.map((l) => l.digest) };
}
