import type { Request } from 'express';
import { z } from 'zod';
import { schemaMessageOf } from '../../shared/schemas/messages';
import { ApiError, type FieldError } from './errors';
import { problemText } from './problemText';

/** Zod's own translations of its messages, for the languages Upward speaks; English (its default) otherwise. */
const zodMessages = { fr: z.locales.fr().localeError, de: z.locales.de().localeError } as const;

/**
 * Zod's issues as field errors. A shared schema's own message is a catalogue key (`schema.*`),
 * worded per reader when sent; zod's own words are already in the reader's language when its
 * locale was chosen (parseWith), elsewhere its English.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], whole = '(body)'): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : whole,
    message: schemaMessageOf(issue) ?? { key: 'field.checked', values: { message: issue.message } },
  }));
}

/** Parses with the schema; what is wrong is said in the reader's language (Accept-Language), field by field. */
function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'address', req: Request): z.infer<S> {
  const text = problemText(req.get('accept-language'));
  const messages = text.language === 'fr' || text.language === 'de' ? zodMessages[text.language] : undefined;
  const result = schema.safeParse(value, messages ? { error: messages } : undefined);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error.issues);
  throw new ApiError('invalidRequest', { key: 'invalidRequest.check', values: { where, fields: [...new Set(errors.map((e) => e.field))] } }, errors);
}

/** Validates a JSON body; a body that is not JSON is refused before it reaches the schema. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  if (req.body === undefined) {
    if (!req.is('application/json') && req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') {
      throw new ApiError('unsupportedMediaType');
    }
    return parseWith(schema, {}, 'body', req);
  }
  return parseWith(schema, req.body, 'body', req);
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parseWith(schema, req.query, 'query', req);
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parseWith(schema, req.params, 'address', req);
}
