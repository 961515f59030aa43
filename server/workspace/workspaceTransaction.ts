import type { Transaction } from 'kysely';
import type { Caller } from '../auth/caller';
import { ApiError } from '../http/errors';
import { pairRepository } from '../pairs/pairRepository';
import { pairPolicy, type PairAbility, type PairMember } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import type { Db } from '../store/database';
import type { Database } from '../store/schema';
import { forTenant } from '../store/tenantScope';

export type Trx = Transaction<Database>;

/** What every workspace command is given: the database (or a transaction to join), who acts (from a token or the bot), and the clock's now. */
export interface CommandProps {
  db: Db | Trx;
  actor: Caller;
  pairId: string;
  now: Date;
}

/**
 * Runs one workspace change in one transaction, with the pair row locked so that two changes to
 * the same pair (a second signature, a fourth take-away) cannot interleave, once the pair policy
 * allows the actor the command's ability (anyone but the two members, admins included, is told
 * the pair does not exist).
 */
export async function inPair<T>(props: CommandProps, ability: PairAbility, change: (trx: Trx, member: PairMember) => Promise<T>): Promise<T> {
  const run = async (trx: Trx) => change(trx, authorize(pairPolicy, props.actor, ability, await pairRepository(trx, props.actor.tenantId).findForUpdate(props.pairId)));
  // Given a transaction, a command joins it: several commands then stand or fall together.
  return props.db.isTransaction ? run(props.db as Trx) : props.db.transaction().execute(run);
}

/** A session named in a request must be one of this pair's, or the request is refused naming the field. */
export async function checkSessionOfPair(trx: Trx, member: PairMember, sessionId: string | null | undefined): Promise<void> {
  if (sessionId === null || sessionId === undefined) return;
  const session = await forTenant(trx, member.pair.tenant_id)
    .selectFrom('sessions')
    .select('id')
    .where('pair_id', '=', member.pair.id)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) {
    throw new ApiError('invalidRequest', { key: 'invalidRequest.check', values: { where: 'body', fields: ['sessionId'] } }, [
      { field: 'sessionId', message: { key: 'field.notThisPairsSession' } },
    ]);
  }
}
