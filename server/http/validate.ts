import type { Request } from 'express';
import type { z } from 'zod';
import { ApiError, type FieldError } from './errors';

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error);
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  throw new ApiError('invalidRequest', `The ${where} is not valid: check ${fields}.`, errors);
}

/** Validates a JSON body; a body that is not JSON is refused before it reaches the schema. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  if (req.body === undefined) {
    if (!req.is('application/json') && req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') {
      throw new ApiError('unsupportedMediaType');
    }
    return parseWith(schema, {}, 'request body');
  }
  return parseWith(schema, req.body, 'request body');
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parseWith(schema, req.query, 'query');
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parseWith(schema, req.params, 'address');
}
