// The two images of (a), imported with @dhi/image into one FileBlobStore under the run's temporary directory: the
// debootstrap Debian 12 minbase image and the 2,000-package npm image.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { corporaDir, dist } from '../support/dist.mjs';
import { writeNpmLayer } from './npm-layer.mjs';
import { planNpmPackages } from './npm-plan.mjs';

async function importLayerFile(layer, store) {
  const { importImageArchive } = dist('image');
  const image = await importImageArchive(dist('testing').fileLayerImageArchive(layer), store);
  return image.layers.map((l) => ({ digest: l.digest, size: l.size }));
}

async function debianImage(store, log) {
  const result = await dist('testing').debianMinbaseRootfs({ log });
  if (!result.ok) throw new Error(`no Debian rootfs (${result.code}): ${result.message}`);
  const { tarball, digest, size } = result.rootfs;
  log(`Debian 12 minbase image from ${tarball} (${(size / 1048576).toFixed(0)} MiB)`);
  return { name: 'debian-12-minbase', layers: await importLayerFile({ path: tarball, digest, size }, store), expected: null };
}

async function npmImage(work, store, log) {
  const { tryCompareVersions } = dist('versions');
  const packages = planNpmPackages(path.join(corporaDir(), 'osv/npm'), tryCompareVersions);
  const layer = await writeNpmLayer(path.join(work, 'npm-layer.tar'), packages);
  log(`npm image: ${packages.length} packages in one layer of ${(layer.size / 1048576).toFixed(0)} MiB`);
  try {
    return { name: 'npm-2000', layers: await importLayerFile(layer, store), expected: packages };
  } finally {
    rmSync(layer.path, { force: true });
  }
}

/** Imports both images into a FileBlobStore at `<work>/blobs`; resolves {storeDir, images: [{name, layers, expected}]}. */
export async function prepareImages(work, log) {
  const { FileBlobStore } = dist('image');
  const storeDir = path.join(work, 'blobs');
  const store = new FileBlobStore(storeDir);
  return { storeDir, images: [await debianImage(store, log), await npmImage(work, store, log)] };
}

const metadataPath = (dir) => `/app/node_modules/${dir}/package.json`;

/**
 * Checks the npm image's findings against its plan: every package installed at an affected version has a finding, no
 * package installed past every fix has one.
 */
export function checkNpmFindings(expected, findingPaths) {
  const found = new Set(findingPaths);
  const vulnerable = expected.filter((p) => p.expect === 'vulnerable').map((p) => metadataPath(p.dir));
  const clean = expected.filter((p) => p.expect !== 'vulnerable').map((p) => metadataPath(p.dir));
  const missed = vulnerable.filter((p) => !found.has(p));
  const unexpected = clean.filter((p) => found.has(p));
  return { plantedVulnerable: vulnerable.length, found: vulnerable.length - missed.length, missed, unexpected, ok: missed.length === 0 && unexpected.length === 0 };
}
