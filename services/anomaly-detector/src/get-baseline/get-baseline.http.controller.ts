import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger, ZodValidationPipe } from '@dhi/service-kit';
import { LineageParam } from './get-baseline.request.js';
import { type BaselineView, GetBaselineService } from './get-baseline.service.js';

@ApiTags('baselines')
@Controller('v1/baselines')
export class GetBaselineHttpController {
  constructor(
    @Inject(GetBaselineService) private readonly service: GetBaselineService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Get(':lineage')
  @ApiOperation({ summary: "A lineage's baseline", description: 'Version, size and members (the most recently approved builds of the lineage).' })
  @ApiParam({ name: 'lineage', description: 'Lineage, URL-encoded (dhi%2Fnode for dhi/node)' })
  @ApiResponse({ status: 200, description: '{lineage, version, size, updatedAt, members[{buildId, approvedAt, imageDigest}]}' })
  @ApiResponse({ status: 404, description: 'The lineage has no approved build yet (problem JSON)' })
  baseline(@Param('lineage', new ZodValidationPipe(LineageParam)) lineage: string): Promise<BaselineView> {
    this.logger.debug({ lineage }, 'reading baseline');
    return this.service.baseline(lineage);
  }
}
