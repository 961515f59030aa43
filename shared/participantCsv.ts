import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { says, schemaMessageOf, type SharedMessage, type SharedMessageKey } from './schemas/messages';
import { profileSchema, roleSchema, type ProfileInput } from './schemas/participant';

export interface CsvParticipantRow {
  /** The line of the file the row came from (the header is line 1). */
  line: number;
  email: string;
  role: 'mentor' | 'mentee';
  profile: ProfileInput;
}

/** Why a row was refused: a message of the shared catalogue (`csv.*`) with its values, worded in the reader's language. */
export type CsvRowReason = SharedMessage<Extract<SharedMessageKey, `csv.${string}`>>;

export interface CsvRowError {
  line: number;
  reason: CsvRowReason;
}

/** The file's column for a field of the row (learning_goals for profile.learningGoals). */
const columnOf = (path: readonly PropertyKey[]) =>
  String(path[0] === 'profile' ? path[1] : path[0])
    .replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const list = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

const rowSchema = z.object({
  email: z.email({ message: says('schema.email') }),
  role: roleSchema,
  profile: profileSchema,
});

/**
 * Reads a participant import file: one person a row, lists separated by ";". Every row is
 * checked on its own, so the report names every bad row with its line number and reason.
 */
export function parseParticipantCsv(text: string): { rows: CsvParticipantRow[]; errors: CsvRowError[] } {
  let records: Record<string, string>[];
  let lines: number[];
  try {
    const parsed = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_')),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    records = parsed.map((p) => p.record);
    lines = parsed.map((p) => p.info.lines);
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    // The parser's own explanation is English; the line it stopped on is what the admin needs.
    return { rows: [], errors: [{ line, reason: { key: 'csv.notCsv' } }] };
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  const missing = ['email', 'role'].filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) {
    return { rows: [], errors: [{ line: 1, reason: { key: 'csv.missingColumns', values: { columns: missing } } }] };
  }
  const rows: CsvParticipantRow[] = [];
  const errors: CsvRowError[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const line = lines[i] ?? i + 2;
    const capacity = record.capacity ? Number(record.capacity) : undefined;
    const candidate = {
      email: (record.email ?? '').toLowerCase(),
      role: (record.role ?? '').toLowerCase(),
      profile: {
        learningGoals: list(record.learning_goals),
        offers: list(record.offers),
        meetingPreference: record.meeting_preference || undefined,
        languages: list(record.languages),
        capacity,
      },
    };
    const result = rowSchema.safeParse(candidate);
    if (!result.success) {
      // One reason a field: the column as the file names it, and what is wrong with it.
      for (const issue of result.error.issues) {
        const problem = schemaMessageOf(issue) ?? { key: 'schema.invalid' as const };
        errors.push({ line, reason: { key: 'csv.invalidValue', values: { column: columnOf(issue.path), problem: problem.key, ...problem.values } } });
      }
      return;
    }
    const earlier = seen.get(result.data.email);
    if (earlier !== undefined) {
      errors.push({ line, reason: { key: 'csv.duplicate', values: { email: result.data.email, earlier } } });
      return;
    }
    seen.set(result.data.email, line);
    rows.push({ line, ...result.data });
  });
  return { rows, errors };
}
