import { z } from 'zod';
import { BuildId, Digest } from '../common.js';

const ImageName = z.string().min(1).max(255).regex(/^[a-z0-9]+(?:[._\/-][a-z0-9]+)*$/, 'lowercase image name');
const Tag = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'docker tag');
/** A Dockerfile ARG name, as a build argument's key. */
const BuildArgName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'an ARG name: letters, digits and _, not starting with a digit');
const BUILD_ARG_VALUE_MAX = 8192;

export const BuildSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('archive'), format: z.enum(['docker-archive', 'oci-archive']), size: z.number().int().nonnegative() }),
  z.object({
    kind: z.literal('dockerfile'),
    /** The build context (a tar, optionally gzip'd), a verified blob in the build service's store. */
    contextDigest: Digest,
    contextSize: z.number().int().nonnegative(),
    /** Path of the Dockerfile inside the context. */
    dockerfilePath: z.string().min(1).max(4096),
    buildArgs: z.record(BuildArgName, z.string().max(BUILD_ARG_VALUE_MAX)),
    /** The Dockerfile text, as stored with the build. */
    dockerfile: z.string(),
    /** Whether the context holds the ignore file the builder applies (absent in events from before it was recorded). */
    dockerignore: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('registry'), reference: z.string().min(1) }),
]);
export type BuildSource = z.infer<typeof BuildSource>;

export const BuildRequested = z.object({
  buildId: BuildId,
  name: ImageName,
  tag: Tag,
  lineage: z.string().min(1).max(255),
  source: BuildSource,
  submitter: z.string().min(1),
});
export type BuildRequested = z.infer<typeof BuildRequested>;

export const LayerDescriptor = z.object({
  digest: Digest,
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
});
export type LayerDescriptor = z.infer<typeof LayerDescriptor>;

export const BuildCompleted = z.object({
  buildId: BuildId,
  name: ImageName,
  tag: Tag,
  lineage: z.string().min(1),
  submitter: z.string().min(1),
  image: z.object({
    digest: Digest,
    configDigest: Digest,
    mediaType: z.string(),
    layers: z.array(LayerDescriptor),
    platform: z.object({ os: z.string(), architecture: z.string(), variant: z.string().optional() }),
  }),
  /** Base URL of the build service's blob API; blobs are read from `<blobs.baseUrl>/<digest>`. */
  blobs: z.object({ baseUrl: z.url() }),
  dockerfile: z.string().nullable(),
  /** For a Dockerfile build: where the Dockerfile is in the context and whether an ignore file came with it. */
  context: z.object({ dockerfilePath: z.string().min(1), dockerignore: z.boolean().nullable() }).nullable().optional(),
});
export type BuildCompleted = z.infer<typeof BuildCompleted>;

export const BuildFailed = z.object({
  buildId: BuildId,
  stage: z.string().min(1),
  reason: z.string().min(1),
  logRef: z.string().nullable(),
  /** The last lines of the build log that explain the failure, if there is a log. */
  excerpt: z.string().max(16_384).nullable().optional(),
});
export type BuildFailed = z.infer<typeof BuildFailed>;

export { BuildArgName, ImageName, Tag };
