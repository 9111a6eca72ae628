import { z } from 'zod';
import { ImageError } from './image-error.js';

const DigestString = z.string().regex(/^sha256:[a-f0-9]{64}$/, 'expected a sha256 digest');
const StringList = z.array(z.string()).nullish();

export const PlatformJson = z.looseObject({
  os: z.string(),
  architecture: z.string(),
  variant: z.string().optional(),
});

export const DescriptorJson = z.looseObject({
  mediaType: z.string().optional(),
  digest: DigestString,
  size: z.number().int().nonnegative(),
  platform: PlatformJson.optional(),
  annotations: z.record(z.string(), z.string()).nullish(),
});
export type DescriptorJson = z.infer<typeof DescriptorJson>;

export const ManifestJson = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  config: DescriptorJson,
  layers: z.array(DescriptorJson),
});
export type ManifestJson = z.infer<typeof ManifestJson>;

export const IndexJson = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(DescriptorJson).nullish(),
});
export type IndexJson = z.infer<typeof IndexJson>;

/** The runtime part of an image config (what `docker inspect` shows under Config). */
export const ContainerConfigJson = z.looseObject({
  User: z.string().optional(),
  Env: StringList,
  Entrypoint: StringList,
  Cmd: StringList,
  ExposedPorts: z.record(z.string(), z.unknown()).nullish(),
  Volumes: z.record(z.string(), z.unknown()).nullish(),
  Labels: z.record(z.string(), z.string()).nullish(),
  WorkingDir: z.string().optional(),
  StopSignal: z.string().optional(),
});

/** An OCI / docker image config: unknown fields are kept, the fields the platform reads are type-checked. */
export const ImageConfigJson = z.looseObject({
  architecture: z.string(),
  os: z.string(),
  variant: z.string().optional(),
  created: z.string().optional(),
  author: z.string().optional(),
  config: ContainerConfigJson.nullish(),
  // buildah writes no diff_ids at all for an image without layers (FROM scratch with only metadata).
  rootfs: z.looseObject({ type: z.string(), diff_ids: z.array(DigestString).default([]) }),
  history: z
    .array(
      z.looseObject({
        created: z.string().optional(),
        created_by: z.string().optional(),
        comment: z.string().optional(),
        empty_layer: z.boolean().optional(),
      }),
    )
    .nullish(),
});
export type ImageConfigJson = z.infer<typeof ImageConfigJson>;

export const DockerManifestEntry = z.looseObject({
  Config: z.string().min(1),
  RepoTags: z.array(z.string()).nullish(),
  Layers: z.array(z.string().min(1)),
});
export const DockerArchiveManifest = z.array(DockerManifestEntry);
export type DockerManifestEntry = z.infer<typeof DockerManifestEntry>;

/** Parses JSON text against a schema; any failure is an `invalid_manifest` that names the file and the problem. */
export function parseImageJson<T>(bytes: Buffer, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ImageError('invalid_manifest', `${what} is not valid JSON`);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ImageError('invalid_manifest', `${what} is not valid${where}: ${issue.message}`);
  }
  return result.data;
}

/** Parses JSON without a schema (for sniffing what a blob of unknown media type is); null when it is not JSON. */
export function tryParseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}
