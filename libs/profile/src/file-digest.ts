import { createHash, type Hash } from 'node:crypto';
import { type ContentInspector, type InspectEntry } from '@dhi/image';
import { isExecutableMode, isSystemPath } from './system-paths.js';

/** Hex digests of one version of a file: md5 and sha1 for system paths (package checksums), sha256 for executables. */
export interface FileDigest {
  md5?: string;
  sha1?: string;
  sha256?: string;
}

/** Files larger than this are not hashed by default: they count as unverifiable and their sha256 is null. */
export const DEFAULT_MAX_HASH_BYTES = 256 * 1024 * 1024;

function hashingInspector(algorithms: ('md5' | 'sha1' | 'sha256')[]): ContentInspector<FileDigest> {
  const hashes = algorithms.map((algorithm) => [algorithm, createHash(algorithm)] as [keyof FileDigest, Hash]);
  return {
    update(chunk) {
      for (const [, hash] of hashes) hash.update(chunk);
      return 'more';
    },
    finish() {
      const digest: FileDigest = {};
      for (const [algorithm, hash] of hashes) digest[algorithm] = hash.digest('hex');
      return digest;
    },
  };
}

/**
 * Hashes, as they stream, the regular files of every layer that are executable or lie in a system path, computing only
 * the digests each needs. A file above maxHashBytes is not read at all: an attacker-sized file costs nothing.
 */
export function inspectDigests(maxHashBytes: number = DEFAULT_MAX_HASH_BYTES): InspectEntry<FileDigest> {
  return (entry, path) => {
    if (entry.type !== 'file' || entry.size > maxHashBytes) return undefined;
    const algorithms: ('md5' | 'sha1' | 'sha256')[] = [];
    if (isSystemPath(path)) algorithms.push('md5', 'sha1');
    if (isExecutableMode(entry.mode)) algorithms.push('sha256');
    return algorithms.length === 0 ? undefined : hashingInspector(algorithms);
  };
}
