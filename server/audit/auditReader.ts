import { auditChangesSchema, type AuditChanges, type AuditEntry } from '../../shared/schemas/insight';
import type { Db } from '../store/database';
import { noteUnreadable } from '../store/json';
import { forTenant } from '../store/tenantScope';

/** Admin actions of one tenant, newest first (what an admin looks for), between two days (inclusive, UTC). */
export async function auditEntries(db: Db, tenantId: string, range: { from?: string; to?: string }): Promise<AuditEntry[]> {
  let query = forTenant(db, tenantId)
    .selectFrom('audit_log as a')
    .leftJoin('directory_users as u', (join) => join.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.user_id', '=', 'a.actor_user_id'))
    .select(['a.at', 'a.actor_user_id', 'u.display_name', 'a.action', 'a.id', 'a.target', 'a.changes']);
  if (range.from) query = query.where('a.at', '>=', new Date(`${range.from}T00:00:00Z`));
  if (range.to) query = query.where('a.at', '<', new Date(new Date(`${range.to}T00:00:00Z`).getTime() + 86_400_000));
  const rows = await query.orderBy('a.at', 'desc').orderBy('a.id', 'desc').execute();
  return rows.map((r) => ({ at: r.at.toISOString(), actorUserId: r.actor_user_id, actorName: r.display_name, action: r.action, target: r.target, changes: auditChangesOf(r.changes, { tenantId, id: r.id }) }));
}

/**
 * What an audited action changed, or null when it recorded none. Changes that no longer parse are
 * logged and shown as unavailable (null): the entry itself (who did what, when) still stands.
 */
function auditChangesOf(raw: unknown, entry: { tenantId: string; id: string }): AuditChanges | null {
  if (raw === null) return null;
  const parsed = auditChangesSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  noteUnreadable({ table: 'audit_log', column: 'changes', id: `${entry.tenantId}/${entry.id}` }, [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(changes)'))], 'stored audit changes do not parse; they are shown as unavailable');
  return null;
}
