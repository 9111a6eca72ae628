import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Severity } from '@dhi/contracts';
import { checkImageConfig, checkPermissions, CONFIG_RULES, PERMISSION_RULES, type CheckHit } from '../src/index.js';
import { configOf, findSecrets } from './support/fixtures.js';
import { readTestImage, TarFileBlobSource, type TestImage } from './support/layers.js';

// the debootstrap'd Debian 12 minbase that @dhi/testing caches (the sbom debootstrap test builds it; this test only reads it)
const CACHE = join(resolve(process.env.DHI_CACHE_DIR ?? join(homedir(), '.cache', 'dhi-platform')), 'debian-bookworm-minbase');
const cached = existsSync(join(CACHE, 'layer.json')) && existsSync(join(CACHE, 'rootfs.tar'));
if (!cached) process.stderr.write(`precision-debian.spec: skipped, no cached Debian 12 rootfs at ${CACHE} (the sbom debootstrap test creates it, as root)\n`);

const DEFAULTS = new Map<string, Severity>([...PERMISSION_RULES, ...CONFIG_RULES].map((rule) => [rule.id, rule.severity]));
const severityOf = (hit: CheckHit): Severity | undefined => hit.severity ?? DEFAULTS.get(hit.ruleId);

/** Setuid/setgid executables as the unpacked rootfs on disk has them: an oracle independent of the tar reader. */
function specialFilesOnDisk(root: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { mode } = lstatSync(path);
    if (((mode & 0o4000) !== 0 && (mode & 0o111) !== 0) || ((mode & 0o2000) !== 0 && (mode & 0o010) !== 0)) found.push(path.slice(root.length));
  }
  return found.sort();
}

(cached ? describe : describe.skip)('precision: the plain Debian 12 base image', () => {
  let image: TestImage;
  let permissionHits: CheckHit[];

  beforeAll(async () => {
    const { digest } = JSON.parse(readFileSync(join(CACHE, 'layer.json'), 'utf8')) as { digest: string };
    const layers = [{ digest }];
    image = await readTestImage(layers, new TarFileBlobSource(digest, join(CACHE, 'rootfs.tar')));
    permissionHits = checkPermissions(image);
  }, 120_000);

  it('is the Debian 12 its os-release says', () => {
    expect(image.os).toEqual({ id: 'debian', versionId: '12' });
  });

  it('recognises every setuid and setgid file Debian ships, as low', () => {
    const special = permissionHits.filter((hit) => hit.ruleId === 'permission.setuid' || hit.ruleId === 'permission.setgid');
    expect(special.map((hit) => [hit.ruleId, hit.severity, hit.evidence.details?.expected])).toEqual(special.map((hit) => [hit.ruleId, 'low', true]));
    expect(special.map((hit) => hit.evidence.path).sort()).toEqual(expect.arrayContaining(['/usr/bin/passwd', '/usr/bin/su', '/usr/bin/mount', '/usr/sbin/unix_chkpwd']));
    const rootfs = join(CACHE, 'rootfs');
    if (existsSync(rootfs)) expect([...new Set(special.map((hit) => hit.evidence.path ?? ''))].sort()).toEqual(specialFilesOnDisk(rootfs));
  });

  it('has no high or critical finding except its root user', () => {
    const config = configOf({ User: '', Cmd: ['bash'], Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] }, [
      { created_by: '/bin/sh -c #(nop) ADD file:f4139bba48568bf185a1602e76d6b10f56f92826d93f9e60ad045b818d6ab855 in / ' },
      { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
    ]);
    const hits = [...permissionHits, ...checkImageConfig({ config, fs: image.fs, runtimeVariant: false, findSecrets, layers: image.layers })];
    expect(hits.filter((hit) => ['high', 'critical'].includes(severityOf(hit) ?? '')).map((hit) => hit.ruleId)).toEqual(['config.user-root']);
    // and nothing of medium either: world-writable device nodes, /tmp and the shadow group's files are all as they should be
    expect(hits.filter((hit) => severityOf(hit) === 'medium')).toEqual([]);
  });
});
