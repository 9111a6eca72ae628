import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlobStore, importImageArchive } from '@dhi/image';
import { checkImageConfig, checkPermissions } from '../src/index.js';
import { findSecrets } from './support/fixtures.js';
import { readTestImage } from './support/layers.js';

/** The shared read-only test corpora: DHI_CORPORA_DIR, or ../shared/corpora beside the repository. */
function corporaDir(): string {
  const dir = process.env.DHI_CORPORA_DIR ?? resolve(__dirname, '../../../../shared/corpora');
  if (!existsSync(join(dir, 'images'))) throw new Error(`test corpora not found at ${dir}: set DHI_CORPORA_DIR to the shared/corpora directory`);
  return dir;
}

describe('real Alpine images (docker save archives from the corpora)', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'dhi-checks-alpine-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([['alpine-310', '3.10.4'], ['alpine-311', '3.11.5']])('%s: its own config and files, checked as a runtime variant', async (name, version) => {
    const store = new FileBlobStore(join(work, name));
    const imported = await importImageArchive(Readable.from([readFileSync(join(corporaDir(), 'images', `${name}.tar.gz`))]), store);
    const image = await readTestImage(imported.layers, store);
    expect(image.os).toEqual({ id: 'alpine', versionId: version });
    // root is locked (`root:!::0:::::`), nothing is setuid, /tmp is sticky: the files are clean
    expect(checkPermissions(image)).toEqual([]);
    const hits = checkImageConfig({ config: imported.config, fs: image.fs, runtimeVariant: true, findSecrets, layers: imported.layers });
    expect(hits.map((hit) => [hit.ruleId, hit.key.join(' ')])).toEqual([
      ['config.user-root', 'User'],
      ['config.no-healthcheck', 'Healthcheck'],
      ['config.runtime-shell', 'ash'],
      ['config.runtime-shell', 'busybox'],
      ['config.runtime-shell', 'sh'],
      ['config.runtime-package-manager', 'apk'],
      ['config.missing-provenance-label', 'org.opencontainers.image.source'],
      ['config.missing-provenance-label', 'org.opencontainers.image.revision'],
    ]);
    expect(hits.find((hit) => hit.key[0] === 'sh')?.evidence).toMatchObject({ path: '/bin/sh', layerDigest: imported.layers[0].digest, details: { target: '/bin/busybox' } });
  });
});
