import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { parseBuildId } from '../domain/build-id.js';
import { type BuildView } from '../domain/build-view.js';
import { BUILD_SCHEMA, PROBLEM_SCHEMA } from '../domain/build.openapi.js';
import { GetBuildService } from './get-build.service.js';

@ApiTags('builds')
@Controller('v1/builds')
export class GetBuildHttpController {
  constructor(@Inject(GetBuildService) private readonly service: GetBuildService) {}

  @Get(':id')
  @ApiOperation({ summary: 'A build with its stage timeline, image, analysis summary and verdict' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, schema: BUILD_SCHEMA })
  @ApiResponse({ status: 400, description: 'id is not a UUID', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 404, description: 'no such build', schema: PROBLEM_SCHEMA })
  get(@Param('id') id: string): Promise<BuildView> {
    return this.service.get(parseBuildId(id));
  }
}
