export {
  type BuildProfile,
  type ProfileConfig,
  type ProfileExecutable,
  type ProfileGroup,
  type ProfileIntegrity,
  type ProfilePackage,
  type ProfilePersistence,
  type ProfileUser,
} from './build-profile.js';
export { profileRead, type ProfileExtraRead, type ProfileRead, type ProfileReadOptions } from './profile-read.js';
export { type ProfileInput } from './assemble-profile.js';
export { DEFAULT_MAX_HASH_BYTES, inspectDigests, type FileDigest } from './file-digest.js';
export { ProfileError, type ProfileErrorCode } from './profile-error.js';
