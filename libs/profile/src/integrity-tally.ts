import { type ProfileIntegrity } from './build-profile.js';
import { finalEntryAt, type FinalFiles } from './final-files.js';

export type ModifiedFile = ProfileIntegrity['modifiedPackageFiles'][number];

/** What the package checksums said about the final filesystem so far. */
export interface IntegrityTally {
  modified: ModifiedFile[];
  verified: number;
  unverifiable: number;
}

export const emptyTally = (): IntegrityTally => ({ modified: [], verified: 0, unverifiable: 0 });

/** A file as its package database records it, at the path where it lands in the final filesystem. */
export interface ExpectedFile {
  path: string;
  package: string;
  algorithm: 'md5' | 'sha1';
  /** Hex digest; null when the database records none for the file. */
  expected: string | null;
}

/**
 * Compares one package file with its recorded checksum. A file the final image no longer has, or has as a symlink or
 * directory, is not compared (a removed file is not a modified one); a regular file that was not hashed is unverifiable.
 */
export function compareWithPackage(view: FinalFiles, tally: IntegrityTally, file: ExpectedFile): void {
  const entry = finalEntryAt(view, file.path);
  if (entry.kind !== 'regular') return;
  const actual = entry.digest?.[file.algorithm];
  if (actual === undefined || file.expected === null) {
    tally.unverifiable += 1;
    return;
  }
  tally.verified += 1;
  if (actual !== file.expected) tally.modified.push({ path: file.path, package: file.package, expected: file.expected, actual, algorithm: file.algorithm });
}

/** Configuration a package manager lets admins edit is only ever exempt under /etc, whatever the image's databases claim. */
export const isUnderEtc = (path: string): boolean => path.startsWith('/etc/');
