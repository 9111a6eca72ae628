import { type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { PROBLEM_SCHEMA } from '../domain/build.openapi.js';
import { ReadBlobService } from './read-blob.service.js';

@ApiTags('internal')
@Controller('v1/blobs')
export class ReadBlobHttpController {
  constructor(
    @Inject(ReadBlobService) private readonly service: ReadBlobService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Get(':digest')
  @ApiOperation({
    summary: 'A stored image blob (layer, config or manifest) by digest',
    description: 'Internal: the scanner and the anomaly detector read images here (build.completed names this base URL).',
  })
  @ApiParam({ name: 'digest', example: 'sha256:0123…' })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'the blob bytes; Docker-Content-Digest names them' })
  @ApiResponse({ status: 400, description: 'malformed digest', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 404, description: 'no such blob', schema: PROBLEM_SCHEMA })
  async read(@Param('digest') digest: string, @Res() response: ServerResponse): Promise<void> {
    const blob = await this.service.open(digest);
    response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': blob.size,
      'Docker-Content-Digest': blob.digest,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
    try {
      await pipeline(blob.stream, response);
    } catch (error) {
      // the status line is gone; a cut connection is the only way left to tell the reader the bytes are bad
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') this.logger.debug({ digest: blob.digest }, 'blob reader went away');
      else this.logger.error({ err: error, digest: blob.digest }, 'blob stream failed');
      response.destroy();
    }
  }
}
