import type { Db } from '../store/database';

/** The newest matching run of a programme, or undefined when it has none. */
export async function latestRunId(db: Db, tenantId: string, programmeId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('match_runs')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('programme_id', '=', programmeId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id;
}
