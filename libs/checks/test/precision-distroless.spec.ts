import { type Severity } from '@dhi/contracts';
import { type ImageConfigJson } from '@dhi/image';
import { type CheckHit, checkImageConfig, checkPermissions, CONFIG_RULES, PERMISSION_RULES } from '../src/index.js';
import { configOf, findSecrets } from './support/fixtures.js';
import { imageOf, type TarItem, type TestImage } from './support/layers.js';

const DEFAULTS = new Map<string, Severity>([...PERMISSION_RULES, ...CONFIG_RULES].map((rule) => [rule.id, rule.severity]));
const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

const OS_RELEASE = 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nHOME_URL="https://git.example/distroless"\n';
const CA_BUNDLE = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n';

/** A distroless-style image: static files, a nonroot account, /tmp sticky, the application in its own layer. */
async function distroless(extra: TarItem[] = []): Promise<TestImage> {
  return imageOf(
    [
      { name: 'etc/', type: 'directory' },
      { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' },
      { name: 'etc/group', data: 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n' },
      { name: 'etc/os-release', data: OS_RELEASE },
      { name: 'etc/nsswitch.conf', data: 'hosts: files dns\n' },
      { name: 'etc/ssl/certs/ca-certificates.crt', data: CA_BUNDLE },
      { name: 'usr/share/zoneinfo/UTC', data: 'TZif2' },
      { name: 'tmp/', type: 'directory', mode: 0o1777 },
      { name: 'home/nonroot/', type: 'directory', mode: 0o700, uid: 65532, gid: 65532 },
      { name: 'var/lib/dpkg/status.d/base-files', data: 'Package: base-files\n' },
    ],
    [{ name: 'app/', type: 'directory' }, { name: 'app/server', mode: 0o755, data: '\x7fELF static' }, ...extra],
  );
}

function configWith(user: string): ImageConfigJson {
  return configOf(
    {
      User: user,
      Entrypoint: ['/app/server'],
      ExposedPorts: { '8080/tcp': {} },
      Healthcheck: { Test: ['CMD', '/app/server', '--health'] },
      Labels: { 'org.opencontainers.image.source': 'https://git.example/team/app', 'org.opencontainers.image.revision': '9b2c1d0e' },
      Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'],
    },
    [{ created_by: '/bin/sh -c #(nop) COPY file:aa in / ' }, { created_by: '/bin/sh -c #(nop) COPY dir:bb in /app ' }],
  );
}

/** Both checks, as the scanner runs them on a runtime variant. */
function allHits(image: TestImage, config: ImageConfigJson): CheckHit[] {
  const hits = [...checkPermissions(image), ...checkImageConfig({ config, fs: image.fs, runtimeVariant: true, findSecrets, layers: image.layers })];
  expect(hits.every((hit) => DEFAULTS.has(hit.ruleId))).toBe(true);
  return hits;
}

const seriousOf = (hits: CheckHit[]): CheckHit[] => hits.filter((hit) => RANK[hit.severity ?? DEFAULTS.get(hit.ruleId) ?? 'info'] >= RANK.medium);

describe('precision: a clean distroless-style image', () => {
  it('yields no finding of medium or above, from either check', async () => {
    const image = await distroless();
    expect(image.os).toEqual({ id: 'debian', versionId: '12' });
    const hits = allHits(image, configWith('65532'));
    expect(seriousOf(hits)).toEqual([]);
    // nothing at all, in fact: the low rules (health check, labels, expected setuid) are satisfied too
    expect(hits.map((hit) => hit.ruleId)).toEqual([]);
  });

  it('is not blind: the same image run as root with a shell and a setuid helper is caught', async () => {
    const image = await distroless([{ name: 'bin/sh', mode: 0o755 }, { name: 'app/helper', mode: 0o4755 }]);
    expect(seriousOf(allHits(image, configWith(''))).map((hit) => hit.ruleId)).toEqual(['permission.setuid', 'config.user-root', 'config.runtime-shell']);
  });
});
