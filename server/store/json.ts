import type { z } from 'zod';

/** Which stored value a problem is about, for the log line. */
export interface StoredAt {
  table: string;
  column: string;
  /** The row, e.g. the programme's id. */
  id: string;
}

type Warn = (details: StoredAt & { fields: string[] }, message: string) => void;

// Set once by the process (the service points it at its logger); until then Node prints a warning.
let warn: Warn = (details, message) => process.emitWarning(`${message} ${JSON.stringify(details)}`, 'UpwardStoredData');

/** Sends the notes about stored values that no longer parse to this logger. */
export function reportStoredDataTo(logger: { warn: Warn }): void {
  warn = (details, message) => logger.warn(details, message);
}

/**
 * A JSON object column read into its type, field by field: a field missing from an old row
 * takes its default silently (it was written before the field existed); a field that is present
 * but no longer parses (hand-edited, or written under a looser rule) also takes its default, and
 * is logged, so one old row never stops a request or a planner that reads many. Keys the type
 * does not name are dropped.
 */
export function readStoredObject<T extends object>(shape: { [K in keyof T]: z.ZodType<T[K]> }, defaults: T, raw: unknown, at: StoredAt): T {
  const stored = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const invalid: string[] = raw === null || raw === undefined || stored === raw ? [] : ['(not an object)'];
  const value = { ...defaults };
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    if (stored[key] === undefined) continue;
    const parsed = shape[key].safeParse(stored[key]);
    if (parsed.success) value[key] = parsed.data;
    else invalid.push(key);
  }
  if (invalid.length > 0) noteUnreadable(at, invalid, 'stored value no longer parses; its defaults are used');
  return value;
}

/** Logs that these fields of a stored value could not be read, and what was done instead. */
export function noteUnreadable(at: StoredAt, fields: string[], message: string): void {
  warn({ ...at, fields }, message);
}

/** jsonb parameters are sent as JSON text: the pg driver would otherwise turn arrays into Postgres arrays. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
