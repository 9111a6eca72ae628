import { type BeforeApplicationShutdown, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type Logger } from 'pino';
import { InjectLogger } from '../logging/logger.tokens.js';

/** Marks the start and the end of a graceful shutdown in the logs, so operators see that draining finished. */
@Injectable()
export class LifecycleLog implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@InjectLogger() private readonly logger: Logger) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.info({ signal }, 'service shutting down');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.info({ signal }, 'service stopped');
  }
}
