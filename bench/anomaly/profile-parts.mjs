// Pieces of a BuildProfile (libs/profile/src/build-profile.ts) as @dhi/profile assembles them from a read and a catalog.
import { sha } from './prng.mjs';

const LOCATIONS = { deb: '/var/lib/dpkg/status', apk: '/lib/apk/db/installed' };
// libs/profile/src/system-paths.ts: where an executable that no package owns is reported.
const PACKAGED_EXECUTABLE_PATH = /^\/(?:bin|sbin|usr\/bin|usr\/sbin|usr\/local\/bin|usr\/lib[^/]*|lib[^/]*)\//;
const PYTHON_SITE = '/usr/local/lib/python3.12/site-packages';

/**
 * Catalog text as entries: OS lines `name version [source] [paths]` (`+s`/`+g` marking setuid/setgid paths), PyPI
 * lines `name version [console scripts]` (`scripts: true`).
 */
export function parseCatalog(text, { scripts: withScripts = false } = {}) {
  return text
    .split(/\n|;/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, version, ...rest] = line.split(/\s+/);
      const source = !withScripts && rest[0] && !/^(\+[sg])?\//.test(rest[0]) ? rest.shift() : null;
      const bins = rest
        .filter((t) => /^(\+[sg])?\//.test(t))
        .map((t) => ({ path: t.replace(/^\+[sg]/, ''), bit: /^\+[sg]/.test(t) ? t[1] : null }));
      const scripts = rest.filter((t) => !t.includes('/'));
      return { name, version, source, bins, scripts };
    });
}

/**
 * Where the catalogers say a package's metadata is, which is its identity with the name: one dpkg status or apk
 * database for OS packages, the package.json for npm, and for PyPI the `*.dist-info` directory, whose name carries the
 * version (libs/sbom python.cataloger.ts takes the METADATA path as the location).
 */
export function locationOf(ecosystem, name, version) {
  if (ecosystem === 'npm') return `/app/node_modules/${name}/package.json`;
  if (ecosystem === 'pypi') return `${PYTHON_SITE}/${name.replace(/-/g, '_')}-${version}.dist-info/METADATA`;
  return LOCATIONS[ecosystem];
}

/** A package as the profile lists it. */
export function profilePackage(ecosystem, entry, version = entry.version) {
  return { name: entry.name, version, ecosystem, source: entry.source ?? null, location: locationOf(ecosystem, entry.name, version) };
}

/** Sets a package's version, moving its location when the location names the version (PyPI). */
export function setPackageVersion(pkg, version) {
  pkg.version = version;
  pkg.location = locationOf(pkg.ecosystem, pkg.name, version);
}

/** A regular executable file; its content hash stands for its content label. */
export function executable(path, label, owner, mode = 0o755, size = null) {
  const digest = sha(label);
  return { path, sha256: digest, size: size ?? 4_000 + (parseInt(digest.slice(0, 5), 16) % 400_000), mode, owner };
}

/** A package's own executables at its version (a new version brings new content). */
export function packageExecutables(entry, version) {
  return entry.bins.map((bin) => executable(bin.path, `${bin.path} ${version}`, entry.name, bin.bit === 's' ? 0o4755 : bin.bit === 'g' ? 0o2755 : 0o755));
}

function byPath(a, b) {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Recomputes what @dhi/profile derives (setuid and setgid lists, unowned executables in system paths, file count) and
 * sorts every list the way profiles are sorted.
 */
export function normalise(profile) {
  profile.packages.sort((a, b) => compare(a.location, b.location) || compare(a.name, b.name) || compare(a.version, b.version));
  profile.executables.sort(byPath);
  profile.setuid = profile.executables.filter((e) => e.mode & 0o4000).map((e) => e.path);
  profile.setgid = profile.executables.filter((e) => e.mode & 0o2000).map((e) => e.path);
  profile.worldWritable.sort();
  profile.users.sort((a, b) => a.uid - b.uid || compare(a.name, b.name));
  profile.integrity.unownedSystemExecutables = profile.executables
    .filter((e) => e.owner === null && PACKAGED_EXECUTABLE_PATH.test(e.path))
    .map((e) => ({ path: e.path, sha256: e.sha256 }));
  profile.integrity.modifiedPackageFiles.sort(byPath);
  profile.fileCount = Object.values(profile.filesPerTopDir).reduce((sum, n) => sum + n, 0);
  profile.totalSize = profile.layers.reduce((sum, layer) => sum + layer.size, 0);
  for (const list of Object.values(profile.persistence)) list.sort();
  return profile;
}
