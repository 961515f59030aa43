import type { RequestHandler } from 'express';
import { ApiError, type FieldError } from './errors';

const NUL = '\u0000';

/** Where a value sits, kept as a chain so descending costs nothing until a NUL is found. */
interface Place {
  readonly parent?: Place;
  readonly segment: string;
}

function pathOf(place: Place | undefined): string {
  const segments: string[] = [];
  for (let at = place; at; at = at.parent) segments.push(at.segment);
  return segments.reverse().join('.') || '(body)';
}

/**
 * Paths (as `a.b.0`) of every string, key included, that holds a NUL character. Walks with its
 * own stack: a request body may nest deeper than the call stack allows.
 */
function nulPaths(root: unknown, rootPlace: Place | undefined, found: string[]): void {
  const pending: { value: unknown; place: Place | undefined }[] = [{ value: root, place: rootPlace }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, place } = next;
    if (typeof value === 'string') {
      if (value.includes(NUL)) found.push(pathOf(place));
    } else if (Array.isArray(value)) {
      // Children go on in reverse so the stack hands them back in document order.
      for (let index = value.length - 1; index >= 0; index--) pending.push({ value: value[index], place: { parent: place, segment: String(index) } });
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value).reverse()) {
        pending.push({ value: item, place: { parent: place, segment: key } });
        // The key itself, checked as a string just before its value, under a printable name.
        pending.push({ value: key, place: { parent: place, segment: key.replaceAll(NUL, '\\u0000') } });
      }
    }
  }
}

/**
 * Postgres text cannot hold U+0000, so a NUL would otherwise fail deep inside a write as a 500.
 * No field Upward keeps has a use for it: refuse it up front, naming where it was.
 */
export const rejectNulCharacters: RequestHandler = (req, _res, next) => {
  const found: string[] = [];
  nulPaths(req.body, undefined, found);
  nulPaths(req.query, { segment: 'query' }, found);
  if (found.length === 0) return next();
  const errors: FieldError[] = found.map((field) => ({ field, message: { key: 'field.nulCharacter' } }));
  next(new ApiError('invalidRequest', { key: 'invalidRequest.nul', values: { fields: found } }, errors));
};
