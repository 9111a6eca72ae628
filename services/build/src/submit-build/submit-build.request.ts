import { ImageName, Tag } from '@dhi/contracts';
import { AppError, parseBody, validationError } from '@dhi/service-kit';
import { z } from 'zod';

const Submitter = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/, 'letters, digits and . _ @ + - (at most 128)');

/** The text fields of the multipart form; anything else (e.g. `dockerfile`) is refused, not ignored. */
const SubmitBuildFields = z.strictObject({
  name: ImageName,
  tag: Tag,
  lineage: ImageName.optional(),
  submitter: Submitter.optional(),
});

/** A submission's validated fields, defaults applied. */
export interface SubmitBuildRequest {
  name: string;
  tag: string;
  lineage: string;
  submitter: string;
}

const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, 'printable ASCII without spaces, 1-255 characters');

/** Checks the fields that arrived before the image part, so a bad form is refused before its image is read. */
export function checkEarlyFields(fields: Record<string, string>): void {
  parseBody(SubmitBuildFields.partial(), fields);
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
    `POST /v1/builds takes multipart/form-data with an "image" part (a docker save or OCI archive), not ${type || 'a body without Content-Type'}`,
  );
}

/** Registry pulls (a JSON body) and Dockerfile builds (a `context` part) come in a later version. */
export function sourceNotSupported(kind: 'registry' | 'context'): AppError {
  const what = kind === 'registry' ? 'pulling an image from a registry' : 'building a Dockerfile context';
  return new AppError(
    'source_not_supported',
    422,
    'Source not supported yet',
    `This build service does not support ${what} yet: upload an image archive as the multipart/form-data part "image"`,
  );
}
