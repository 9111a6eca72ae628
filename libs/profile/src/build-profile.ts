/**
 * What the anomaly detector knows of one build's image: everything a baseline of approved builds is compared on.
 * Plain JSON (stored as jsonb, compared across builds); paths are absolute inside the image; lists are sorted.
 */
export interface BuildProfile {
  /** Profile format version, bumped when fields change meaning; profiles of another version are not compared. */
  version: 1;
  os: { id: string; versionId: string | null } | null;
  packages: ProfilePackage[];
  /** Regular files with an execute bit, with their content hash (sha256 hex) and the package that owns them, if any. */
  executables: ProfileExecutable[];
  /** Paths with the setuid or setgid bit, and world-writable paths without the sticky bit. */
  setuid: string[];
  setgid: string[];
  worldWritable: string[];
  users: ProfileUser[];
  groups: ProfileGroup[];
  config: ProfileConfig;
  layers: { digest: string; size: number }[];
  totalSize: number;
  fileCount: number;
  /** Regular files per top-level directory (`/usr` → 1234). */
  filesPerTopDir: Record<string, number>;
  integrity: ProfileIntegrity;
  /** Persistence points: cron entries, systemd units, authorized_keys keys (each a stable string). */
  persistence: ProfilePersistence;
}

export interface ProfilePackage {
  name: string;
  version: string;
  /** `deb`, `apk`, `rpm`, `npm`, `pypi`, `golang`, `maven` (as @dhi/sbom reports it). */
  ecosystem: string;
  source: string | null;
  /** Where its metadata is (a dpkg status, a package.json path): the same name at two places is two packages. */
  location: string;
}

export interface ProfileExecutable {
  path: string;
  /** null when the file was not hashed: larger than the read's maxHashBytes, or a hard link to a file left unhashed. */
  sha256: string | null;
  size: number;
  mode: number;
  owner: string | null;
}

export interface ProfileUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export interface ProfileGroup {
  name: string;
  gid: number;
  members: string[];
}

export interface ProfileConfig {
  user: string | null;
  entrypoint: string[] | null;
  cmd: string[] | null;
  /** `80/tcp`, `53/udp`. */
  exposedPorts: string[];
  /** Environment variable names only: values may be secrets and change per build. */
  envKeys: string[];
  workdir: string | null;
  healthcheck: string[] | null;
}

export interface ProfileIntegrity {
  /**
   * Files a package installed whose content differs from the checksum its package database records (hex digests).
   * Files the package manager treats as configuration (dpkg conffiles, apk protected paths) are not compared.
   */
  modifiedPackageFiles: { path: string; package: string; expected: string; actual: string; algorithm: 'md5' | 'sha1' }[];
  /** Executables in system paths (/bin, /sbin, /usr/bin, /usr/sbin, /usr/local/bin, /usr/lib*, /lib*) that no package owns. */
  unownedSystemExecutables: { path: string; sha256: string | null }[];
  /** Package-owned regular files compared with their checksum, and those that could not be (not hashed, no checksum). */
  verifiedFiles: number;
  unverifiable: number;
}

export interface ProfilePersistence {
  /** `<file>: <schedule> <command>` per cron line (comments and blank lines dropped). */
  cron: string[];
  /** Unit file paths under systemd's system directories. */
  systemdUnits: string[];
  /** `<authorized_keys path>: <key type> <SHA256 fingerprint>` per key. */
  authorizedKeys: string[];
}
