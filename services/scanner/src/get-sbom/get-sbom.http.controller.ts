import { type ServerResponse } from 'node:http';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger, ZodValidationPipe } from '@dhi/service-kit';
import { BuildIdParam } from '../build-id.request.js';
import { GetSbomService } from './get-sbom.service.js';
import { type SbomFormat, SbomFormatQuery } from './sbom-format.request.js';

@ApiTags('sbom')
@Controller('v1/builds')
export class GetSbomHttpController {
  constructor(
    @Inject(GetSbomService) private readonly service: GetSbomService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Get(':id/sbom')
  @ApiOperation({ summary: "A build's SBOM", description: 'The packages of the scanned image, each with its purl and layer, as CycloneDX 1.6 or SPDX 2.3 JSON.' })
  @ApiParam({ name: 'id', description: 'Build id (UUID)' })
  @ApiQuery({ name: 'format', required: false, enum: ['cyclonedx', 'spdx'], description: 'Document format (default cyclonedx)' })
  @ApiResponse({ status: 200, description: 'application/vnd.cyclonedx+json (CycloneDX 1.6) or application/spdx+json (SPDX 2.3)' })
  @ApiResponse({ status: 400, description: 'The id is not a UUID, or the format is unknown (problem JSON)' })
  @ApiResponse({ status: 404, description: 'The build has not been scanned (yet) (problem JSON)' })
  async sbom(
    @Param('id', new ZodValidationPipe(BuildIdParam)) buildId: string,
    @Query('format', new ZodValidationPipe(SbomFormatQuery)) format: SbomFormat,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<object> {
    this.logger.debug({ buildId, format }, 'reading sbom');
    const { mediaType, document } = await this.service.sbom(buildId, format);
    response.setHeader('content-type', mediaType);
    return document;
  }
}
