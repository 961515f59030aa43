import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { profileSchema, roleSchema, type ProfileInput } from './schemas/participant';

export interface CsvParticipantRow {
  /** The line of the file the row came from (the header is line 1). */
  line: number;
  email: string;
  role: 'mentor' | 'mentee';
  profile: ProfileInput;
}

export interface CsvRowError {
  line: number;
  message: string;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

const rowSchema = z.object({
  email: z.email({ message: 'email is not an e-mail address' }),
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
    return { rows: [], errors: [{ line, message: `The file is not valid CSV: ${(error as Error).message}` }] };
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  const missing = ['email', 'role'].filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) {
    return { rows: [], errors: [{ line: 1, message: `The header must name the columns ${missing.join(' and ')}.` }] };
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
      const reasons = result.error.issues.map((issue) => {
        if (issue.path[0] === 'profile') return `${String(issue.path[1])}: ${issue.message}`;
        return issue.path[0] === 'role' ? `role ${issue.message}` : issue.message;
      });
      errors.push({ line, message: reasons.join('; ') });
      return;
    }
    const earlier = seen.get(result.data.email);
    if (earlier !== undefined) {
      errors.push({ line, message: `${result.data.email} is already on line ${earlier}.` });
      return;
    }
    seen.set(result.data.email, line);
    rows.push({ line, ...result.data });
  });
  return { rows, errors };
}
