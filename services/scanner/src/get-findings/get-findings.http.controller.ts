import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger, ZodValidationPipe } from '@dhi/service-kit';
import { BuildIdParam } from '../build-id.request.js';
import { type FindingStatusFilter, FindingStatusQuery } from './finding-status.request.js';
import { type BuildFindings, GetFindingsService } from './get-findings.service.js';

@ApiTags('findings')
@Controller('v1/builds')
export class GetFindingsHttpController {
  constructor(
    @Inject(GetFindingsService) private readonly service: GetFindingsService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Get(':id/findings')
  @ApiOperation({
    summary: "A build's findings",
    description: 'The open findings of the build (suppressed ones included), most severe first, with the model version applied; resolved ones on request.',
  })
  @ApiParam({ name: 'id', description: 'Build id (UUID)' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'resolved', 'all'], description: 'Which findings (default open); re-matching resolves findings when advisories change' })
  @ApiResponse({
    status: 200,
    description: '{buildId, modelVersion, findings[{id, ruleId, category, severity, confidence, suppressed, title, evidence, remediation, patch, status, detectedAt, resolvedAt}]}',
  })
  @ApiResponse({ status: 400, description: 'The id is not a UUID (problem JSON)' })
  @ApiResponse({ status: 404, description: 'The build has not been scanned (yet) (problem JSON)' })
  findings(
    @Param('id', new ZodValidationPipe(BuildIdParam)) buildId: string,
    @Query('status', new ZodValidationPipe(FindingStatusQuery)) status: FindingStatusFilter,
  ): Promise<BuildFindings> {
    this.logger.debug({ buildId, status }, 'reading findings');
    return this.service.findings(buildId, status);
  }
}
