import { insightTables, type InsightTableId } from '../../shared/insight/insightTables';
import { programmeContributions, type ProgrammeInsightInput } from '../../shared/insight/programmeTables';
import { nextBatch, type InsightBatch } from '../../shared/insight/releases';
import type { Db } from '../store/database';
import { json } from '../store/json';
import { forTenant } from '../store/tenantScope';

/** Every batch released so far for one programme. */
export async function releasedBatches(db: Db, tenantId: string, programmeId: string): Promise<InsightBatch[]> {
  const rows = await forTenant(db, tenantId)
    .selectFrom('insight_batches')
    .select(['table_id', 'seq', 'threshold', 'events'])
    .where('programme_id', '=', programmeId)
    .orderBy('table_id')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ table: r.table_id as InsightTableId, seq: r.seq, threshold: r.threshold, events: r.events }));
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
