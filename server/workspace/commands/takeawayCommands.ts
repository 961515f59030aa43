import { randomUUID } from 'node:crypto';
import type { TakeawayInput } from '../../../shared/schemas/workspace';
import { maxTakeawaysPerSession } from '../../../shared/takeaways';
import { recordDomainEvent } from '../../events/domainEvents';
import { ApiError, notFound } from '../../http/errors';
import { recordRules, type TakeawayRow } from '../../policies/workspacePolicy';
import { checkSessionOfPair, type CommandProps, inPair } from '../workspaceTransaction';
import { forTenant } from '../../store/tenantScope';

/** A member proposes a take-away from a session (at most three each); the partner is asked to confirm it. */
export async function takeawayProposer(props: CommandProps & { input: TakeawayInput }): Promise<TakeawayRow> {
  return inPair(props, 'proposeTakeaway', async (trx, member) => {
    await checkSessionOfPair(trx, member, props.input.sessionId);
    const { count } = await forTenant(trx, member.pair.tenant_id)
      .selectFrom('takeaways')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('pair_id', '=', member.pair.id)
      .where('session_id', '=', props.input.sessionId)
      .where('proposed_by_user_id', '=', member.userId)
      .executeTakeFirstOrThrow();
    if (count >= maxTakeawaysPerSession) throw new ApiError('takeawayLimit');
    const row: TakeawayRow = {
      tenant_id: member.pair.tenant_id,
      id: randomUUID(),
      pair_id: member.pair.id,
      session_id: props.input.sessionId,
      text: props.input.text,
      proposed_by_user_id: member.userId,
      confirmed_by_user_id: null,
      status: 'proposed',
      confirmed_at: null,
      created_at: props.now,
    };
    await trx.insertInto('takeaways').values(row).execute();
    await recordDomainEvent(trx, { tenantId: row.tenant_id, kind: 'takeaway.proposed', subjectId: member.pair.id, payload: { takeawayId: row.id, by: member.role }, at: props.now });
    return row;
  });
}

/**
 * The partner confirms a take-away, which makes it agreed. The proposer cannot confirm their own;
 * confirming an agreed take-away again changes nothing.
 */
export async function takeawayConfirmer(props: CommandProps & { takeawayId: string }): Promise<TakeawayRow> {
  return inPair(props, 'view', async (trx, member) => {
    const row = await forTenant(trx, member.pair.tenant_id)
      .selectFrom('takeaways')
      .selectAll()
      .where('pair_id', '=', member.pair.id)
      .where('id', '=', props.takeawayId)
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.status === 'agreed' && row.confirmed_by_user_id === member.userId) return row;
    if (!recordRules.confirmTakeaway(member, row)) {
      throw member.pair.status === 'ended'
        ? new ApiError('pairEnded')
        : new ApiError('notYourRole', { key: 'notYourRole.ownTakeaway' });
    }
    const changes = { status: 'agreed' as const, confirmed_by_user_id: member.userId, confirmed_at: props.now };
    await forTenant(trx, row.tenant_id).updateTable('takeaways').set(changes).where('id', '=', row.id).execute();
    await recordDomainEvent(trx, { tenantId: row.tenant_id, kind: 'takeaway.agreed', subjectId: member.pair.id, payload: { takeawayId: row.id }, at: props.now });
    return { ...row, ...changes };
  });
}
