export { ImageError, isImageError, type ImageErrorCode } from './image-error.js';
export { DEFAULT_IMAGE_LIMITS, resolveLimits, type ImageLimits } from './limits.js';
export { MediaTypes } from './media-types.js';
export { isDigest, sha256Digest, createDigestVerifier } from './digest.js';
export { type BlobSource, type BlobStore, type BlobStaging } from './blob-store.js';
export { FileBlobStore } from './file-blob-store.js';
export { HttpBlobSource } from './http-blob-source.js';
export { type ImageConfigJson } from './image-json.js';
export { readImageConfig } from './read-image-config.js';
export { DEFAULT_PLATFORM, formatPlatform, platformMatches, type Platform } from './platform.js';
export { importImageArchive, type ImportedImage, type ImportOptions } from './import-image-archive.js';
export { importImageLayout } from './import-image-layout.js';
export { walkLayer, type LayerEntry, type LayerEntryType, type ReadContent, type StreamContent } from './layer-walker.js';
export { readImageFilesystem, type ImageFile, type ImageFilesystem, type PathEvent, type ReadFilesystemOptions } from './image-filesystem.js';
export { inspectContent, type ContentInspector, type InspectEntry, type InspectVerdict } from './content-inspector.js';
export { combineInspectors, inspectionsOf, type CombinedResult, type NamedInspectors } from './combine-inspectors.js';
export { resolveImagePath } from './resolve-image-path.js';
export { capturedContent } from './captured-content.js';
export { normaliseImagePath } from './paths.js';
export { computeInventory, inventoryOf, isOsReleaseCandidate, osReleaseOf } from './inventory.js';
export { readBuildBlobs, readImageInventory, type ReadImageOptions } from './read-image-inventory.js';
export { parseOsRelease, type OsRelease } from './os-release.js';
export { exportOciArchive, writeOciArchive } from './export/export-oci-archive.js';
export { isOciRefName, planOciArchive, type OciArchiveBlob, type OciArchivePlan, type StoredImageRef } from './export/oci-archive-plan.js';
export { pullImage, type PullImageOptions, type PulledImage } from './registry/pull-image.js';
export { parseImageReference, formatImageReference, type ImageReference } from './registry/image-reference.js';
export { RegistryError, isRegistryError, type RegistryErrorCode } from './registry/registry-error.js';
export {
  RegistryCredential,
  parseDockerConfigCredentials,
  parseRegistryCredentialsJson,
  registryKey,
  type RegistryCredentials,
} from './registry/registry-credentials.js';
export { isLoopbackHost, type RegistryTransportOptions } from './registry/registry-transport.js';
export { parseAuthChallenges, type AuthChallenge } from './registry/auth-challenge.js';
export { pumpIntoExtractor } from './tar-pump.js';
