import type { Request, Response } from 'express';
import { ApiError } from './errors';
import { rejectNulCharacters } from './nulCharacters';

function verdictOn(body: unknown, query: Record<string, unknown> = {}): unknown {
  let passed: unknown = 'not called';
  rejectNulCharacters({ body, query } as Request, {} as Response, (error?: unknown) => {
    passed = error;
  });
  return passed;
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { inner: value };
  return value;
}

describe('refusing NUL characters', () => {
  it('passes a body without a NUL however deeply it nests', () => {
    expect(verdictOn(nested(200_000, 'plain'))).toBeUndefined();
  });

  it('names the path of a NUL at the bottom of a body nested deeper than the call stack', () => {
    const error = verdictOn(nested(200_000, 'a\u0000b'));
    expect(error).toBeInstanceOf(ApiError);
    const fields = (error as ApiError).errors?.map((entry) => entry.field) ?? [];
    expect(fields).toHaveLength(1);
    expect(fields[0]?.split('.')).toHaveLength(200_000);
  });

  it('lists every NUL in document order, keys and query parameters included', () => {
    const error = verdictOn({ title: 'x\u0000', items: ['ok', 'y\u0000'], ['k\u0000ey']: 1 }, { q: 'z\u0000' }) as ApiError;
    expect(error.errors?.map((entry) => entry.field)).toEqual(['title', 'items.1', 'k\\u0000ey', 'query.q']);
  });
});
