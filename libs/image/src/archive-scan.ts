import { type Readable } from 'node:stream';
import { type BlobStaging } from './blob-store.js';
import { openDecompressed } from './compression.js';
import { ImageError } from './image-error.js';
import { LayerProbe, type LayerProbeResult } from './layer-probe.js';
import { limitExceeded, type ImageLimits } from './limits.js';
import { normaliseArchivePath, resolveLinkTarget } from './paths.js';
import { readTar } from './tar-reader.js';

/** An archive file written to staging, with what the probe learnt of its decompressed form. */
export interface StagedFile {
  digest: string;
  size: number;
  probe: LayerProbeResult;
}

/** Everything one pass over an image archive found: staged files, small metadata files and links between entries. */
export interface ArchiveContents {
  files: Map<string, StagedFile>;
  metadata: Map<string, Buffer>;
  links: Map<string, { type: 'symlink' | 'hardlink'; target: string }>;
}

const METADATA_FILES = new Set(['manifest.json', 'index.json', 'oci-layout', 'repositories']);
// docker save's legacy per-layer files, never referenced by manifest.json
const LEGACY_FILE = /^[^/]+\/(VERSION|json)$/;
const OCI_BLOB = /^blobs\/sha256\/([^/]+)$/;
const MAX_LINK_HOPS = 16;

async function* countArchiveBytes(input: AsyncIterable<Buffer>, limits: ImageLimits): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of input) {
    total += chunk.length;
    if (total > limits.maxArchiveBytes) throw limitExceeded('maxArchiveBytes', limits.maxArchiveBytes, 'the image archive');
    yield chunk;
  }
}

async function readSmall(body: AsyncIterable<Buffer>, declared: number, limits: ImageLimits, name: string): Promise<Buffer> {
  if (declared > limits.maxManifestBytes) throw limitExceeded('maxManifestBytes', limits.maxManifestBytes, name);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Passes a blob's bytes through while the probe computes its decompressed digest. */
export async function* probed(body: AsyncIterable<Buffer>, probe: LayerProbe): AsyncGenerator<Buffer> {
  for await (const chunk of body) {
    await probe.write(chunk);
    yield chunk;
  }
}

/** Reads an image archive (optionally gzip'd) once, staging every file that may be a blob. */
export async function scanArchive(input: Readable, staging: BlobStaging, limits: ImageLimits): Promise<ArchiveContents> {
  const contents: ArchiveContents = { files: new Map(), metadata: new Map(), links: new Map() };
  const shared = { decompressed: 0 };
  const { stream } = await openDecompressed(countArchiveBytes(input, limits), limits, 'the image archive', shared);
  for await (const entry of readTar(stream, limits, 'the image archive')) {
    const path = normaliseArchivePath(entry.name);
    if (path === '') continue;
    if (entry.type === 'symlink' || entry.type === 'hardlink') {
      contents.links.set(path, { type: entry.type, target: entry.linkName ?? '' });
      contents.files.delete(path);
    } else if (entry.type === 'file' && METADATA_FILES.has(path)) {
      contents.metadata.set(path, await readSmall(entry.body, entry.size, limits, path));
    } else if (entry.type === 'file' && !LEGACY_FILE.test(path)) {
      const probe = new LayerProbe(limits, `layer ${path}`, shared);
      let staged: { digest: string; size: number };
      try {
        staged = await staging.put(probed(entry.body, probe), { maxBytes: limits.maxArchiveBytes });
      } catch (error) {
        probe.dispose();
        throw error;
      }
      const { digest, size } = staged;
      const named = OCI_BLOB.exec(path);
      if (named && `sha256:${named[1]}` !== digest) {
        throw new ImageError('digest_mismatch', `${path} does not match its name: its content hashes to ${digest}`);
      }
      contents.files.set(path, { digest, size, probe: await probe.end() });
      contents.links.delete(path);
    }
  }
  return contents;
}

/** The staged file at an archive path, following symlinks and hard links inside the archive; null if there is none. */
export function findArchiveFile(contents: ArchiveContents, path: string): StagedFile | null {
  let current = normaliseArchivePath(path);
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop += 1) {
    const file = contents.files.get(current);
    if (file) return file;
    const link = contents.links.get(current);
    if (!link) return null;
    current = link.type === 'symlink' ? resolveLinkTarget(current, link.target) : normaliseArchivePath(link.target);
  }
  throw new ImageError('invalid_manifest', `${path} is a chain of more than ${MAX_LINK_HOPS} links inside the archive`);
}
