// Builds the bench image once per run: a cached debootstrap minbase rootfs split into gzip'd layers of an OCI layout.
// Bench code may write to disk (the platform never does): every file lives under the run's temporary directory.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error?.code === 'ENOENT') throw new Error(`${command} is required (install the Debian package that provides it)`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${String(result.stderr).slice(-2000)}`);
  return result;
}

/**
 * The debootstrap minbase rootfs tarball from the compiled @dhi/testing (`debianMinbaseRootfs`), the cache the SBOM
 * tests use too; it runs in a child process because this preparation is synchronous and that function is not.
 */
function cachedRootfs(log) {
  log('Debian 12 minbase rootfs (debootstrap on the first run on this machine, cached afterwards)');
  const testing = path.join(repoRoot, 'dist/libs/testing/src/index.js');
  const script = `require(${JSON.stringify(testing)}).debianMinbaseRootfs().then((r) => process.stdout.write(JSON.stringify(r)))`;
  const result = JSON.parse(String(sh(process.execPath, ['-e', script]).stdout));
  if (!result.ok) throw new Error(`no Debian rootfs (${result.code}): ${result.message}`);
  return result.rootfs.tarball;
}

const sha256 = (data) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

function fileDigest(file) {
  const result = sh('sha256sum', [file]);
  return `sha256:${String(result.stdout).split(' ')[0]}`;
}

/**
 * Splits the rootfs into three layers (base system without /usr/share and apt's lists and caches, /usr/share, a small layer
 * that whites out and adds files), gzips each with the gzip CLI and writes an OCI image layout around them.
 */
export function prepareImage(work, log) {
  const rootfsTar = cachedRootfs(log);
  const rootfs = path.join(work, 'rootfs');
  mkdirSync(rootfs);
  // device nodes cannot be made without root and are not needed: the layers are plain tars of the tree
  sh('tar', ['--numeric-owner', '-xpf', rootfsTar, '-C', rootfs, '--exclude=./dev/*']);
  const extra = path.join(work, 'extra');
  mkdirSync(path.join(extra, 'etc'), { recursive: true });
  writeFileSync(path.join(extra, 'etc', '.wh.motd'), '');
  writeFileSync(path.join(extra, 'etc', 'bench-release'), 'dhi bench image\n');
  const layers = [
    // apt's package lists and caches are left out, as Debian's own container images do: about 120 MB remain
    ['-C', rootfs, '--exclude=./usr/share', '--exclude=./var/lib/apt/lists/*', '--exclude=./var/cache/apt/*', '.'],
    ['-C', rootfs, './usr/share'],
    ['-C', extra, '.'],
  ].map((args, index) => {
    const tar = path.join(work, `layer${index}.tar`);
    sh('tar', ['--numeric-owner', '--sort=name', '-cf', tar, ...args]);
    const gz = `${tar}.gz`;
    sh('sh', ['-c', `gzip -6 -n -c "${tar}" > "${gz}"`]);
    return { tar, gz, diffId: fileDigest(tar), digest: fileDigest(gz), size: statSync(gz).size, tarSize: statSync(tar).size };
  });
  rmSync(rootfs, { recursive: true, force: true });

  const layout = path.join(work, 'layout');
  const blobs = path.join(layout, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  for (const layer of layers) renameSync(layer.gz, path.join(blobs, layer.digest.slice(7)));
  const put = (data) => {
    writeFileSync(path.join(blobs, sha256(data).slice(7)), data);
    return { digest: sha256(data), size: data.length };
  };
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } }));
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...put(config) },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: l.digest, size: l.size })),
  }));
  const index = { schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...put(manifest) }] };
  writeFileSync(path.join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(path.join(layout, 'index.json'), JSON.stringify(index));
  for (const layer of layers) rmSync(layer.tar);
  return {
    layout,
    layers: layers.map((l) => ({ path: path.join(blobs, l.digest.slice(7)), digest: l.digest, gzipBytes: l.size, tarBytes: l.tarSize })),
    rootfsTarBytes: statSync(rootfsTar).size,
    config: JSON.parse(readFileSync(path.join(blobs, sha256(config).slice(7)), 'utf8')),
  };
}
