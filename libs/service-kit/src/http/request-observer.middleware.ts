import { type IncomingMessage, type ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { type Logger } from 'pino';
import { InjectLogger } from '../logging/logger.tokens.js';
import { requestContext } from '../logging/request-context.js';
import { CORRELATION_HEADER, correlationIdFrom, TRACEPARENT_HEADER, traceparentFrom } from './correlation.js';
import { httpMetrics } from './metrics.js';

type Request = IncomingMessage & { originalUrl?: string; route?: { path?: unknown } };

// Probes and scrapes arrive every few seconds; at info they would drown the useful lines.
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * Per request: takes or generates x-correlation-id (echoed back), runs the rest of the pipeline inside
 * requestContext, and on completion writes one access log line and updates the HTTP metrics.
 */
@Injectable()
export class RequestObserverMiddleware implements NestMiddleware<Request, ServerResponse> {
  constructor(@InjectLogger() private readonly logger: Logger) {}

  use(req: Request, res: ServerResponse, next: (error?: unknown) => void): void {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    const traceparent = traceparentFrom(req.headers[TRACEPARENT_HEADER]);
    res.setHeader(CORRELATION_HEADER, correlationId);
    const started = process.hrtime.bigint();
    const path = (req.originalUrl ?? req.url ?? '/').split('?')[0] ?? '/';

    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = typeof req.route?.path === 'string' ? req.route.path : 'unmatched';
      const labels = { method: req.method ?? 'GET', route, status: String(res.statusCode) };
      const metrics = httpMetrics();
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, seconds);
      const line = { correlationId, traceparent, method: labels.method, path, route, status: res.statusCode, durationMs: Math.round(seconds * 1000) };
      if (QUIET_PATHS.has(path) && res.statusCode < 400) this.logger.debug(line, 'request completed');
      else this.logger.info(line, 'request completed');
    });
    requestContext.run({ correlationId, traceparent }, () => next());
  }
}
