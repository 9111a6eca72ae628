import { type BuildProfile, type ProfilePackage } from '@dhi/profile';
import { debianProfile, sha } from './debian-profile.js';

// Image size varies by up to ±2 % and the file count by a few files between ordinary builds.
const SIZE_DELTA = [0, 0.015, -0.01, 0.02, -0.02, 0.005, -0.015, 0.01, 0.02, -0.005];
const FILE_DELTA = [0, 3, -2, 5, 1, -4, 6, 2, -3, 4];

/** Sets the version of an installed package (a patch or minor bump in benign builds). */
export function setVersion(profile: BuildProfile, name: string, version: string): void {
  const pkg = profile.packages.find((p) => p.name === name);
  if (!pkg) throw new Error(`fixture has no package ${name}`);
  pkg.version = version;
}

/** Adds a package, keeping the list sorted as profiles are. */
export function addPackage(profile: BuildProfile, pkg: ProfilePackage): void {
  profile.packages.push(pkg);
  profile.packages.sort((a, b) => a.location.localeCompare(b.location) || a.name.localeCompare(b.name));
}

/** Ordinary build number `i` of the lineage: new application hashes and layers, patch bumps, ±2 % size. */
export function benignBuild(i: number): BuildProfile {
  const p = debianProfile();
  const app = p.executables.find((e) => e.path === '/app/bin/start')!;
  app.sha256 = sha(`app ${i}`);
  p.layers = p.layers.map((l, j) => (j < 3 ? l : { digest: `sha256:${sha(`build ${i} layer ${j}`)}`, size: l.size + i }));
  if (i >= 2) setVersion(p, 'express', '4.18.3');
  if (i >= 5) setVersion(p, 'express', '4.19.2');
  if (i >= 3) setVersion(p, 'libssl3', '3.0.13-1~deb12u1');
  if (i >= 4) setVersion(p, 'tzdata', '2024b-0+deb12u1');
  if (i >= 6) {
    setVersion(p, 'ms', '2.1.3');
    // A patch release of the runtime: the unowned /usr/local/bin/node gets new content.
    const node = sha('node 20.11.1');
    p.executables.find((e) => e.path === '/usr/local/bin/node')!.sha256 = node;
    p.integrity.unownedSystemExecutables.find((e) => e.path === '/usr/local/bin/node')!.sha256 = node;
  }
  if (i >= 7) {
    setVersion(p, 'libc6', '2.36-9+deb12u7');
    setVersion(p, 'libc-bin', '2.36-9+deb12u7');
  }
  if (i === 3) p.config.envKeys = ['PATH', 'NODE_VERSION', 'YARN_VERSION', 'NODE_ENV'];
  p.totalSize = Math.round(p.totalSize * (1 + SIZE_DELTA[i % SIZE_DELTA.length]!));
  p.fileCount += FILE_DELTA[i % FILE_DELTA.length]!;
  p.filesPerTopDir['/app']! += FILE_DELTA[i % FILE_DELTA.length]!;
  return p;
}

/** Builds 0..count-1, newest first, as a baseline is handed to the detector. */
export function approvedBaseline(count: number): BuildProfile[] {
  return Array.from({ length: count }, (_, i) => benignBuild(count - 1 - i));
}
