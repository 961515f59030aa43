import type { PairEvent } from '../../shared/pairLifecycle';
import type { AdminEndReason, AdminPairAction } from '../../shared/schemas/pairBoard';
import { recordAudit } from '../audit/auditLog';
import { recordDomainEvent } from '../events/domainEvents';
import { ApiError, notFound } from '../http/errors';
import type { Admin } from '../policies/admin';
import type { Transaction } from 'kysely';
import type { Caller } from '../auth/caller';
import type { Db } from '../store/database';
import type { Database } from '../store/schema';
import { pairChanged } from './pairCommands';
import { pairRepository, type PairRow } from './pairRepository';

/** The lifecycle event each admin action is; ending names a no-fault reason, a re-pair is always "no-fault re-pair". */
function eventOf(action: AdminPairAction, reason: AdminEndReason | undefined): PairEvent {
  switch (action) {
    case 'pause':
    case 'resume':
      return { kind: action };
    case 're-pair':
      return { kind: 'end', reason: 'no-fault-repair' };
    case 'end':
      if (!reason) throw new ApiError('invalidRequest', { key: 'invalidRequest.endReasonMissing' }, [{ field: 'reason', message: { key: 'field.endReason' } }]);
      return { kind: 'end', reason };
  }
}

/**
 * A programme admin pauses, resumes, ends or re-pairs a pair, through the same lifecycle the pair
 * follows. A re-pair ends the pair without blaming either person; both stay enrolled, so the next
 * matching run pairs them with someone new (never each other again). Audited, with the change.
 */
export async function adminPairChanger(props: { db: Db; admin: Admin; pairId: string; action: AdminPairAction; reason?: AdminEndReason; now: Date }): Promise<void> {
  const { db, admin, pairId, action, now } = props;
  const event = eventOf(action, props.reason);
  await db.transaction().execute(async (trx) => {
    const pair = await pairRepository(trx, admin.tenantId).findForUpdate(pairId);
    if (!pair) throw notFound();
    await adminPairChange(trx, admin, pair, action, event, now);
  });
}

/**
 * One admin change to a pair locked for update, inside the caller's transaction: the lifecycle
 * step, the domain event (which the bot's notice to both people is planned from) and the audit.
 */
export async function adminPairChange(trx: Transaction<Database>, admin: Caller, pair: PairRow, action: AdminPairAction, event: PairEvent, now: Date): Promise<void> {
  const next = await pairChanged(pairRepository(trx, admin.tenantId), pair, event, now);
  // Every admin action moves the pair to another status (the lifecycle refuses the others).
  const kind = next.status === 'paused' ? 'pair.paused' : next.status === 'ended' ? 'pair.ended' : 'pair.active';
  const endReason = next.status === 'ended' && next.endReason ? { endReason: next.endReason } : {};
  await recordDomainEvent(trx, { tenantId: admin.tenantId, kind, subjectId: pair.id, payload: { action, status: next.status, byAdmin: true, ...endReason }, at: now });
  await recordAudit(trx, admin, `pair.${action}`, pair.id, now, {
    status: { from: pair.status, to: next.status },
    ...(next.status === 'ended' ? { endReason: { from: null, to: next.endReason } } : {}),
  });
}
