import { checkImageConfig } from '../src/index.js';
import { accountFiles, configOf, findSecrets, hitsOf } from './support/fixtures.js';
import { imageOf } from './support/layers.js';

const run = (config: Record<string, unknown>, fs: Parameters<typeof checkImageConfig>[0]['fs'] = null) =>
  hitsOf(checkImageConfig({ config: configOf(config), fs, runtimeVariant: false, findSecrets }), 'config.user-root');

describe('root user', () => {
  it.each([[''], ['root'], ['0'], ['0:0'], ['root:root'], ['root:1000']])('reports USER %p as root', (user) => {
    const hits = run({ User: user });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ key: ['User'], patch: 'USER 65532:65532', evidence: { path: null, details: { key: 'User', value: user } } });
  });

  it('reports a config without a runtime part, and a named account whose uid is 0', async () => {
    expect(hitsOf(checkImageConfig({ config: { ...configOf({}), config: null }, fs: null, runtimeVariant: false, findSecrets }), 'config.user-root')).toHaveLength(1);
    const image = await imageOf(accountFiles({ passwd: 'root:x:0:0:root:/root:/bin/sh\nadmin:x:0:0::/root:/bin/sh\n' }));
    expect(run({ User: 'admin' }, image.fs)[0].title).toBe('Image runs as root: USER admin');
  });

  it("suggests the image's own non-root account", async () => {
    const image = await imageOf(accountFiles({ passwd: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/sbin/nologin\nnode:x:1000:1000::/home/node:/bin/sh\n' }));
    const [hit] = run({}, image.fs);
    expect(hit.patch).toBe('USER 1000:1000');
    expect(hit.remediation).toContain('existing account node');
    expect(hit.title).toBe('Image runs as root: no USER is set');
  });

  it.each([['65532'], ['65532:65532'], ['nonroot'], ['1000:0']])('accepts USER %p', async (user) => {
    const image = await imageOf(accountFiles({ passwd: 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n' }));
    expect(run({ User: user }, image.fs)).toEqual([]);
  });
});
