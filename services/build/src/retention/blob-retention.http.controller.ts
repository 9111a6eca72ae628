import { Controller, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AppError, ZodValidationPipe } from '@dhi/service-kit';
import { z } from 'zod';
import { PROBLEM_SCHEMA } from '../domain/build.openapi.js';
import { BlobRetentionService, type RetentionReport } from './blob-retention.service.js';

const GcQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });

const COUNT_SCHEMA = { type: 'object', properties: { blobs: { type: 'integer' }, bytes: { type: 'integer' } } };
const REPORT_SCHEMA = {
  type: 'object',
  properties: {
    dryRun: { type: 'boolean' },
    graceHours: { type: 'integer' },
    scanned: COUNT_SCHEMA,
    referenced: COUNT_SCHEMA,
    young: COUNT_SCHEMA,
    deleted: COUNT_SCHEMA,
    durationMs: { type: 'integer' },
  },
};

@ApiTags('admin')
@Controller('v1/admin/blobs')
export class BlobRetentionHttpController {
  constructor(@Inject(BlobRetentionService) private readonly retention: BlobRetentionService) {}

  @Post('gc')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Collect unreferenced blobs now',
    description: 'Deletes blobs no build references and older than BLOB_RETENTION_GRACE_HOURS; `dryRun=true` only counts them.',
  })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiResponse({ status: 200, description: 'counts and bytes per outcome', schema: REPORT_SCHEMA })
  @ApiResponse({ status: 400, description: 'bad query', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 409, description: 'a retention run is in progress', schema: PROBLEM_SCHEMA })
  async collect(@Query(new ZodValidationPipe(GcQuery)) { dryRun }: z.output<typeof GcQuery>): Promise<RetentionReport> {
    const report = await this.retention.collect({ dryRun: dryRun === 'true' });
    if (!report) throw new AppError('retention_running', 409, 'Retention running', 'A blob retention run is in progress; try again when it has finished');
    return report;
  }
}
