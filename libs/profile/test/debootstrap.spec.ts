import { createHash } from 'node:crypto';
import { createReadStream, existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BuildProfile } from '../src/index.js';
import { profileOf, putBlob, storeLayers, temporaryStore } from './support/image-fixtures.js';

// the debootstrap Debian 12 minbase rootfs that @dhi/testing's debianMinbaseRootfs() caches (this lib cannot import it)
const CACHED = join(resolve(process.env.DHI_CACHE_DIR ?? join(homedir(), '.cache', 'dhi-platform')), 'debian-bookworm-minbase');
const cached = existsSync(join(CACHED, 'layer.json')) && existsSync(join(CACHED, 'rootfs.tar'));
if (!cached) process.stderr.write(`debootstrap.spec: skipped, no cached Debian 12 rootfs at ${CACHED} (debianMinbaseRootfs() builds it, as root)\n`);

const FAKE_TAIL = '#!/bin/sh\nexec /bin/busybox tail "$@"\n';

(cached ? describe : describe.skip)('integrity of a real debootstrap Debian 12 image', () => {
  const { store, dispose } = temporaryStore();
  let rootfs: { digest: string; size: number };
  let pristine: BuildProfile;
  afterAll(dispose);

  beforeAll(async () => {
    rootfs = await putBlob(store, createReadStream(join(CACHED, 'rootfs.tar')));
    ({ profile: pristine } = await profileOf(store, [rootfs]));
  }, 10 * 60_000);

  it('verifies every md5sums line and finds nothing modified or unowned in Debian as debootstrap installed it', () => {
    // the oracle: the regular files the md5sums name in the unpacked rootfs debootstrap left in the cache
    const root = join(CACHED, 'rootfs');
    const info = join(root, 'var/lib/dpkg/info');
    const listed = readdirSync(info)
      .filter((name) => name.endsWith('.md5sums'))
      .flatMap((name) => readFileSync(join(info, name), 'utf8').split('\n').filter(Boolean).map((line) => line.slice(34)));
    const regular = listed.filter((path) => lstatSync(join(root, path), { throwIfNoEntry: false })?.isFile() === true);
    expect(pristine.os).toEqual({ id: 'debian', versionId: '12' });
    expect(pristine.integrity).toEqual({ modifiedPackageFiles: [], unownedSystemExecutables: [], verifiedFiles: regular.length, unverifiable: 0 });
    expect(pristine.executables.find((executable) => executable.path === '/usr/bin/tail')?.owner).toBe('coreutils');
    expect(pristine.executables.filter((executable) => executable.path.startsWith('/usr/bin/') && executable.sha256 === null)).toEqual([]);
  });

  it('does not report a conffile an admin edited (base-files\' /etc/issue)', async () => {
    const [layer] = await storeLayers(store, [[{ name: 'etc/issue', data: 'Authorised use only\n' }]]);
    const { profile } = await profileOf(store, [rootfs, layer]);
    expect(profile.integrity.modifiedPackageFiles).toEqual([]);
  }, 10 * 60_000);

  it('reports exactly the /usr/bin/tail a second layer replaced, as coreutils\' file', async () => {
    const sums = readFileSync(join(CACHED, 'rootfs/var/lib/dpkg/info/coreutils.md5sums'), 'utf8');
    const expected = /^([0-9a-f]{32}) {2}usr\/bin\/tail$/m.exec(sums)?.[1];
    const [layer] = await storeLayers(store, [[{ name: 'usr/bin/tail', data: FAKE_TAIL, mode: 0o755 }]]);
    const { profile } = await profileOf(store, [rootfs, layer]);
    expect(profile.integrity.modifiedPackageFiles).toEqual([
      { path: '/usr/bin/tail', package: 'coreutils', expected, actual: createHash('md5').update(FAKE_TAIL).digest('hex'), algorithm: 'md5' },
    ]);
  }, 10 * 60_000);
});
