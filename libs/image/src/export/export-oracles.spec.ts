import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { corporaDir, expectedRootfs } from '../../test/support/corpora.js';
import { modeString } from '../../test/support/listing.js';
import { FileBlobStore } from '../file-blob-store.js';
import { importImageArchive, type ImportedImage } from '../import-image-archive.js';
import { exportOciArchive } from './export-oci-archive.js';

const run = promisify(execFile);

/** Runs an oracle tool; a missing binary is a clear failure, never a silent skip. */
async function tool(name: string, args: string[]): Promise<string> {
  try {
    return (await run(name, args, { maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new Error(`${name} is not installed; the OCI export oracle tests need it (apt-get install ${name})`);
    throw new Error(`${name} ${args.join(' ')} failed: ${failure.stderr ?? failure.message}`);
  }
}

/** An unpacked root filesystem in the corpora's listing format (`mode\tsize\tpath\ttarget`, sorted by path). */
function listDirectory(rootfs: string, dir = rootfs, lines: [string, string][] = []): [string, string][] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const path = full.slice(rootfs.length + 1);
    const info = lstatSync(full);
    const type = info.isDirectory() ? 'dir' : info.isSymbolicLink() ? 'symlink' : 'file';
    const mode = type === 'symlink' ? 0o777 : info.mode & 0o7777;
    lines.push([path, `${modeString(type, mode)}\t${type === 'file' ? info.size : '-'}\t${path}\t${type === 'symlink' ? readlinkSync(full) : ''}`]);
    if (type === 'dir') listDirectory(rootfs, full, lines);
  }
  return lines;
}

const sortedListing = (rootfs: string): string[] => listDirectory(rootfs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);

let root: string;
let image: ImportedImage;
let archivePath: string;
const REF = 'dhi/alpine:3.10';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dhi-image-export-oracle-'));
  const store = new FileBlobStore(join(root, 'store'));
  image = await importImageArchive(createReadStream(join(corporaDir(), 'images', 'alpine-310.tar.gz')), store);
  archivePath = join(root, 'alpine.tar');
  await pipeline(exportOciArchive(store, { manifestDigest: image.manifestDigest, refName: REF }), createWriteStream(archivePath));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an exported OCI archive, read by independent tools', () => {
  it('skopeo inspect reports the stored manifest digest, and --raw returns the stored manifest', async () => {
    const inspected = JSON.parse(await tool('skopeo', ['inspect', `oci-archive:${archivePath}`]));
    expect(inspected).toMatchObject({ Digest: image.manifestDigest, Os: 'linux', Architecture: 'amd64', Layers: image.layers.map((l) => l.digest) });
    const raw = JSON.parse(await tool('skopeo', ['inspect', '--raw', `oci-archive:${archivePath}:${REF}`]));
    expect(raw.config.digest).toBe(image.configDigest);
  });

  it('skopeo copies it into an OCI layout that umoci lists and unpacks to the same root filesystem', async () => {
    const layout = join(root, 'layout');
    await tool('skopeo', ['copy', '--quiet', `oci-archive:${archivePath}`, `oci:${layout}:exported`]);
    expect((await tool('umoci', ['ls', '--layout', layout])).trim()).toBe('exported');
    const bundle = join(root, 'bundle');
    await tool('umoci', ['unpack', '--rootless', '--image', `${layout}:exported`, bundle]);
    expect(readFileSync(join(bundle, 'rootfs', 'etc', 'alpine-release'), 'utf8').trim()).toBe('3.10.4');
    const expected = expectedRootfs(readFileSync(join(corporaDir(), 'images', 'alpine-310.expected.txt'), 'utf8')).get('');
    expect(sortedListing(join(bundle, 'rootfs'))).toEqual(expected);
  });

  it('buildah pulls it (how Dockerfile builds receive platform images) with the same image id', async () => {
    const storage = join(root, 'buildah');
    mkdirSync(storage);
    const options = ['--root', join(storage, 'root'), '--runroot', join(storage, 'run'), '--storage-driver', 'vfs'];
    try {
      const id = (await tool('buildah', [...options, 'pull', '--quiet', `oci-archive:${archivePath}`])).trim();
      expect(`sha256:${id}`).toBe(image.configDigest);
      const inspected = JSON.parse(await tool('buildah', [...options, 'inspect', '--type', 'image', id]));
      expect(inspected.FromImageDigest).toBe(image.manifestDigest);
    } finally {
      if (existsSync(join(storage, 'root'))) await tool('buildah', [...options, 'rmi', '--all', '--force']).catch(() => undefined);
    }
  });
});
