import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger, ZodValidationPipe } from '@dhi/service-kit';
import { BuildIdParam } from '../build-id.request.js';
import { GetScanService, type ScanView } from './get-scan.service.js';

@ApiTags('scans')
@Controller('v1/scans')
export class GetScanHttpController {
  constructor(
    @Inject(GetScanService) private readonly service: GetScanService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Get(':buildId')
  @ApiOperation({ summary: 'A stored scan', description: 'The build reference, scanner and model versions, image inventory and severity summary.' })
  @ApiParam({ name: 'buildId', description: 'Build id (UUID)' })
  @ApiResponse({ status: 200, description: '{buildId, build, scannerVersion, modelVersion, packageCount, inventory, summary, report{secrets{filesScanned, bytesScanned, binarySkipped, oversizeSkipped, allowlisted, …}}, scannedAt}' })
  @ApiResponse({ status: 400, description: 'The id is not a UUID (problem JSON)' })
  @ApiResponse({ status: 404, description: 'The build has not been scanned (yet) (problem JSON)' })
  scan(@Param('buildId', new ZodValidationPipe(BuildIdParam)) buildId: string): Promise<ScanView> {
    this.logger.debug({ buildId }, 'reading scan');
    return this.service.scan(buildId);
  }
}
