import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListModelsService, type ModelsOverview } from './list-models.service.js';

@ApiTags('models')
@Controller('v1/models')
export class ListModelsHttpController {
  constructor(@Inject(ListModelsService) private readonly models: ListModelsService) {}

  @Get()
  @ApiOperation({ summary: 'Model versions and training data', description: 'Every model version with its metrics, the current one, and counts of the recorded review events.' })
  @ApiOkResponse({ description: '`{items, current, training: {events, byType, verdicts, cases, lastEventAt}}`' })
  overview(): Promise<ModelsOverview> {
    return this.models.overview();
  }
}
