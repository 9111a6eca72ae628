import { Controller, Get, Inject, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { type Logger } from 'pino';
import { InjectLogger } from '../logging/logger.tokens.js';
import { ReadinessIndicators } from './readiness.indicators.js';

interface StatusSettable {
  status(code: number): unknown;
}

/** Liveness and readiness probes. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(ReadinessIndicators) private readonly readiness: ReadinessIndicators,
    @Optional() @InjectLogger() private readonly logger?: Logger,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Database and Kafka are reachable; 503 with details otherwise' })
  async ready(@Res({ passthrough: true }) res: StatusSettable): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.readiness.database(), () => this.readiness.kafka()]);
    } catch (error) {
      // Terminus reports "not ready" as an exception; probes need the details, not a generic problem document.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      this.logger?.warn({ health: result.details }, 'not ready');
      res.status(503);
      return result;
    }
  }
}
