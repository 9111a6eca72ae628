// The next build of a lineage as ordinary development makes it: new application code, a few patch releases, now and
// then a runtime patch or a new dependency that stays, the image size within ±3 % and the file count within ±1 %.
import { consoleScripts, footprint, runtimeExecutables } from './first-build.mjs';
import { normalise, profilePackage, setPackageVersion } from './profile-parts.mjs';
import { sha } from './prng.mjs';
import { patchBump } from './version-steps.mjs';

export const BENIGN = { maxBumps: 3, runtimePatch: 0.1, newDependency: 0.1, sizeJitter: 0.03, fileJitter: 0.01 };

function bumpPackages(p, rng, order, changes) {
  for (const pkg of rng.sample(p.packages, rng.int(0, BENIGN.maxBumps))) {
    const next = patchBump(pkg.ecosystem, pkg.version, rng);
    if (order(pkg.ecosystem, next, pkg.version) <= 0) throw new Error(`benign bump of ${pkg.name} does not go up: ${pkg.version} → ${next}`);
    for (const e of p.executables) if (e.owner === pkg.name) e.sha256 = sha(`${e.path} ${next}`);
    changes.push(`${pkg.name} ${pkg.version} → ${next}`);
    setPackageVersion(pkg, next);
    // An OS package upgrade rebuilds the layer of the distribution packages.
    if (pkg.ecosystem === 'deb' || pkg.ecosystem === 'apk') p.layers[2].digest = `sha256:${sha(`os packages ${pkg.name} ${next}`)}`;
  }
}

function patchRuntime(build, spec, changes) {
  const next = build.runtimeVersion.replace(/\d+$/, (n) => String(Number(n) + 1));
  const files = new Map(runtimeExecutables(spec.runtime, next).map((e) => [e.path, e]));
  build.profile.executables = build.profile.executables.map((e) => files.get(e.path) ?? e);
  build.profile.layers[1].digest = `sha256:${sha(`${spec.distro} ${spec.runtime} ${next}`)}`;
  changes.push(`${spec.runtime} runtime ${build.runtimeVersion} → ${next}`);
  build.runtimeVersion = next;
}

function addDependency(build, spec, changes) {
  const p = build.profile;
  const entry = spec.later.find((e) => !p.packages.some((x) => x.ecosystem === spec.appEco && x.name === e.name));
  if (!entry) return;
  p.packages.push(profilePackage(spec.appEco, entry));
  p.executables.push(...consoleScripts(entry));
  const { bytes, files } = footprint(spec.appEco, entry.name);
  build.depsBytes += bytes;
  build.filesBase[spec.appEco === 'npm' ? '/app' : '/usr'] += files;
  changes.push(`new dependency ${entry.name} ${entry.version}`);
}

/** The build after `prev` (which is left as it is), with `changes` describing the variation drawn. */
export function nextBuild(spec, prev, rng, order) {
  const build = structuredClone(prev);
  const p = build.profile;
  const token = `${spec.name} ${rng.int(0, 2 ** 30).toString(36)}`;
  build.serial = prev.serial + 1;
  build.changes = [];
  for (const e of p.executables) if (e.path.startsWith('/app/')) e.sha256 = sha(`${e.path} ${token}`);
  bumpPackages(p, rng, order, build.changes);
  if (rng.chance(BENIGN.runtimePatch)) patchRuntime(build, spec, build.changes);
  if (rng.chance(BENIGN.newDependency)) addDependency(build, spec, build.changes);
  const unjittered = p.layers[0].size + p.layers[1].size + p.layers[2].size + build.depsBytes + build.codeBytes;
  p.layers[3] = { digest: `sha256:${sha(`dependencies ${token}`)}`, size: Math.round(build.depsBytes + rng.real(-1, 1) * BENIGN.sizeJitter * unjittered) };
  p.layers[4] = { digest: `sha256:${sha(`code ${token}`)}`, size: build.codeBytes };
  p.filesPerTopDir = { ...build.filesBase };
  const files = Object.values(build.filesBase).reduce((s, n) => s + n, 0);
  p.filesPerTopDir[spec.runtime === 'node' ? '/app' : '/usr'] += Math.round(rng.real(-1, 1) * BENIGN.fileJitter * files);
  normalise(p);
  return build;
}
