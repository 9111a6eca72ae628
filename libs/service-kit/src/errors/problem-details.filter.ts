import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { type Observable } from 'rxjs';
import { type Logger } from 'pino';
import { CORRELATION_HEADER } from '../http/correlation.js';
import { requestContext } from '../logging/request-context.js';
import { toAppError, toProblem } from './problem-details.js';

interface HttpRequestLike {
  originalUrl?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

interface HttpResponseLike {
  headersSent: boolean;
  getHeader(name: string): unknown;
  status(code: number): HttpResponseLike;
  type(contentType: string): HttpResponseLike;
  send(body: string): unknown;
  end(): unknown;
}

/**
 * Writes every HTTP error as RFC 9457 problem JSON (application/problem+json) with `type` = `urn:dhi:problem:<code>`,
 * `instance` = request path and `correlationId`. Unknown errors become a 500 and are logged, never shown.
 * For message handlers (it is shared with the consumer) it behaves exactly like Nest's default RPC filter.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly rpc = new BaseRpcExceptionFilter();

  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void | Observable<unknown> {
    // Message handlers keep Nest's own behaviour; the transport turns their errors into retries and DLQ entries.
    if (host.getType() === 'rpc') return this.rpc.catch(exception, host);
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequestLike>();
    const response = http.getResponse<HttpResponseLike>();
    const { error, known } = toAppError(exception);
    const instance = (request.originalUrl ?? request.url ?? '/').split('?')[0] ?? '/';
    const correlationId = requestContext.get().correlationId ?? headerValue(response.getHeader(CORRELATION_HEADER));

    if (!known) this.logger.error({ err: exception, path: instance }, 'unhandled error in request');
    else if (error.status >= 500) this.logger.error({ code: error.code, path: instance, detail: error.detail }, error.title);

    if (response.headersSent) {
      response.end();
      return;
    }
    response
      .status(error.status)
      .type('application/problem+json')
      .send(JSON.stringify(toProblem(error, instance, correlationId)));
  }
}

function headerValue(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
