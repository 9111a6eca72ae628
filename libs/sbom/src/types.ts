/** The package ecosystems the catalogers report. */
export type PackageEcosystem = 'deb' | 'apk' | 'rpm' | 'npm' | 'pypi' | 'golang' | 'maven';

export interface SourcePackage {
  name: string;
  version: string;
}

/** One installed package of the final image, with the evidence of where it came from. */
export interface Package {
  name: string;
  version: string;
  ecosystem: PackageEcosystem;
  /** package-url (https://github.com/package-url/purl-spec), with `distro` for OS packages. */
  purl: string;
  /** The CPU architecture OS packages declare (`amd64`, `x86_64`, `all`, `noarch`); null for language packages. */
  arch: string | null;
  /** deb `Source`, apk origin, rpm source rpm; null when the metadata names none. */
  source: SourcePackage | null;
  /** SPDX ids or expressions where the metadata gives them, the raw text otherwise. */
  licenses: string[];
  /** The first layer of the run of layers, up to the last one, in which this package's metadata shows it. */
  layerIndex: number;
  layerDigest: string;
  /** The metadata file first, then the files the package installed when its database lists them. */
  locations: string[];
  /** Which cataloger found it (`dpkg-status`, `apk-installed`, `npm-package-json`, …). */
  foundBy: string;
}

/** A package that some layer installed and a later layer removed or replaced by another version. */
export interface RemovedPackage extends Package {
  removedLayerIndex: number;
  removedLayerDigest: string;
  /** `replaced`: the final image holds another version of the same package at the same place. */
  reason: 'removed' | 'replaced';
}

export type NoteCode =
  | 'metadata_truncated'
  | 'metadata_unreadable'
  | 'rpmdb_not_read'
  | 'archive_limit'
  | 'history_unavailable'
  | 'go_buildinfo_unsupported'
  | 'go_local_replacement';

/** Something the catalogers could not read or chose not to: an info finding, never a silent gap. */
export interface Note {
  code: NoteCode;
  message: string;
  path: string;
  layerIndex?: number;
}

export interface OsIdentity {
  id: string;
  versionId: string | null;
  prettyName: string | null;
  /** The OSV ecosystem of the release (`Debian:12`, `Alpine:v3.18`, `Ubuntu:22.04`); null when unknown. */
  ecosystem: string | null;
}

export interface CatalogResult {
  os: OsIdentity | null;
  packages: Package[];
  removed: RemovedPackage[];
  notes: Note[];
}
