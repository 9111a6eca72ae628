import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { z } from 'zod';
import { AppError } from './app-error.js';
import { validationError } from './zod-validation.pipe.js';

/** An RFC 9457 problem document as this platform writes it. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  correlationId?: string;
  [member: string]: unknown;
}

/** The problem `type` URI for an error code. */
export function problemType(code: string): string {
  return `urn:dhi:problem:${code}`;
}

function statusCode(status: number): string {
  return (STATUS_CODES[status] ?? `http ${status}`).toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

// Errors of Express middleware (body-parser's malformed JSON, payload too large) follow the http-errors convention.
function isExposedHttpError(error: unknown): error is { status: number; message: string } {
  const e = error as { status?: unknown; expose?: unknown } | null;
  return typeof e === 'object' && e !== null && typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true;
}

function httpExceptionDetail(exception: HttpException): string | undefined {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : undefined;
}

const INTERNAL_DETAIL = 'An unexpected error occurred. Quote the correlation id when reporting it.';

/**
 * Maps any thrown value to an AppError: AppError as is, Nest HttpException and http-errors by status, zod errors to
 * a 400 with `errors[]`, anything else to a 500 that reveals nothing about the cause. `known` is false for the last.
 */
export function toAppError(exception: unknown): { error: AppError; known: boolean } {
  if (exception instanceof AppError) return { error: exception, known: true };
  if (exception instanceof z.ZodError) return { error: validationError(exception), known: true };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const title = STATUS_CODES[status] ?? 'Error';
    return { error: new AppError(statusCode(status), status, title, httpExceptionDetail(exception)), known: true };
  }
  if (isExposedHttpError(exception)) {
    const status = exception.status;
    return { error: new AppError(statusCode(status), status, STATUS_CODES[status] ?? 'Error', exception.message), known: true };
  }
  return { error: new AppError('internal_error', 500, 'Internal Server Error', INTERNAL_DETAIL), known: false };
}

/** The problem document for an AppError at a request path. */
export function toProblem(error: AppError, instance: string, correlationId?: string): ProblemDetails {
  const problem: ProblemDetails = {
    ...error.extra,
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    instance,
  };
  if (error.detail !== undefined) problem.detail = error.detail;
  if (correlationId !== undefined) problem.correlationId = correlationId;
  return problem;
}
