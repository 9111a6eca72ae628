import { type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { parseBuildId } from '../domain/build-id.js';
import { PROBLEM_SCHEMA } from '../domain/build.openapi.js';
import { ExportImageService } from './export-image.service.js';

@ApiTags('builds')
@Controller('v1/builds')
export class ExportImageHttpController {
  constructor(
    @Inject(ExportImageService) private readonly service: ExportImageService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Get(':id/image')
  @ApiOperation({
    summary: 'The stored image as an OCI archive',
    description: 'An OCI image-layout tar (`oci-layout`, `index.json` naming the image `name:tag`, `blobs/sha256/*`); `skopeo inspect oci-archive:<file>` reads it.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/x-tar')
  @ApiResponse({ status: 200, description: 'the archive, streamed; every blob is verified against its digest on the way' })
  @ApiResponse({ status: 400, description: 'id is not a UUID', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 404, description: 'no such build, or the build has no stored image (yet)', schema: PROBLEM_SCHEMA })
  async export(@Param('id') id: string, @Res() response: ServerResponse): Promise<void> {
    const image = await this.service.prepare(parseBuildId(id));
    response.writeHead(200, {
      'Content-Type': 'application/x-tar',
      'Content-Length': image.size,
      'Content-Disposition': `attachment; filename="${image.filename}"`,
      'X-Image-Digest': image.manifestDigest,
    });
    try {
      await pipeline(image.open(), response);
    } catch (error) {
      // the status line is gone; a cut connection (short of Content-Length) is the only way left to tell the reader
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') this.logger.debug({ buildId: image.buildId }, 'image reader went away');
      else this.logger.error({ err: error, buildId: image.buildId }, 'image export failed');
      response.destroy();
    }
  }
}
