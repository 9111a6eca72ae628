// The first approved build of a lineage, as the profile of its image, with the unjittered sizes and file counts later
// builds vary around.
import { accountsOf } from './accounts.mjs';
import { RUNTIMES } from './catalog-apps.mjs';
import { executable, normalise, packageExecutables, profilePackage } from './profile-parts.mjs';
import { sha } from './prng.mjs';

const ALPINE_PERIODIC = ['15min', 'hourly', 'daily', 'weekly', 'monthly'].map(
  (p, i) => `/etc/crontabs/root: ${['*/15 * * * *', '0 * * * *', '0 2 * * *', '0 3 * * 6', '0 5 1 * *'][i]} run-parts /etc/periodic/${p}`,
);
const DEBIAN_UNITS = [
  'apt-daily-upgrade.service', 'apt-daily-upgrade.timer', 'apt-daily.service', 'apt-daily.timer',
  'e2scrub@.service', 'e2scrub_all.service', 'e2scrub_all.timer', 'e2scrub_reap.service',
].map((u) => `/lib/systemd/system/${u}`);

// Per ecosystem: least bytes, spread of bytes, least files, spread of files of one package.
const FOOTPRINTS = { deb: [40e3, 1.2e6, 4, 90], apk: [20e3, 6e5, 3, 40], npm: [15e3, 9e5, 6, 150], pypi: [40e3, 2.5e6, 12, 300] };

/** Bytes (compressed, in its layer) and regular files a package brings, fixed per package name. */
export function footprint(ecosystem, name) {
  const h = parseInt(sha(`${ecosystem} ${name}`).slice(0, 8), 16);
  const [minBytes, spanBytes, minFiles, spanFiles] = FOOTPRINTS[ecosystem];
  return { bytes: Math.round(minBytes + (h % 1000) / 1000 * spanBytes), files: minFiles + (h % spanFiles) };
}

/** Executables a runtime puts under /usr/local/bin: regular files that no package owns. */
export function runtimeExecutables(runtime, version) {
  return RUNTIMES[runtime].files(version).map(([path, label, size]) => executable(path, label, null, 0o755, size));
}

/** The scripts pip writes to /usr/local/bin for a PyPI package's console entry points (same content at every version). */
export function consoleScripts(entry) {
  return entry.scripts.map((s) => executable(`/usr/local/bin/${s}`, `console script ${s}`, null, 0o755, 220 + s.length));
}

function sum(items, f) {
  return items.reduce((total, item) => total + f(item), 0);
}

/** Build 0 of the lineage: `{ profile, depsBytes, codeBytes, filesBase, runtimeVersion, serial }`. */
export function firstBuild(spec) {
  const debian = spec.distro === 'debian';
  const rng = spec.rng.fork('first build');
  const runtimeVersion = RUNTIMES[spec.runtime].version;
  const extras = spec.os.length - spec.coreCount;
  const { users, groups } = accountsOf(spec.distro, spec.runtime, spec.appUid);
  const depsBytes = sum(spec.app, (e) => footprint(spec.appEco, e.name).bytes);
  const depFiles = sum(spec.app, (e) => footprint(spec.appEco, e.name).files);
  const codeFiles = rng.int(40, 400);
  const runtimeFiles = spec.runtime === 'node' ? 2_300 : 4_800;
  const osFiles = sum(spec.os, (e) => footprint(spec.osEco, e.name).files);
  const usr = (debian ? 6_200 : 700) + runtimeFiles + osFiles + (spec.appEco === 'pypi' ? depFiles : 0);
  const app = codeFiles + (spec.appEco === 'npm' ? depFiles : 0);
  const filesBase = debian
    ? { '/etc': 430 + 3 * extras, '/usr': usr, '/var': 380 + 6 * extras, '/app': app, '/root': 2, '/home': 1 }
    : { '/bin': 3, '/etc': 110, '/lib': 85, '/sbin': 6, '/usr': usr, '/var': 25, '/app': app, '/home': 1 };
  if (spec.runtime === 'node') filesBase['/opt'] = 31;
  const profile = {
    version: 1,
    os: debian ? { id: 'debian', versionId: '12' } : { id: 'alpine', versionId: '3.19.1' },
    packages: [...spec.os.map((e) => profilePackage(spec.osEco, e)), ...spec.app.map((e) => profilePackage(spec.appEco, e))],
    executables: [
      ...spec.os.flatMap((e) => packageExecutables(e, e.version)),
      ...runtimeExecutables(spec.runtime, runtimeVersion),
      ...spec.app.flatMap(consoleScripts),
      ...spec.appFiles.map((path) => executable(path, `${path} build 0`, null)),
    ],
    setuid: [],
    setgid: [],
    worldWritable: [...spec.worldWritable],
    users,
    groups,
    config: structuredClone(spec.config),
    layers: [
      { digest: `sha256:${sha(`${spec.distro} base`)}`, size: debian ? 29_150_000 : 3_410_000 },
      { digest: `sha256:${sha(`${spec.distro} ${spec.runtime} ${runtimeVersion}`)}`, size: spec.runtime === 'node' ? 41_200_000 : 12_400_000 },
      { digest: `sha256:${sha(`${spec.name} os packages 0`)}`, size: sum(spec.os, (e) => footprint(spec.osEco, e.name).bytes) },
      { digest: `sha256:${sha(`${spec.name} dependencies 0`)}`, size: depsBytes },
      { digest: `sha256:${sha(`${spec.name} code 0`)}`, size: rng.int(300_000, 6_000_000) },
    ],
    totalSize: 0,
    fileCount: 0,
    filesPerTopDir: { ...filesBase },
    integrity: { modifiedPackageFiles: [], unownedSystemExecutables: [], verifiedFiles: Math.round(0.8 * usr), unverifiable: rng.int(0, 5) },
    persistence: { cron: debian ? [...spec.cron] : [...ALPINE_PERIODIC], systemdUnits: debian ? [...DEBIAN_UNITS] : [], authorizedKeys: [] },
  };
  return { profile: normalise(profile), depsBytes, codeBytes: profile.layers[4].size, filesBase, runtimeVersion, serial: 0 };
}
