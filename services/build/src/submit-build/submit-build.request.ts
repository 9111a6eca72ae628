import { BuildArgName, ImageName, Tag } from '@dhi/contracts';
import { AppError, parseBody, validationError } from '@dhi/service-kit';
import { z } from 'zod';
import { isContextError } from '../build-context/context-error.js';
import { normaliseContextPath } from '../build-context/context-rules.js';

const Submitter = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/, 'letters, digits and . _ @ + - (at most 128)');

/** The text fields of the multipart form with an image; anything else (e.g. `dockerfile`) is refused, not ignored. */
const SubmitBuildFields = z.strictObject({
  name: ImageName,
  tag: Tag,
  lineage: ImageName.optional(),
  submitter: Submitter.optional(),
});

const MAX_BUILD_ARGS = 64;

/** `buildArgs`: a JSON object of strings, keyed by ARG name. */
const BuildArgsField = z
  .string()
  .transform((raw, ctx): unknown => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'a JSON object of strings, e.g. {"VERSION":"1.2"}' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .record(BuildArgName, z.string().max(8192))
      .refine((args) => Object.keys(args).length <= MAX_BUILD_ARGS, `at most ${MAX_BUILD_ARGS} build arguments`),
  );

/** The text fields of the multipart form with a build context. */
const ContextBuildFields = SubmitBuildFields.extend({
  dockerfile: z.string().min(1).max(4096).optional(),
  buildArgs: BuildArgsField.optional(),
});

/** The Dockerfile used when the form names none. */
export const DEFAULT_DOCKERFILE = 'Dockerfile';

/** A submission's validated fields, defaults applied. */
export interface SubmitBuildRequest {
  name: string;
  tag: string;
  lineage: string;
  submitter: string;
}

const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, 'printable ASCII without spaces, 1-255 characters');

/** A Dockerfile build's own fields. */
export interface ContextBuildOptions {
  /** Normalised path of the Dockerfile in the context. */
  dockerfile: string;
  buildArgs: Record<string, string>;
}

/** Checks the fields that arrived before the file part, so a bad form is refused before its file is read. */
export function checkEarlyFields(fields: Record<string, string>, part: 'image' | 'context' = 'image'): void {
  parseBody(part === 'image' ? SubmitBuildFields.partial() : ContextBuildFields.partial(), fields);
}

/** The `dockerfile` field as a normalised path inside the context; 400 when it is absolute or climbs out. */
export function dockerfilePathOf(field: string | undefined): string {
  try {
    return normaliseContextPath(field ?? DEFAULT_DOCKERFILE, 'the field "dockerfile"');
  } catch (error) {
    if (!isContextError(error)) throw error;
    throw new AppError('validation_failed', 400, 'Invalid request', error.message, { errors: [{ path: 'dockerfile', message: 'a relative path inside the build context' }] });
  }
}

/** All fields of a Dockerfile build; `dockerfileRead` is the (normalised) path whose text was kept as the context streamed by. */
export function parseContextFields(fields: Record<string, string>, submitterHeader: string | undefined, dockerfileRead: string): SubmitBuildRequest & ContextBuildOptions {
  const parsed = parseBody(ContextBuildFields, fields);
  const dockerfile = dockerfilePathOf(parsed.dockerfile);
  if (dockerfile !== dockerfileRead) {
    // the context is read once, as it streams in: its Dockerfile must be known by then
    throw new AppError('validation_failed', 400, 'Invalid request', 'send the field "dockerfile" before the file part "context"', {
      errors: [{ path: 'dockerfile', message: 'must come before the "context" part' }],
    });
  }
  const submitter = parsed.submitter ?? parseHeader(Submitter, 'x-submitter', submitterHeader) ?? 'anonymous';
  return { name: parsed.name, tag: parsed.tag, lineage: parsed.lineage ?? parsed.name, submitter, dockerfile, buildArgs: parsed.buildArgs ?? {} };
}

/** All fields, after the body was read; `submitter` falls back to the X-Submitter header, then `anonymous`. */
export function parseSubmitFields(fields: Record<string, string>, submitterHeader: string | undefined): SubmitBuildRequest {
  const parsed = parseBody(SubmitBuildFields, fields);
  const submitter = parsed.submitter ?? parseHeader(Submitter, 'x-submitter', submitterHeader) ?? 'anonymous';
  return { name: parsed.name, tag: parsed.tag, lineage: parsed.lineage ?? parsed.name, submitter };
}

/** The Idempotency-Key header, if sent. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  return parseHeader(IdempotencyKey, 'idempotency-key', header);
}

function parseHeader(schema: z.ZodString, name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(new z.ZodError(result.error.issues.map((i) => ({ ...i, path: [name] }))), 'header');
  return result.data;
}

/** What kind of submission a Content-Type announces. */
export function submissionKind(contentType: string | undefined): 'multipart' | 'json' {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data') return 'multipart';
  if (type === 'application/json') return 'json';
  throw new AppError(
    'unsupported_media_type',
    415,
    'Unsupported Media Type',
    `POST /v1/builds takes multipart/form-data with an "image" part (a docker save or OCI archive) or a "context" part (a build context), or JSON with a registry source, not ${type || 'a body without Content-Type'}`,
  );
}
