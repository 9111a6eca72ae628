import { formatImageReference, isRegistryError, parseImageReference } from '@dhi/image';
import { parseBody } from '@dhi/service-kit';
import { z } from 'zod';
import { parseSubmitFields, type SubmitBuildRequest } from './submit-build.request.js';

/** `source.registry`: `host[:port]/repository[:tag][@sha256:…]`, kept in canonical form (`:latest` made explicit). */
const RegistryReference = z.string().transform((raw, ctx): string => {
  try {
    return formatImageReference(parseImageReference(raw));
  } catch (error) {
    if (!isRegistryError(error)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
    return z.NEVER;
  }
});

/** The JSON body of a registry pull; the other fields are the form fields of an upload, checked the same way. */
const RegistryBuildBody = z.looseObject({
  source: z.strictObject({ registry: RegistryReference }),
});

/** A registry pull's validated request. */
export interface RegistryBuildRequest {
  request: SubmitBuildRequest;
  /** Canonical reference of the image to pull. */
  reference: string;
}

/** Validates `{name, tag, lineage?, submitter?, source: {registry}}`; every problem is a 400 naming its field. */
export function parseRegistryBuildBody(body: unknown, submitterHeader: string | undefined): RegistryBuildRequest {
  const { source, ...fields } = parseBody(RegistryBuildBody, body);
  // name, tag, lineage and submitter follow the same rules (and the same strictness) as an upload's form fields
  const request = parseSubmitFields(fields as Record<string, string>, submitterHeader);
  return { request, reference: source.registry };
}
