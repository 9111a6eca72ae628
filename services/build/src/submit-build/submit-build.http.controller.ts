import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AppError, requestContext } from '@dhi/service-kit';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { PROBLEM_SCHEMA, SUBMITTED_BUILD_SCHEMA } from '../domain/build.openapi.js';
import { MultipartImageUpload } from './multipart-upload.js';
import { SubmitBuildService, type SubmittedBuild } from './submit-build.service.js';
import { parseIdempotencyKey, sourceNotSupported, submissionKind } from './submit-build.request.js';

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
    @Inject(BUILD_SETTINGS) private readonly settings: BuildSettings,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submit a build: upload an image archive',
    description:
      'multipart/form-data with the file part `image` (a `docker save` tar or an OCI image-layout tar, optionally gzip) and the ' +
      'fields `name`, `tag`, `lineage` (default: name), `submitter` (default: X-Submitter header, else "anonymous"). ' +
      'The archive is streamed, verified and stored by digest; analysis starts at once. Dockerfile contexts and registry ' +
      'pulls are answered with 422 source_not_supported for now.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['image', 'name', 'tag'],
      properties: {
        name: { type: 'string', example: 'dhi/node' },
        tag: { type: 'string', example: '20.11-debian12' },
        lineage: { type: 'string', example: 'dhi/node' },
        submitter: { type: 'string' },
        image: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key again answers with the same build' })
  @ApiHeader({ name: 'X-Submitter', required: false })
  @ApiResponse({ status: 202, description: 'accepted; Location names the build', schema: SUBMITTED_BUILD_SCHEMA })
  @ApiResponse({ status: 400, description: 'invalid fields, no image part, not an image, truncated archive', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 413, description: 'upload larger than MAX_UPLOAD_BYTES', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 415, description: 'not multipart/form-data', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 422, description: 'digest mismatch, missing blob, image limit, unsupported source', schema: PROBLEM_SCHEMA })
  async submit(@Req() request: IncomingMessage, @Res({ passthrough: true }) response: ServerResponse): Promise<SubmittedBuild> {
    try {
      if (submissionKind(header(request, 'content-type')) === 'json') throw sourceNotSupported('registry');
      const declared = Number(header(request, 'content-length') ?? Number.NaN);
      if (declared > this.settings.maxUploadBytes + FORM_OVERHEAD_BYTES) {
        throw new AppError('upload_too_large', 413, 'Upload too large', `the request is larger than the limit of ${this.settings.maxUploadBytes} bytes`);
      }
      const context = requestContext.get();
      const submitted = await this.service.submit({
        upload: new MultipartImageUpload(request, this.settings.maxUploadBytes),
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
}
