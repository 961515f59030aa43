import { insightTables, type InsightTableId } from '../../shared/insight/insightTables';
import { programmeContributions, type ProgrammeInsightInput } from '../../shared/insight/programmeTables';
import { z } from 'zod';
import { nextBatch, type InsightBatch, type ReleaseEvent } from '../../shared/insight/releases';
import type { Db } from '../store/database';
import { json, noteUnreadable } from '../store/json';
import { forTenant } from '../store/tenantScope';

const storedEventsSchema: z.ZodType<ReleaseEvent[]> = z.array(
  z.strictObject({
    id: z.string(),
    unit: z.string(),
    department: z.string(),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    category: z.string(),
    value: z.number().optional(),
    weight: z.union([z.literal(1), z.literal(-1)]),
  }),
);

/**
 * Every batch released so far for one programme. A batch whose events no longer parse is logged,
 * and its table is withheld (none of its batches is returned): the table's figures are sums of
 * whole blocks of every batch, so leaving one batch out would show figures no release was checked
 * for, and each later batch was cut against it. The withheld table shows nothing released, and a
 * new batch for it is never cut, because its first sequence number is taken.
 */
export async function releasedBatches(db: Db, tenantId: string, programmeId: string): Promise<InsightBatch[]> {
  const rows = await forTenant(db, tenantId)
    .selectFrom('insight_batches')
    .select(['table_id', 'seq', 'threshold', 'events'])
    .where('programme_id', '=', programmeId)
    .orderBy('table_id')
    .orderBy('seq')
    .execute();
  const batches = rows.map((r) => ({ table: r.table_id as InsightTableId, seq: r.seq, threshold: r.threshold, events: batchEventsOf(r.events, { tenantId, programmeId, ...r }) }));
  const withheld = new Set(batches.filter((b) => b.events === null).map((b) => b.table));
  return batches.flatMap((b) => (b.events === null || withheld.has(b.table) ? [] : [{ ...b, events: b.events }]));
}

/** The events of a stored batch, or null (logged) when they no longer parse. */
function batchEventsOf(raw: unknown, batch: { tenantId: string; programmeId: string; table_id: string; seq: number }): ReleaseEvent[] | null {
  const parsed = storedEventsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const id = `${batch.tenantId}/${batch.programmeId}/${batch.table_id}/${batch.seq}`;
  noteUnreadable({ table: 'insight_batches', column: 'events', id }, [...new Set(parsed.error.issues.map((i) => i.path.slice(1).join('.') || '(events)'))], 'stored insight batch does not parse; its table is withheld');
  return null;
}

/**
 * Cuts the batches that are due (changes involving at least the threshold of people) and returns
 * every batch. Two readers cutting at once insert the same sequence number; the second insert is
 * dropped and both read back the batch that won.
 */
export async function releaseDueBatches(db: Db, tenantId: string, programmeId: string, input: ProgrammeInsightInput, now: Date): Promise<InsightBatch[]> {
  const batches = await releasedBatches(db, tenantId, programmeId);
  const { contributions } = programmeContributions(input);
  const due = (Object.keys(insightTables) as InsightTableId[]).flatMap((table) => {
    const batch = nextBatch(table, batches.filter((b) => b.table === table), contributions[table], input.threshold);
    return batch ? [batch] : [];
  });
  if (due.length === 0) return batches;
  await db
    .insertInto('insight_batches')
    .values(due.map((b) => ({ tenant_id: tenantId, programme_id: programmeId, table_id: b.table, seq: b.seq, threshold: b.threshold, released_at: now, events: json(b.events) })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  return releasedBatches(db, tenantId, programmeId);
}
