import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type ModelView } from '../list-models/model-view.js';
import { GetCurrentModelService } from './get-current-model.service.js';

@ApiTags('models')
@Controller('v1/models')
export class GetCurrentModelHttpController {
  constructor(@Inject(GetCurrentModelService) private readonly models: GetCurrentModelService) {}

  @Get('current')
  @ApiOperation({ summary: 'The current model', description: 'The newest published model version with its metrics.' })
  @ApiOkResponse({ description: 'The model version' })
  @ApiResponse({ status: 404, description: 'No model has been published yet (problem JSON)' })
  current(): Promise<ModelView> {
    return this.models.current();
  }
}
