import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

/** The newest matching run of a programme, or undefined when it has none. */
export async function latestRunId(db: Db, tenantId: string, programmeId: string): Promise<string | undefined> {
  const row = await forTenant(db, tenantId)
    .selectFrom('match_runs')
    .select('id')
    .where('programme_id', '=', programmeId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id;
}
