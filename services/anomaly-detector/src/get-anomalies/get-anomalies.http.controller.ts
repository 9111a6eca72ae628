import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger, ZodValidationPipe } from '@dhi/service-kit';
import { BuildIdParam } from '../build-id.request.js';
import { type BuildAnomalies, GetAnomaliesService } from './get-anomalies.service.js';

@ApiTags('anomalies')
@Controller('v1/builds')
export class GetAnomaliesHttpController {
  constructor(
    @Inject(GetAnomaliesService) private readonly service: GetAnomaliesService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Get(':id/anomalies')
  @ApiOperation({ summary: "A build's anomalies", description: 'Deviations from the baseline of its lineage, suppressed ones included, with the baseline and model version used.' })
  @ApiParam({ name: 'id', description: 'Build id (UUID)' })
  @ApiResponse({ status: 200, description: '{buildId, lineage, baseline{size, version}, modelVersion, anomalies[{id, kind, severity, confidence, suppressed, title, explanation, evidence}]}' })
  @ApiResponse({ status: 400, description: 'The id is not a UUID (problem JSON)' })
  @ApiResponse({ status: 404, description: 'The build has not been analysed (yet) (problem JSON)' })
  anomalies(@Param('id', new ZodValidationPipe(BuildIdParam)) buildId: string): Promise<BuildAnomalies> {
    this.logger.debug({ buildId }, 'reading anomalies');
    return this.service.anomalies(buildId);
  }
}
