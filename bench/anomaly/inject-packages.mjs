// Injections into the package set and package-owned files. Each takes the build (already varied like a benign build),
// changes its profile the way the attack or mistake would, and returns the ground truth: the anomalies (kind and
// identifying evidence field) a reviewer should be shown.
import { createHash } from 'node:crypto';
import { executable, packageExecutables, profilePackage, setPackageVersion } from './profile-parts.mjs';
import { footprint } from './first-build.mjs';
import { sha } from './prng.mjs';
import { downgradeCandidates, majorJump } from './version-steps.mjs';

const UNOWNED_PATHS = [
  '/usr/sbin/kworkerd', '/usr/bin/dbus-daemon-helper', '/usr/lib/x86_64-linux-gnu/.cache/kthreadd', '/usr/local/bin/xmrig',
  '/usr/bin/.sshd', '/lib/libudev-helper.so.1', '/usr/sbin/crond-helper', '/bin/networkd', '/usr/local/bin/node-gyp-build-helper',
];
const SYSTEM_BINARY = /^\/(usr\/)?(s?bin|lib(32|64|x32)?|libexec)\//;

const isOs = (pkg) => pkg.ecosystem === 'deb' || pkg.ecosystem === 'apk';

function safeBelow(order, ecosystem, a, b) {
  try {
    return order(ecosystem, a, b) < 0;
  } catch {
    return false;
  }
}

function versionsInBaseline(baseline, pkg) {
  return baseline.flatMap((m) => m.packages.filter((x) => x.ecosystem === pkg.ecosystem && x.name === pkg.name).map((x) => x.version));
}

function setVersion(p, pkg, version) {
  for (const e of p.executables) if (e.owner === pkg.name) e.sha256 = sha(`${e.path} ${version}`);
  setPackageVersion(pkg, version);
}

/** Candidates for a version injection: application packages with probability `appShare`, else OS packages. */
function candidates(p, rng, appShare) {
  const app = rng.chance(appShare);
  return rng.sample(p.packages.filter((x) => isOs(x) !== app), 999);
}

export const PACKAGE_INJECTIONS = {
  package_added({ build, spec, rng }) {
    const p = build.profile;
    const entry = rng.pick(spec.suspicious.filter((e) => !p.packages.some((x) => x.name === e.name)));
    p.packages.push(profilePackage(spec.osEco, entry));
    p.executables.push(...packageExecutables(entry, entry.version));
    const { bytes, files } = footprint(spec.osEco, entry.name);
    p.layers[2].size += bytes;
    p.filesPerTopDir['/usr'] += files;
    return { what: `installed ${entry.name} ${entry.version}`, truth: [{ kind: 'package_added', field: 'package', value: entry.name }] };
  },

  package_removed({ build, spec, rng }) {
    const p = build.profile;
    const pkg = rng.pick(p.packages.filter(isOs));
    p.packages = p.packages.filter((x) => x !== pkg);
    p.executables = p.executables.filter((e) => e.owner !== pkg.name);
    const { bytes, files } = footprint(spec.osEco, pkg.name);
    p.layers[2].size = Math.max(0, p.layers[2].size - bytes);
    p.filesPerTopDir['/usr'] -= Math.min(files, p.filesPerTopDir['/usr']);
    return { what: `removed ${pkg.name}`, truth: [{ kind: 'package_removed', field: 'package', value: pkg.name }] };
  },

  // Pinned to a release older than any the lineage ever approved (a known-vulnerable one, say).
  package_downgraded({ build, rng, order, baseline }) {
    const p = build.profile;
    for (const pkg of candidates(p, rng, 0.5)) {
      const seen = [pkg.version, ...versionsInBaseline(baseline, pkg)];
      const target = downgradeCandidates(pkg.ecosystem, pkg.version).find((c) => seen.every((v) => safeBelow(order, pkg.ecosystem, c, v)));
      if (!target) continue;
      const what = `${pkg.name} (${pkg.ecosystem}) ${pkg.version} → ${target}`;
      setVersion(p, pkg, target);
      return { what, truth: [{ kind: 'package_downgraded', field: 'package', value: pkg.name }] };
    }
    throw new Error('no package could be downgraded');
  },

  package_major_jump({ build, rng, order, baseline }) {
    const p = build.profile;
    for (const pkg of candidates(p, rng, 0.6)) {
      const target = majorJump(pkg.ecosystem, pkg.version);
      const seen = [pkg.version, ...versionsInBaseline(baseline, pkg)];
      if (!target || !seen.every((v) => safeBelow(order, pkg.ecosystem, v, target))) continue;
      const what = `${pkg.name} (${pkg.ecosystem}) ${pkg.version} → ${target}`;
      setVersion(p, pkg, target);
      return { what, truth: [{ kind: 'package_major_jump', field: 'package', value: pkg.name }] };
    }
    throw new Error('no package could take a major jump');
  },

  // A package's own binary or library replaced after installation (a trojaned ls, a patched libc).
  file_modified({ build, spec, rng }) {
    const p = build.profile;
    const target = rng.pick(p.executables.filter((e) => e.owner !== null && SYSTEM_BINARY.test(e.path)));
    const algorithm = spec.osEco === 'deb' ? 'md5' : 'sha1';
    const hex = (label) => createHash(algorithm).update(label).digest('hex');
    p.integrity.modifiedPackageFiles.push({ path: target.path, package: target.owner, algorithm, expected: hex(target.sha256), actual: hex(`trojan ${target.path}`) });
    target.sha256 = sha(`trojan ${target.path}`);
    return { what: `replaced ${target.path} of ${target.owner}`, truth: [{ kind: 'file_modified', field: 'path', value: target.path }] };
  },

  unowned_executable({ build, rng }) {
    const p = build.profile;
    const path = rng.pick(UNOWNED_PATHS.filter((x) => !p.executables.some((e) => e.path === x)));
    p.executables.push(executable(path, `implant ${path}`, null, 0o755, rng.int(400_000, 4_000_000)));
    return { what: `dropped ${path}`, truth: [{ kind: 'unowned_executable', field: 'path', value: path }] };
  },
};
