import type { RequestHandler } from 'express';
import { ApiError, type FieldError } from './errors';

const NUL = '\u0000';

/** Paths (as `a.b.0`) of every string, key included, that holds a NUL character. */
function nulPaths(value: unknown, path: string[], found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push(path.join('.') || '(body)');
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulPaths(item, [...path, String(index)], found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) found.push([...path, key.replaceAll(NUL, '\\u0000')].join('.'));
      nulPaths(item, [...path, key], found);
    }
  }
}

/**
 * Postgres text cannot hold U+0000, so a NUL would otherwise fail deep inside a write as a 500.
 * No field Upward keeps has a use for it: refuse it up front, naming where it was.
 */
export const rejectNulCharacters: RequestHandler = (req, _res, next) => {
  const found: string[] = [];
  nulPaths(req.body, [], found);
  nulPaths(req.query, ['query'], found);
  if (found.length === 0) return next();
  const errors: FieldError[] = found.map((field) => ({ field, message: 'Remove the NUL character (U+0000); text cannot contain it.' }));
  next(new ApiError('invalidRequest', `The request contains a NUL character (U+0000) in ${found.join(', ')}; remove it and try again.`, errors));
};
