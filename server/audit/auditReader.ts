import type { AuditEntry } from '../../shared/schemas/insight';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

/** Admin actions of one tenant, oldest first, between two days (inclusive, UTC). */
export async function auditEntries(db: Db, tenantId: string, range: { from?: string; to?: string }): Promise<AuditEntry[]> {
  let query = forTenant(db, tenantId)
    .selectFrom('audit_log as a')
    .leftJoin('directory_users as u', (join) => join.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.user_id', '=', 'a.actor_user_id'))
    .select(['a.at', 'a.actor_user_id', 'u.display_name', 'a.action', 'a.target', 'a.changes']);
  if (range.from) query = query.where('a.at', '>=', new Date(`${range.from}T00:00:00Z`));
  if (range.to) query = query.where('a.at', '<', new Date(new Date(`${range.to}T00:00:00Z`).getTime() + 86_400_000));
  const rows = await query.orderBy('a.at').orderBy('a.id').execute();
  return rows.map((r) => ({ at: r.at.toISOString(), actorUserId: r.actor_user_id, actorName: r.display_name, action: r.action, target: r.target, changes: r.changes ?? null }));
}
