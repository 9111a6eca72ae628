import { type PipeTransform } from '@nestjs/common';
import { type z } from 'zod';
import { AppError, type FieldError } from './app-error.js';

/** The field errors of a zod failure, with dotted paths. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** The AppError 400 (`validation_failed`) for a zod failure. */
export function validationError(error: z.ZodError, what = 'request'): AppError {
  const errors = fieldErrors(error);
  const fields = errors.map((e) => e.path || '(root)').join(', ');
  return new AppError('validation_failed', 400, `Invalid ${what}`, `These fields are invalid: ${fields}`, { errors });
}

/** Validates body (or any input) against schema; throws AppError 400 with field errors. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** A Nest pipe validating one argument with a zod schema, e.g. `@Body(new ZodValidationPipe(Schema))`. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return parseBody(this.schema, value);
  }
}
