import { type CatalogImageOptions } from '@dhi/sbom';
import { assembleProfile, type ProfileInput } from './assemble-profile.js';
import { type BuildProfile } from './build-profile.js';
import { DEFAULT_MAX_HASH_BYTES, type FileDigest, inspectDigests } from './file-digest.js';
import { ProfileError } from './profile-error.js';
import { readFacts, type ReadFacts } from './read-facts.js';
import { wantsProfileContent } from './wanted-content.js';

/** The `extra` of catalogImage that a profile rides on. */
export type ProfileExtraRead = NonNullable<CatalogImageOptions<FileDigest>['extra']>;

export interface ProfileRead {
  /** Pass as catalogImage's `extra`: captures, hashes and keeps what the profile needs during the catalog's read. */
  extra: ProfileExtraRead;
  /** The profile, once catalogImage has returned (its result is the `catalog`). */
  profile(input: ProfileInput): BuildProfile;
}

export interface ProfileReadOptions {
  /** Files larger than this are not hashed (unverifiable, sha256 null); default 256 MiB. */
  maxHashBytes?: number;
}

/**
 * A build profile from the catalog's single read of an image: pass `extra` to catalogImage, then call `profile` with its
 * result. The filesystem is reduced to the profile's facts as soon as the read has built it.
 */
export function profileRead(options: ProfileReadOptions = {}): ProfileRead {
  const maxHashBytes = options.maxHashBytes ?? DEFAULT_MAX_HASH_BYTES;
  if (!(Number.isSafeInteger(maxHashBytes) && maxHashBytes >= 0)) {
    throw new ProfileError('invalid_option', `maxHashBytes must be a non-negative integer, not ${String(options.maxHashBytes)}`);
  }
  let facts: ReadFacts | null = null;
  return {
    extra: {
      wantContent: wantsProfileContent,
      inspect: inspectDigests(maxHashBytes),
      onFilesystem: (fs, inspections) => {
        facts = readFacts({ files: fs.files, contents: fs.contents, digests: inspections });
      },
    },
    profile: (input) => {
      if (!facts) throw new ProfileError('filesystem_not_read', 'profile() was called before catalogImage read the image with this extra');
      return assembleProfile(facts, input);
    },
  };
}
