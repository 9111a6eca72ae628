import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { parseBuildId } from '../domain/build-id.js';
import { PROBLEM_SCHEMA } from '../domain/build.openapi.js';
import { ReadBuildLogsService } from './read-build-logs.service.js';

@ApiTags('builds')
@Controller('v1/builds')
export class ReadBuildLogsHttpController {
  constructor(@Inject(ReadBuildLogsService) private readonly service: ReadBuildLogsService) {}

  @Get(':id/logs')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The build log: `<time> <stage> <level> <message>` per line' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'the log lines', schema: { type: 'string' } })
  @ApiResponse({ status: 400, description: 'id is not a UUID', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 404, description: 'no such build', schema: PROBLEM_SCHEMA })
  read(@Param('id') id: string): Promise<string> {
    return this.service.read(parseBuildId(id));
  }
}
