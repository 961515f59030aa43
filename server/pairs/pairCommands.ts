import { randomUUID } from 'node:crypto';
import { transitionPair, type PairEvent, type PairState } from '../../shared/pairLifecycle';
import type { Caller } from '../auth/caller';
import { recordDomainEvent } from '../events/domainEvents';
import { ApiError } from '../http/errors';
import { pairPolicy } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import type { Db } from '../store/database';
import { pairRepository, pairStateOf, type PairRow } from './pairRepository';

export type PairAction = 'accept' | 'decline' | 'pause' | 'resume' | 'request-repair';

/**
 * Applies one lifecycle event to a pair locked for update, whoever asks: the lifecycle decides
 * whether it is possible (a 409 saying why not) and the row is saved in its new state.
 */
export async function pairChanged(pairs: ReturnType<typeof pairRepository>, pair: PairRow, event: PairEvent, now: Date): Promise<PairState> {
  const next = transitionPair(pairStateOf(pair), event);
  if (!next.ok) throw new ApiError('invalidTransition', { key: `invalidTransition.pair.${next.refusal}` });
  await pairs.saveState(pair, next.state, now);
  return next.state;
}

/**
 * A pair member changes the state of their pair. The domain decides which changes are valid; a
 * no-fault re-pair ends the pair and tells the programme admins, without blaming either person.
 */
export async function pairTransitioner(props: { db: Db; actor: Caller; pairId: string; action: PairAction; now: Date }) {
  const { db, actor, pairId, action, now } = props;
  await db.transaction().execute(async (trx) => {
    const pairs = pairRepository(trx, actor.tenantId);
    // The lifecycle decides whether the change is possible and says why not; the policy only who is in the pair.
    const { pair, role } = authorize(pairPolicy, actor, 'view', await pairs.findForUpdate(pairId));
    const event: PairEvent =
      action === 'accept' || action === 'decline'
        ? { kind: action, by: role }
        : action === 'request-repair'
          ? { kind: 'end', reason: 'no-fault-repair' }
          : { kind: action };
    const next = await pairChanged(pairs, pair, event, now);
    if (action === 'request-repair') {
      await trx
        .insertInto('concerns')
        .values({
          tenant_id: actor.tenantId,
          id: randomUUID(),
          programme_id: pair.programme_id,
          pair_id: pair.id,
          raised_by_user_id: actor.userId,
          kind: 're-pair',
          text: 'A no-fault re-pair was requested.',
          status: 'open',
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await recordDomainEvent(trx, {
      tenantId: actor.tenantId,
      // No step leads back to proposed: a pair that stays where it was records the action.
      kind: next.status === pair.status || next.status === 'proposed' ? `pair.${action}` : `pair.${next.status}`,
      subjectId: pair.id,
      payload: { action, status: next.status },
      at: now,
    });
  });
}
