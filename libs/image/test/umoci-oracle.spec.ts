import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FileBlobStore, importImageLayout, readImageFilesystem } from '../src/index.js';
import { type TarItem } from './support/archive-builder.js';
import { corporaDir } from './support/corpora.js';
import { writeOciLayout } from './support/oci-layout-dir.js';
import { readerListing, rootfsListing, run } from './support/oracle-listing.js';

const dir = (name: string, mode = 0o755): TarItem => ({ name: `${name}/`, type: 'directory', mode });
const file = (name: string, data = name, mode = 0o644): TarItem => ({ name, data, mode });
const symlink = (name: string, linkname: string): TarItem => ({ name, type: 'symlink', linkname });
const hardlink = (name: string, linkname: string): TarItem => ({ name, type: 'link', linkname });

/** Fixture images for the oracle: each feature the reader must apply exactly as an unpacker does. */
const FIXTURES: Record<string, TarItem[][]> = {
  whiteouts: [
    [dir('etc'), file('etc/a'), file('etc/b'), dir('opt'), dir('opt/x'), file('opt/x/y'), file('keep')],
    [file('etc/.wh.a', ''), file('.wh.opt', ''), file('etc/c')],
    [dir('opt'), file('opt/new')],
  ],
  'opaque directories': [
    [dir('d'), file('d/old'), dir('d/sub'), file('d/sub/f'), dir('e'), file('e/stays')],
    [dir('d'), file('d/new'), file('d/.wh..wh..opq', ''), dir('d/sub2'), file('d/sub2/g')],
    [dir('e'), file('e/.wh..wh..opq', '')],
  ],
  'files replaced across layers': [
    [file('f', 'short'), file('to-dir'), dir('to-link'), file('to-link/child'), symlink('link-to-file', 'f'), file('chmod', 'x', 0o644)],
    [file('f', 'a much longer content'), dir('to-dir'), file('to-dir/inner'), symlink('to-link', '/f'), file('link-to-file', 'now a file')],
    [file('chmod', 'x', 0o600), file('to-dir/.wh.inner', '')],
  ],
  'symlinks and hard links': [
    [
      dir('bin'),
      file('bin/busybox', 'busybox binary', 0o755),
      hardlink('bin/sh', 'bin/busybox'),
      hardlink('bin/ls', './bin/busybox'),
      symlink('bin/ash', 'busybox'),
      symlink('abs', '/bin/busybox'),
      symlink('dangling', '../../nowhere'),
      symlink('dirlink', 'bin'),
    ],
    [hardlink('bin/cat', 'bin/sh'), symlink('abs', 'bin/ls')],
  ],
  'special modes': [
    [
      dir('tmp', 0o1777),
      dir('private', 0o700),
      dir('readonly', 0o555),
      file('readonly/f', 'r', 0o444),
      file('suid', 's', 0o4755),
      file('sgid', 'g', 0o2755),
      file('all', 'a', 0o6755),
      file('private/secret', 'k', 0o600),
    ],
  ],
  'writes through symlinked directories stay inside the root': [
    [dir('etc'), file('etc/hosts'), symlink('evil', '/etc'), symlink('up', '../../../etc'), symlink('dangling', '/made/by/layer')],
    [file('evil/passwd', 'root:x:0:0'), file('up/shadow', 'root:*:'), file('dangling/x'), file('evil/.wh.hosts', ''), hardlink('hl', 'evil/passwd')],
  ],
  'hard links outlive a later layer replacing or removing their target': [
    [file('f', 'one'), hardlink('h', 'f'), file('g', 'gee', 0o4755), hardlink('k', 'g'), hardlink('k2', 'k')],
    [file('f', 'replaced, longer'), file('.wh.g', '')],
  ],
  'implicit parent directories': [[file('a/b/c/deep'), file('x/y')], [file('a/b/other')]],
};

let work: string;
let store: FileBlobStore;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dhi-image-oracle-'));
  store = new FileBlobStore(join(work, 'store'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Reader and umoci listings of the image tagged `tag` in an OCI layout directory. */
async function bothListings(layout: string, tag: string): Promise<{ reader: string[]; umoci: string[] }> {
  const image = await importImageLayout(layout, store);
  const { lines, implicit } = readerListing(await readImageFilesystem(image.layers, store));
  const bundle = mkdtempSync(join(work, 'bundle-'));
  rmSync(bundle, { recursive: true });
  run('umoci', ['unpack', '--rootless', '--image', `${layout}:${tag}`, bundle]);
  return { reader: lines, umoci: rootfsListing(join(bundle, 'rootfs'), implicit) };
}

describe('final filesystem equals `umoci unpack --rootless` (path, type, mode, size, link target)', () => {
  it.each(Object.keys(FIXTURES))('fixture: %s', async (name) => {
    const layout = mkdtempSync(join(work, 'layout-'));
    await writeOciLayout(layout, FIXTURES[name]);
    const { reader, umoci } = await bothListings(layout, 'latest');
    expect(reader.length).toBeGreaterThan(0);
    expect(reader).toEqual(umoci);
  });

  it.each([
    ['trivy-test_image_tag.oci', '0.0.1'],
    ['trivy-test.oci', null],
    ['ggcr-test_index_one_image', null],
  ])('corpus OCI layout: %s', async (name, tag) => {
    const layout = mkdtempSync(join(work, 'corpus-'));
    cpSync(join(corporaDir(), 'images', 'oci-layout', name), layout, { recursive: true });
    if (tag === null) {
      // umoci addresses images by tag only: the copy gets one
      const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { annotations?: Record<string, string> }[] };
      for (const m of index.manifests) m.annotations = { ...m.annotations, 'org.opencontainers.image.ref.name': 'oracle' };
      writeFileSync(join(layout, 'index.json'), JSON.stringify(index));
    }
    const { reader, umoci } = await bothListings(layout, tag ?? 'oracle');
    expect(reader).toEqual(umoci);
  });

  it.each(['alpine-310', 'alpine-311'])('real docker save archive, converted by skopeo: %s', async (name) => {
    const tar = join(work, `${name}.tar`);
    writeFileSync(tar, gunzipSync(readFileSync(join(corporaDir(), 'images', `${name}.tar.gz`))));
    const layout = join(work, `${name}-layout`);
    run('skopeo', ['copy', '-q', `docker-archive:${tar}`, `oci:${layout}:oracle`]);
    const { reader, umoci } = await bothListings(layout, 'oracle');
    expect(reader.length).toBeGreaterThan(400);
    expect(reader).toEqual(umoci);
  });
});
