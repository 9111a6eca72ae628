import { constants, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { probed, type StagedFile } from './archive-scan.js';
import { type BlobStaging, type BlobStore } from './blob-store.js';
import { digestHex } from './digest.js';
import { ImageError } from './image-error.js';
import { commitImage, type ImportedImage, type ImportOptions } from './import-image-archive.js';
import { LayerProbe } from './layer-probe.js';
import { limitExceeded, resolveLimits, type ImageLimits } from './limits.js';
import { resolveOciLayout, type OciBlobLookup } from './oci-archive.js';
import { DEFAULT_PLATFORM } from './platform.js';

/** Opens a file of the layout without following a symlink in its last component; null when it does not exist. */
async function openInLayout(path: string, name: string): Promise<{ handle: FileHandle; info: Stats } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new ImageError('invalid_manifest', `${name} in the OCI layout is a symbolic link; layout files must be regular files`);
    throw error;
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw new ImageError('invalid_manifest', `${name} in the OCI layout is not a regular file`);
  }
  return { handle, info };
}

/** True when `path` is a real directory; a symlink in its place could lead reads out of the layout. */
async function isPlainDirectory(path: string, name: string): Promise<boolean> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info === null) return false;
  if (!info.isDirectory()) throw new ImageError('invalid_manifest', `${name} in the OCI layout is not a directory (symbolic links are not followed)`);
  return true;
}

async function readIndex(dir: string, limits: ImageLimits): Promise<Buffer> {
  const opened = await openInLayout(join(dir, 'index.json'), 'index.json');
  if (!opened) throw new ImageError('not_an_image', 'the directory is not an OCI image layout (it has no index.json)');
  try {
    if (opened.info.size > limits.maxManifestBytes) throw limitExceeded('maxManifestBytes', limits.maxManifestBytes, 'index.json');
    return await opened.handle.readFile();
  } finally {
    await opened.handle.close();
  }
}

/** Stages the layout's blobs as they are asked for, each once, checking size, digest and the total against the limits. */
function layoutBlobs(dir: string, staging: BlobStaging, limits: ImageLimits, blobsPresent: boolean): OciBlobLookup {
  const staged = new Map<string, StagedFile | null>();
  const shared = { decompressed: 0 };
  let totalBytes = 0;
  return async (digest, size) => {
    const known = staged.get(digest);
    if (known !== undefined) return known;
    const name = `blobs/sha256/${digestHex(digest)}`;
    const opened = blobsPresent ? await openInLayout(join(dir, name), name) : null;
    if (!opened) {
      staged.set(digest, null);
      return null;
    }
    try {
      if (opened.info.size !== size) throw new ImageError('digest_mismatch', `blob ${digest} has ${opened.info.size} bytes, but its descriptor says ${size}`);
      totalBytes += opened.info.size;
      if (totalBytes > limits.maxArchiveBytes) throw limitExceeded('maxArchiveBytes', limits.maxArchiveBytes, 'the blobs read from the OCI layout');
      const probe = new LayerProbe(limits, `layer ${name}`, shared);
      const put = await staging.put(probed(opened.handle.createReadStream({ autoClose: false }), probe), { maxBytes: size }).catch((error: unknown) => {
        probe.dispose();
        throw error;
      });
      if (put.digest !== digest) throw new ImageError('digest_mismatch', `${name} does not match its name: its content hashes to ${put.digest}`);
      const file: StagedFile = { digest: put.digest, size: put.size, probe: await probe.end() };
      staged.set(digest, file);
      return file;
    } finally {
      await opened.handle.close();
    }
  };
}

/**
 * Imports an OCI image layout directory (what `skopeo copy … oci:<dir>` or `buildah push … oci:<dir>` write) with the same
 * verification, limits and staging as an archive. Only index.json and the blobs it reaches are read, never through a
 * symbolic link; `format` is reported as `oci-archive` (the same layout, untarred).
 */
export async function importImageLayout(dir: string, store: BlobStore, options: ImportOptions = {}): Promise<ImportedImage> {
  const limits = resolveLimits(options.limits);
  const staging = await store.stage();
  try {
    const index = await readIndex(dir, limits);
    const blobsPresent = (await isPlainDirectory(join(dir, 'blobs'), 'blobs')) && (await isPlainDirectory(join(dir, 'blobs', 'sha256'), 'blobs/sha256'));
    const lookup = layoutBlobs(dir, staging, limits, blobsPresent);
    const image = await resolveOciLayout(index, lookup, staging, limits, { platform: options.platform ?? DEFAULT_PLATFORM, imageIndex: options.imageIndex });
    return await commitImage(image, staging);
  } finally {
    await staging.discard();
  }
}
