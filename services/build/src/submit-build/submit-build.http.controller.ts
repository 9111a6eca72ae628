import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AppError, requestContext } from '@dhi/service-kit';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { PROBLEM_SCHEMA, SUBMITTED_BUILD_SCHEMA } from '../domain/build.openapi.js';
import { MultipartImageUpload } from './multipart-upload.js';
import { SubmitBuildService, type SubmittedBuild } from './submit-build.service.js';
import { parseIdempotencyKey, submissionKind } from './submit-build.request.js';
import { SubmitRegistryBuildService } from './submit-registry-build.service.js';

// room for the text fields and multipart boundaries on top of the image itself
const FORM_OVERHEAD_BYTES = 64 * 1024;

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

@ApiTags('builds')
@Controller('v1/builds')
export class SubmitBuildHttpController {
  constructor(
    @Inject(SubmitBuildService) private readonly service: SubmitBuildService,
    @Inject(SubmitRegistryBuildService) private readonly registry: SubmitRegistryBuildService,
    @Inject(BUILD_SETTINGS) private readonly settings: BuildSettings,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submit a build: upload an image archive or a Dockerfile build context',
    description:
      'multipart/form-data with the fields `name`, `tag`, `lineage` (default: name), `submitter` (default: X-Submitter header, ' +
      'else "anonymous") and one file part: `image` (a `docker save` tar or an OCI image-layout tar, optionally gzip), streamed, ' +
      'verified and stored by digest, analysis starting at once (status `analysing`); or `context` (a tar or tar.gz of a build ' +
      'context) with the optional fields `dockerfile` (path in the context, default `Dockerfile`; send it before the context) ' +
      'and `buildArgs` (a JSON object of strings). A context is checked (paths, links, limits, Dockerfile present), stored, ' +
      'and the build queued (status `received`, then `building`); follow it at GET /v1/builds/:id and its logs. ' +
      'Or application/json `{name, tag, lineage?, submitter?, source: {registry: "host[:port]/repository:tag" or "…@sha256:…"}}`: ' +
      'the build is queued the same way and the image pulled (OCI Distribution API, an index resolved to linux/amd64, every digest verified).',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['name', 'tag'],
      properties: {
        name: { type: 'string', example: 'dhi/node' },
        tag: { type: 'string', example: '20.11-debian12' },
        lineage: { type: 'string', example: 'dhi/node' },
        submitter: { type: 'string' },
        dockerfile: { type: 'string', example: 'Dockerfile', description: 'with `context` only' },
        buildArgs: { type: 'string', example: '{"VERSION":"1.2"}', description: 'with `context` only: a JSON object of strings' },
        image: { type: 'string', format: 'binary', description: 'an image archive; or send `context`' },
        context: { type: 'string', format: 'binary', description: 'a tar or tar.gz build context; or send `image`' },
      },
    },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key again answers with the same build' })
  @ApiHeader({ name: 'X-Submitter', required: false })
  @ApiResponse({ status: 202, description: 'accepted; Location names the build', schema: SUBMITTED_BUILD_SCHEMA })
  @ApiResponse({ status: 400, description: 'invalid fields, no file part, not an image or tar, truncated archive, no Dockerfile in the context', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 413, description: 'upload larger than MAX_UPLOAD_BYTES (image) or MAX_CONTEXT_BYTES (context)', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 415, description: 'not multipart/form-data', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 422, description: 'digest mismatch, missing blob, image or context limit, unsafe context entry, unsupported source', schema: PROBLEM_SCHEMA })
  async submit(@Req() request: IncomingMessage, @Res({ passthrough: true }) response: ServerResponse): Promise<SubmittedBuild> {
    try {
      if (submissionKind(header(request, 'content-type')) === 'json') return await this.submitRegistryPull(request, response);
      const declared = Number(header(request, 'content-length') ?? Number.NaN);
      const limits = { image: this.settings.maxUploadBytes, context: this.settings.context.maxBytes };
      const largest = Math.max(limits.image, limits.context);
      if (declared > largest + FORM_OVERHEAD_BYTES) {
        throw new AppError('upload_too_large', 413, 'Upload too large', `the request is larger than the limit of ${largest} bytes`);
      }
      const context = requestContext.get();
      const submitted = await this.service.submit({
        upload: new MultipartImageUpload(request, limits),
        declaredBytes: Number.isFinite(declared) ? declared : null,
        idempotencyKey: parseIdempotencyKey(header(request, 'idempotency-key')),
        submitterHeader: header(request, 'x-submitter'),
        cause: { correlationId: context.correlationId ?? randomUUID(), causationId: null, traceparent: context.traceparent },
      });
      response.setHeader('Location', submitted.links.self);
      return submitted;
    } catch (error) {
      // an answer before the body was read: close the connection instead of reading a possibly huge upload to its end
      if (!request.complete) response.setHeader('Connection', 'close');
      throw error;
    }
  }

  /** The JSON body `{name, tag, lineage?, submitter?, source: {registry}}` (already parsed by the JSON body parser). */
  private async submitRegistryPull(request: IncomingMessage & { body?: unknown }, response: ServerResponse): Promise<SubmittedBuild> {
    const context = requestContext.get();
    const submitted = await this.registry.submit({
      body: request.body,
      idempotencyKey: parseIdempotencyKey(header(request, 'idempotency-key')),
      submitterHeader: header(request, 'x-submitter'),
      cause: { correlationId: context.correlationId ?? randomUUID(), causationId: null, traceparent: context.traceparent },
    });
    response.setHeader('Location', submitted.links.self);
    return submitted;
  }
}
