import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlobStore, importImageArchive, readImageFilesystem, type ImageErrorCode, type ImportOptions } from '../src/index.js';
import { corporaDir, expectedRootfs } from './support/corpora.js';
import { rootfsListing } from './support/listing.js';
import { tarDirectory } from './support/oci-layout-tar.js';

const images = join(corporaDir(), 'images');
const ARM64 = { os: 'linux', architecture: 'arm64' };

/** Fixtures whose upstream tools refuse them, with the error the platform must give instead of crashing. */
const FAILURES: Record<string, ImageErrorCode> = {
  'ggcr-tarball-no_manifest': 'not_an_image',
  'ggcr-tarball-null_manifest': 'invalid_manifest',
  'scalibr-empty': 'not_an_image',
  'trivy-test_bad_index_json.oci': 'invalid_manifest',
  'trivy-test_index_json_dir.oci': 'invalid_manifest',
  'trivy-test_invalid_oci_image.oci': 'missing_blob',
  'trivy-test_no_valid_manifests.oci': 'invalid_manifest',
  'ggcr-test_gc_image_unknown_mediatype': 'missing_blob',
  'ggcr-test_index_media_type': 'unsupported',
  // two different images and no choice made
  'ggcr-test_index': 'invalid_manifest',
  'ggcr-tarball-test_bundle': 'invalid_manifest',
  'ggcr-tarball-test_link': 'invalid_manifest',
};

/** Final filesystems taken from the expected files' blob listings where the oracles refused the layout. */
const OCI_ROOTFS: Record<string, { options: ImportOptions; listing: string[] }[]> = {
  'ggcr-test_index': [
    { options: { imageIndex: 0 }, listing: ['-r-xr-xr-x\t4\tbar\t', '-r-xr-xr-x\t4\tfoo\t'] },
    { options: { imageIndex: 1 }, listing: ['-r-xr-xr-x\t4\tbat\t', '-r-xr-xr-x\t4\tbaz\t'] },
  ],
  'ggcr-test_gc_index': [{ options: {}, listing: ['-r-xr-xr-x\t4\tbar\t', '-r-xr-xr-x\t4\tfoo\t'] }],
};

let root: string;
let store: FileBlobStore;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-image-corpora-'));
  store = new FileBlobStore(join(root, 'store'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function listingOf(archive: Buffer, options: ImportOptions): Promise<string[]> {
  const image = await importImageArchive(Readable.from([archive]), store, options);
  return rootfsListing(await readImageFilesystem(image.layers, store));
}

async function expectFailure(archive: Buffer, code: ImageErrorCode): Promise<void> {
  await expect(importImageArchive(Readable.from([archive]), store)).rejects.toMatchObject({ name: 'ImageError', code });
}

function optionsFor(name: string, section: string): ImportOptions {
  const options: ImportOptions = name.includes('hello-world') ? { platform: ARM64 } : {};
  return section.startsWith('@') ? { ...options, imageIndex: Number(section.slice(1)) } : options;
}

describe('docker-archive corpus', () => {
  const names = readdirSync(join(images, 'docker-archive')).filter((f) => f.endsWith('.tar')).map((f) => f.slice(0, -4));

  it.each(names)('%s', async (name) => {
    const archive = readFileSync(join(images, 'docker-archive', `${name}.tar`));
    if (FAILURES[name]) await expectFailure(archive, FAILURES[name]);
    if (FAILURES[name] && !name.startsWith('ggcr-tarball-test_')) return;
    const expected = expectedRootfs(readFileSync(join(images, 'docker-archive', `${name}.expected.txt`), 'utf8'));
    expect(expected.size).toBeGreaterThan(0);
    for (const [section, lines] of expected) {
      expect(await listingOf(archive, optionsFor(name, section))).toEqual(lines);
    }
  });

  it('refuses an arm64-only image when linux/amd64 is wanted, naming what the archive has', async () => {
    const archive = readFileSync(join(images, 'docker-archive', 'ggcr-tarball-hello-world-v25.tar'));
    await expect(importImageArchive(Readable.from([archive]), store)).rejects.toMatchObject({
      code: 'no_matching_platform',
      message: expect.stringContaining('linux/arm64'),
    });
  });
});

describe('oci-layout corpus (tarred in memory as an OCI archive)', () => {
  const names = readdirSync(join(images, 'oci-layout')).filter((f) => !f.endsWith('.txt'));

  it.each(names)('%s', async (name) => {
    const archive = await tarDirectory(join(images, 'oci-layout', name));
    if (FAILURES[name]) await expectFailure(archive, FAILURES[name]);
    const known = OCI_ROOTFS[name];
    if (known) {
      for (const { options, listing } of known) expect(await listingOf(archive, options)).toEqual(listing);
      return;
    }
    if (FAILURES[name]) return;
    const expected = expectedRootfs(readFileSync(join(images, 'oci-layout', `${name}.expected.txt`), 'utf8'));
    expect(expected.size).toBe(1);
    expect(await listingOf(archive, {})).toEqual([...expected.values()][0]);
  });
});

describe('real docker save archives (gzip)', () => {
  it.each(['alpine-310', 'alpine-311'])('%s imports and its filesystem matches the umoci unpack', async (name) => {
    const archive = readFileSync(join(images, `${name}.tar.gz`));
    const image = await importImageArchive(Readable.from([archive]), store);
    expect(image.format).toBe('docker-archive');
    expect(image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(image.layers).toHaveLength(1);
    const fs = await readImageFilesystem(image.layers, store, { wantContent: (p) => p === '/etc/alpine-release' });
    const expected = expectedRootfs(readFileSync(join(images, `${name}.expected.txt`), 'utf8')).get('') ?? [];
    expect(rootfsListing(fs)).toEqual(expected);
    expect(fs.contents.get('/etc/alpine-release')?.toString().trim()).toBe(name === 'alpine-310' ? '3.10.4' : '3.11.5');
  });
});
