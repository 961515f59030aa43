import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import { json } from '../store/json';
import type { AuditChanges } from '../../shared/schemas/insight';
import type { Caller } from '../auth/caller';

/** Records what an admin did; written in the same transaction as the change it describes. */
export async function recordAudit(db: Db, actor: Caller, action: string, target: string, at: Date, changes?: AuditChanges): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ tenant_id: actor.tenantId, id: randomUUID(), actor_user_id: actor.userId, action, target, at, changes: changes ? json(changes) : null })
    .execute();
}
