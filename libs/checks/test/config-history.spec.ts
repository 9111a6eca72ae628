import { checkImageConfig, type CheckHit } from '../src/index.js';
import { configOf, findSecrets, hitsOf } from './support/fixtures.js';

const layers = [{ digest: `sha256:${'a'.repeat(64)}` }, { digest: `sha256:${'b'.repeat(64)}` }];
const run = (history: { created_by: string; empty_layer?: boolean }[]): CheckHit[] =>
  hitsOf(checkImageConfig({ config: configOf({ User: '65532' }, history), fs: null, runtimeVariant: false, findSecrets, layers }), 'config.remote-add');

describe('ADD from a remote URL', () => {
  it('reports the download buildah (and the classic builder) record by its bare hash', () => {
    // as buildah 1.28 wrote it for `ADD http://127.0.0.1:18777/srv.txt /srv.txt`
    const hits = run([
      { created_by: '/bin/sh -c #(nop) ADD file:0c4555f363c2672e350001f1293e689875a3760afe7b3f9146886afe67121cba in / ' },
      { created_by: '/bin/sh -c #(nop) ADD 53c37cf1426687d64a66a84afcbfcbd0423c3996949086ba9e1c5ce98528fb41 in /srv.txt ' },
    ]);
    expect(hits).toEqual([
      {
        ruleId: 'config.remote-add',
        key: ['to /srv.txt'],
        title: 'ADD downloads a remote URL into /srv.txt at build time',
        evidence: { path: null, layerDigest: layers[1].digest, details: { key: 'history[1]', url: null, destination: '/srv.txt', checksum: false } },
      },
    ]);
  });

  it('reports the URL BuildKit keeps, hiding credentials and query, and lowers a pinned checksum to low', () => {
    const hits = run([
      { created_by: 'ADD https://deploy:tok3n@files.example/app.tar.gz?sig=abc /opt/ # buildkit' },
      { created_by: 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://files.example/tool /usr/local/bin/tool # buildkit' },
    ]);
    expect(hits.map((hit) => [hit.title, hit.severity])).toEqual([
      ['ADD downloads https://***@files.example/app.tar.gz?*** into /opt/ at build time', undefined],
      ['ADD downloads https://files.example/tool into /usr/local/bin/tool at build time (checksum pinned)', 'low'],
    ]);
    expect(JSON.stringify(hits)).not.toContain('tok3n');
  });

  it('accepts local ADD and COPY of files, directories and several sources', () => {
    expect(
      run([
        { created_by: '/bin/sh -c #(nop) ADD file:375cd45b9157e121ab8ef5fce14b3e68defdf7da7e3b44547c043292f6ed38ae in /x/ ' },
        { created_by: '/bin/sh -c #(nop) ADD multi:4a64f850ab0ed526d91a5f4ef431e14258850e6f7e686f0d9f84b12b457c321e in /y/ ' },
        { created_by: '/bin/sh -c #(nop) COPY dir:ec46418bdfb3f3d669a00de8bbd4b5c2ef8a0ceff34a36d85fc776bd616d78c8 in /app ' },
        { created_by: 'ADD app.tar.gz /opt/ # buildkit' },
        { created_by: '/bin/sh -c curl -fsSL https://files.example/x -o /x' },
      ]),
    ).toEqual([]);
  });
});
