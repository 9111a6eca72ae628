import { Writable } from 'node:stream';
import { type ArgumentsHost, BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { isObservable, lastValueFrom, type Observable } from 'rxjs';
import { z } from 'zod';
import { createLogger } from '../logging/create-logger.js';
import { requestContext } from '../logging/request-context.js';
import { AppError } from './app-error.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { parseBody } from './zod-validation.pipe.js';

interface Captured {
  status?: number;
  type?: string;
  body?: Record<string, unknown>;
}

function run(exception: unknown, options: { url?: string; correlationHeader?: string } = {}) {
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _e, done) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const captured: Captured = {};
  const response = {
    headersSent: false,
    getHeader: (name: string) => (name === 'x-correlation-id' ? options.correlationHeader : undefined),
    status(code: number) {
      captured.status = code;
      return response;
    },
    type(contentType: string) {
      captured.type = contentType;
      return response;
    },
    send(body: string) {
      captured.body = JSON.parse(body) as Record<string, unknown>;
    },
    end: () => undefined,
  };
  const request = { originalUrl: options.url ?? '/v1/builds/42?x=1', headers: {} };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter(createLogger('test', 'info', stream)).catch(exception, host);
  return { ...captured, logs };
}

describe('ProblemDetailsFilter', () => {
  it('maps an AppError to problem+json with urn type, instance path and extras', () => {
    const error = new AppError('build_not_found', 404, 'Build not found', 'No build with id 42', { buildId: '42', status: 1 });
    const result = requestContext.run({ correlationId: 'corr-9' }, () => run(error));
    expect(result.status).toBe(404);
    expect(result.type).toBe('application/problem+json');
    expect(result.body).toEqual({
      type: 'urn:dhi:problem:build_not_found',
      title: 'Build not found',
      status: 404,
      detail: 'No build with id 42',
      instance: '/v1/builds/42',
      correlationId: 'corr-9',
      buildId: '42',
    });
    expect(result.logs).toHaveLength(0);
  });

  it('maps Nest HttpExceptions by status and keeps their message as detail', () => {
    const notFound = run(new NotFoundException('Cannot GET /nope'), { url: '/nope', correlationHeader: 'from-header' });
    expect(notFound.body).toMatchObject({
      type: 'urn:dhi:problem:not_found',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /nope',
      instance: '/nope',
      correlationId: 'from-header',
    });
    expect(run(new PayloadTooLargeException()).body).toMatchObject({ type: 'urn:dhi:problem:payload_too_large', status: 413 });
    expect(run(new BadRequestException(['a is bad', 'b is bad'])).body).toMatchObject({ status: 400, detail: 'a is bad; b is bad' });
  });

  it('maps zod errors (thrown directly or through parseBody) to 400 with errors[]', () => {
    const schema = z.object({ name: z.string().min(1), tag: z.object({ value: z.string() }) });
    const parsed = schema.safeParse({ name: '', tag: { value: 3 } });
    const direct = run(parsed.success ? new Error('unexpected') : parsed.error);
    let thrown: unknown;
    try {
      parseBody(schema, { name: '', tag: { value: 3 } });
    } catch (error) {
      thrown = error;
    }
    for (const result of [direct, run(thrown)]) {
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ type: 'urn:dhi:problem:validation_failed', title: 'Invalid request' });
      expect(result.body?.['errors']).toEqual([
        { path: 'name', message: expect.any(String) },
        { path: 'tag.value', message: expect.any(String) },
      ]);
    }
  });

  it('maps body-parser style client errors by their status', () => {
    const error = Object.assign(new SyntaxError('Unexpected token } in JSON'), { status: 400, expose: true });
    expect(run(error).body).toMatchObject({ type: 'urn:dhi:problem:bad_request', status: 400, detail: 'Unexpected token } in JSON' });
  });

  it('turns unknown errors into a 500 that leaks nothing, and logs them', () => {
    const result = run(new Error('password=hunter2 at db.internal:5432'));
    expect(result.status).toBe(500);
    expect(result.body).toMatchObject({ type: 'urn:dhi:problem:internal_error', title: 'Internal Server Error' });
    expect(JSON.stringify(result.body)).not.toContain('hunter2');
    expect(result.logs[0]).toMatchObject({ level: 'error', err: { message: 'password=hunter2 at db.internal:5432' } });
  });

  it('passes message-handler errors on like the default RPC filter, so the transport sees them', async () => {
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    const cause = { code: 'poison' };
    const result = new ProblemDetailsFilter(createLogger('test', 'silent')).catch(new RpcException(cause), host);
    expect(isObservable(result)).toBe(true);
    await expect(lastValueFrom(result as Observable<unknown>)).rejects.toBe(cause);
  });
});
