import { type IncomingMessage } from 'node:http';
import { Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { AdvisoriesService } from './advisories.service.js';
import { type AdvisoryStatus } from './advisory-status.js';
import { type ImportSummary } from './import-summary.js';

@ApiTags('advisories')
@Controller('v1/advisories')
export class AdvisoriesHttpController {
  constructor(
    @Inject(AdvisoriesService) private readonly service: AdvisoriesService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import advisories',
    description:
      'multipart/form-data with one part `file`: an OSV record or bundle (JSON or YAML), a zip or tar(.gz) of them, or a Debian ' +
      'security-tracker DSA/DLA list (detected from the content). Upserts by id and `modified`.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 200, description: '{imported, updated, unchanged, withdrawn, failed, errors[{source, reason}] (first 50), durationMs}' })
  @ApiResponse({ status: 400, description: 'Not multipart, no `file` part, or no readable advisory in it (problem JSON)' })
  @ApiResponse({ status: 413, description: 'The file is larger than the upload limit (problem JSON)' })
  async import(@Req() request: IncomingMessage): Promise<ImportSummary> {
    const summary = await this.service.importUpload(request);
    const { errors: _errors, ...counts } = summary;
    this.logger.info(counts, 'advisories imported');
    return summary;
  }

  @Get('status')
  @ApiOperation({ summary: 'Advisory database status', description: 'Counts per ecosystem, withdrawn count, the last import and its summary.' })
  @ApiResponse({ status: 200, description: '{advisories, withdrawn, ecosystems[{ecosystem, advisories, packages}], lastImport}' })
  status(): Promise<AdvisoryStatus> {
    return this.service.status();
  }
}
