import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '@dhi/service-kit';
import { BUILD_STATUSES } from '../domain/build-status.js';
import { BUILD_PAGE_SCHEMA, PROBLEM_SCHEMA } from '../domain/build.openapi.js';
import { type ListBuildsFilter, ListBuildsQuery } from './list-builds.request.js';
import { type BuildPage, ListBuildsService } from './list-builds.service.js';

@ApiTags('builds')
@Controller('v1/builds')
export class ListBuildsHttpController {
  constructor(@Inject(ListBuildsService) private readonly service: ListBuildsService) {}

  @Get()
  @ApiOperation({ summary: 'Builds, newest first, with cursor pagination' })
  @ApiQuery({ name: 'status', required: false, enum: [...BUILD_STATUSES] })
  @ApiQuery({ name: 'lineage', required: false })
  @ApiQuery({ name: 'name', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1-100, default 20' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiResponse({ status: 200, schema: BUILD_PAGE_SCHEMA })
  @ApiResponse({ status: 400, description: 'invalid filter, limit or cursor', schema: PROBLEM_SCHEMA })
  list(@Query(new ZodValidationPipe(ListBuildsQuery)) query: ListBuildsFilter): Promise<BuildPage> {
    return this.service.list(query);
  }
}
