import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { CommitmentEdit, CommitmentInput } from '../../../shared/schemas/workspace';
import { recordDomainEvent } from '../../events/domainEvents';
import { notFound } from '../../http/errors';
import type { CommitmentTable } from '../../store/schema';
import { authorizeWorkspace } from '../workspacePolicy';
import { checkSessionOfPair, type CommandProps, inPair } from '../workspaceTransaction';
import { forTenant } from '../../store/tenantScope';

export type CommitmentRow = Selectable<CommitmentTable>;

/** The mentee (the leader) records something they commit to, with an optional date to follow it up. */
export async function commitmentRecorder(props: CommandProps & { input: CommitmentInput }): Promise<CommitmentRow> {
  return inPair(props, async (trx, member) => {
    authorizeWorkspace(member, 'recordCommitment');
    await checkSessionOfPair(trx, member, props.input.sessionId);
    const row: CommitmentRow = {
      tenant_id: member.pair.tenant_id,
      id: randomUUID(),
      pair_id: member.pair.id,
      session_id: props.input.sessionId ?? null,
      text: props.input.text,
      due_on: props.input.dueOn ?? null,
      status: 'open',
      created_at: props.now,
    };
    await trx.insertInto('commitments').values(row).execute();
    // The bot schedules its follow-up from this event; the payload carries no text.
    await recordDomainEvent(trx, { tenantId: row.tenant_id, kind: 'commitment.recorded', subjectId: member.pair.id, payload: { commitmentId: row.id, dueOn: row.due_on }, at: props.now });
    return row;
  });
}

/** The mentee rewords a commitment, moves its date, or marks it kept or dropped. */
export async function commitmentUpdater(props: CommandProps & { commitmentId: string; input: CommitmentEdit }): Promise<CommitmentRow> {
  return inPair(props, async (trx, member) => {
    authorizeWorkspace(member, 'recordCommitment');
    const row = await forTenant(trx, member.pair.tenant_id)
      .selectFrom('commitments')
      .selectAll()
      .where('pair_id', '=', member.pair.id)
      .where('id', '=', props.commitmentId)
      .executeTakeFirst();
    if (!row) throw notFound();
    const { text, dueOn, status } = props.input;
    const changes = { text: text ?? row.text, due_on: dueOn === undefined ? row.due_on : dueOn, status: status ?? row.status };
    await forTenant(trx, row.tenant_id).updateTable('commitments').set(changes).where('id', '=', row.id).execute();
    if (changes.status !== row.status) {
      await recordDomainEvent(trx, { tenantId: row.tenant_id, kind: `commitment.${changes.status}`, subjectId: member.pair.id, payload: { commitmentId: row.id }, at: props.now });
    }
    return { ...row, ...changes };
  });
}
