import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger, ZodValidationPipe } from '@dhi/service-kit';
import { BuildIdParam } from '../build-id.request.js';
import { type BuildFindings, GetFindingsService } from './get-findings.service.js';

@ApiTags('findings')
@Controller('v1/builds')
export class GetFindingsHttpController {
  constructor(
    @Inject(GetFindingsService) private readonly service: GetFindingsService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Get(':id/findings')
  @ApiOperation({ summary: "A build's findings", description: 'Every finding of the scan, suppressed ones included, with the model version applied.' })
  @ApiParam({ name: 'id', description: 'Build id (UUID)' })
  @ApiResponse({ status: 200, description: '{buildId, modelVersion, findings[{id, ruleId, category, severity, confidence, suppressed, title, evidence, remediation, patch}]}' })
  @ApiResponse({ status: 400, description: 'The id is not a UUID (problem JSON)' })
  @ApiResponse({ status: 404, description: 'The build has not been scanned (yet) (problem JSON)' })
  findings(@Param('id', new ZodValidationPipe(BuildIdParam)) buildId: string): Promise<BuildFindings> {
    this.logger.debug({ buildId }, 'reading findings');
    return this.service.findings(buildId);
  }
}
