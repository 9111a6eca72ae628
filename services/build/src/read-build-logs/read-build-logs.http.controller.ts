import { once } from 'node:events';
import { type ServerResponse } from 'node:http';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectLogger, type Logger, ZodValidationPipe } from '@dhi/service-kit';
import { z } from 'zod';
import { parseBuildId } from '../domain/build-id.js';
import { PROBLEM_SCHEMA } from '../domain/build.openapi.js';
import { ReadBuildLogsService } from './read-build-logs.service.js';

const LogsQuery = z.strictObject({ follow: z.enum(['true', 'false']).optional() });
const TEXT = 'text/plain; charset=utf-8';

@ApiTags('builds')
@Controller('v1/builds')
export class ReadBuildLogsHttpController {
  constructor(
    @Inject(ReadBuildLogsService) private readonly service: ReadBuildLogsService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Get(':id/logs')
  @ApiOperation({
    summary: 'The build log: `<time> <stage> <level> <message>` per line',
    description: '`follow=true` keeps the response open and streams new lines (chunked) until the build is stored or failed.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'follow', required: false, enum: ['true', 'false'] })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'the log lines', schema: { type: 'string' } })
  @ApiResponse({ status: 400, description: 'id is not a UUID, or a bad query', schema: PROBLEM_SCHEMA })
  @ApiResponse({ status: 404, description: 'no such build', schema: PROBLEM_SCHEMA })
  async read(@Param('id') id: string, @Query(new ZodValidationPipe(LogsQuery)) query: z.output<typeof LogsQuery>, @Res() response: ServerResponse): Promise<void> {
    const buildId = parseBuildId(id);
    if (query.follow !== 'true') {
      const text = await this.service.read(buildId);
      response.writeHead(200, { 'Content-Type': TEXT, 'Content-Length': Buffer.byteLength(text) }).end(text);
      return;
    }
    const gone = new AbortController();
    response.once('close', () => gone.abort());
    const lines = await this.service.follow(buildId, gone.signal);
    // no-transform and X-Accel-Buffering keep proxies from holding lines back until the end
    response.writeHead(200, { 'Content-Type': TEXT, 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' });
    response.flushHeaders();
    try {
      for await (const text of lines) {
        if (gone.signal.aborted) break;
        if (!response.write(text) && !gone.signal.aborted) await Promise.race([once(response, 'drain'), once(gone.signal, 'abort')]);
      }
      response.end();
    } catch (error) {
      this.logger.error({ err: error, buildId }, 'following the build log failed');
      response.destroy();
    }
  }
}
