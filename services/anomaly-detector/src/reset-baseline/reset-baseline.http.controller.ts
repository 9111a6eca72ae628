import { Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger, ZodValidationPipe } from '@dhi/service-kit';
import { ANOMALY_SETTINGS, type AnomalySettings } from '../anomaly-settings.js';
import { LineageParam } from '../get-baseline/get-baseline.request.js';
import { requireAdmin } from './admin-token.js';
import { ResetBaselineService, type ResetView } from './reset-baseline.service.js';

@ApiTags('baselines')
@Controller('v1/baselines')
export class ResetBaselineHttpController {
  constructor(
    @Inject(ResetBaselineService) private readonly service: ResetBaselineService,
    @Inject(ANOMALY_SETTINGS) private readonly settings: AnomalySettings,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Post(':lineage/reset')
  @HttpCode(200)
  @ApiOperation({ summary: "Empty a lineage's baseline (administrators)", description: 'The next builds are judged cold until approvals refill it; profiles stay stored.' })
  @ApiParam({ name: 'lineage', description: 'Lineage, URL-encoded (dhi%2Fnode for dhi/node)' })
  @ApiHeader({ name: 'Authorization', description: 'Bearer <ADMIN_TOKEN>', required: true })
  @ApiHeader({ name: 'X-Admin', description: 'Who resets, for the audit fields', required: false })
  @ApiResponse({ status: 200, description: '{lineage, version, removedMembers, resetAt, resetBy}' })
  @ApiResponse({ status: 401, description: 'No bearer token (problem JSON)' })
  @ApiResponse({ status: 403, description: 'Not the administrator token, or no ADMIN_TOKEN configured (problem JSON)' })
  @ApiResponse({ status: 404, description: 'The lineage has no baseline (problem JSON)' })
  async reset(
    @Param('lineage', new ZodValidationPipe(LineageParam)) lineage: string,
    @Headers('authorization') authorization: string | undefined,
    @Headers('x-admin') who: string | undefined,
  ): Promise<ResetView> {
    const admin = requireAdmin(this.settings.adminToken, authorization, who);
    const reset = await this.service.reset(lineage, admin);
    this.logger.info({ lineage, admin, version: reset.version, removedMembers: reset.removedMembers }, 'baseline reset');
    return reset;
  }
}
