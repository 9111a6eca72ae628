import { checkImageConfig, type CheckHit } from '../src/index.js';
import { configOf, findSecrets } from './support/fixtures.js';
import { imageOf, type TestImage } from './support/layers.js';

const run = (image: TestImage, runtimeVariant = true): CheckHit[] =>
  checkImageConfig({ config: configOf({ User: '65532' }), fs: image.fs, runtimeVariant, findSecrets, layers: image.layers }).filter((hit) => hit.ruleId.startsWith('config.runtime-'));

describe('shells and package managers in a runtime variant', () => {
  it('reports each shell and package manager once, at its most standard path, following symlinks', async () => {
    // Debian's merged /usr: /bin is a symlink and sh a symlink to dash
    const image = await imageOf(
      [
        { name: 'bin', type: 'symlink', linkname: 'usr/bin' },
        { name: 'usr/bin/', type: 'directory' },
        { name: 'usr/bin/dash', mode: 0o755 },
        { name: 'usr/bin/sh', type: 'symlink', linkname: 'dash' },
        { name: 'usr/bin/dpkg', mode: 0o755 },
      ],
      [
        { name: 'usr/bin/apt-get', mode: 0o755 },
        { name: 'usr/local/bin/pip3.12', mode: 0o755 },
        { name: 'usr/local/bin/pip3', type: 'symlink', linkname: 'pip3.12' },
      ],
    );
    const hits = run(image);
    expect(hits.map((hit) => [hit.ruleId, hit.key[0], hit.evidence.path])).toEqual([
      ['config.runtime-package-manager', 'apt-get', '/usr/bin/apt-get'],
      ['config.runtime-shell', 'dash', '/usr/bin/dash'],
      ['config.runtime-package-manager', 'dpkg', '/usr/bin/dpkg'],
      ['config.runtime-shell', 'sh', '/usr/bin/sh'],
      ['config.runtime-package-manager', 'pip', '/usr/local/bin/pip3'],
    ]);
    expect(hits[3]).toMatchObject({ title: 'Shell sh (/usr/bin/sh) in a runtime image', evidence: { layerDigest: image.layers[0].digest, details: { tool: 'sh', target: '/usr/bin/dash', paths: 1 } } });
    expect(hits[4].evidence).toMatchObject({ layerDigest: image.layers[1].digest, details: { paths: 2 } });
  });

  it('sees busybox applets as the shells they are', async () => {
    const image = await imageOf([
      { name: 'bin/busybox', mode: 0o755 },
      { name: 'bin/sh', type: 'symlink', linkname: '/bin/busybox' },
      { name: 'bin/ash', type: 'symlink', linkname: '/bin/busybox' },
      { name: 'sbin/apk', mode: 0o755 },
    ]);
    expect(run(image).map((hit) => hit.key[0])).toEqual(['ash', 'busybox', 'sh', 'apk']);
  });

  it('accepts a static image, a dangling link, tools outside command directories, and a variant that is not runtime', async () => {
    const image = await imageOf([
      { name: 'app/server', mode: 0o755 },
      { name: 'bin/sh', type: 'symlink', linkname: '/nowhere/sh' },
      { name: 'usr/share/doc/bash/README', mode: 0o644 },
      { name: 'app/node_modules/.bin/npm', mode: 0o755 },
    ]);
    expect(run(image)).toEqual([]);
    const full = await imageOf([{ name: 'bin/bash', mode: 0o755 }, { name: 'usr/bin/apt', mode: 0o755 }]);
    expect(run(full, false)).toEqual([]);
    expect(run(full, true)).toHaveLength(2);
  });
});
