import { z } from 'zod';
import { says } from './messages';
import { isoDate } from './common';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, says('schema.month'));

/** Dashboard filters: one of the offered departments, and a window of whole months of the programme. */
export const insightQuery = z
  .object({ department: z.string().trim().min(1).max(200).optional(), from: month.optional(), to: month.optional() })
  .strict();
export type InsightQuery = z.infer<typeof insightQuery>;

/** The audit log of admin actions, for a range of days, as JSON or CSV. */
export const auditLogQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), format: z.enum(['json', 'csv']).default('json') })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: says('schema.notBeforeFrom'), path: ['to'] });

/** Field by field, what a settings change changed. */
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;
export const auditChangesSchema: z.ZodType<AuditChanges> = z.record(z.string(), z.strictObject({ from: z.unknown(), to: z.unknown() }));

/** One admin action in the audit log, as the API returns it. */
export interface AuditEntry {
  at: string;
  actorUserId: string;
  actorName: string | null;
  action: string;
  target: string;
  changes: AuditChanges | null;
}
