import { randomUUID } from 'node:crypto';
import type { ReflectionEdit, ReflectionInput } from '../../../shared/schemas/workspace';
import { recordDomainEvent } from '../../events/domainEvents';
import { notFound } from '../../http/errors';
import type { PairMember } from '../../policies/pairPolicy';
import { recordRules, type ReflectionRow } from '../../policies/workspacePolicy';
import { checkSessionOfPair, type CommandProps, inPair, type Trx } from '../workspaceTransaction';
import { forTenant } from '../../store/tenantScope';

type ReflectionProps = CommandProps & { reflectionId: string };

/** Only the author can change a journal entry; to anyone else it does not exist. */
async function findOwnReflection(trx: Trx, member: PairMember, reflectionId: string): Promise<ReflectionRow> {
  const row = await forTenant(trx, member.pair.tenant_id)
    .selectFrom('reflections')
    .selectAll()
    .where('pair_id', '=', member.pair.id)
    .where('id', '=', reflectionId)
    .executeTakeFirst();
  if (!row || !recordRules.changeReflection(member, row)) throw notFound();
  return row;
}

/** A member writes a private journal entry, optionally about one session. */
export async function reflectionWriter(props: CommandProps & { input: ReflectionInput }): Promise<ReflectionRow> {
  return inPair(props, 'writeReflection', async (trx, member) => {
    await checkSessionOfPair(trx, member, props.input.sessionId);
    const row: ReflectionRow = {
      tenant_id: member.pair.tenant_id,
      id: randomUUID(),
      pair_id: member.pair.id,
      session_id: props.input.sessionId ?? null,
      author_user_id: member.userId,
      text: props.input.text,
      shared_with_partner: false,
      created_at: props.now,
    };
    await trx.insertInto('reflections').values(row).execute();
    return row;
  });
}

/** The author rewords an entry, or shares it with (or withdraws it from) their partner. */
export async function reflectionEditor(props: ReflectionProps & { input: ReflectionEdit }): Promise<ReflectionRow> {
  return inPair(props, 'view', async (trx, member) => {
    const row = await findOwnReflection(trx, member, props.reflectionId);
    const changes = { text: props.input.text ?? row.text, shared_with_partner: props.input.sharedWithPartner ?? row.shared_with_partner };
    await forTenant(trx, row.tenant_id).updateTable('reflections').set(changes).where('id', '=', row.id).execute();
    if (changes.shared_with_partner && !row.shared_with_partner) {
      await recordDomainEvent(trx, { tenantId: row.tenant_id, kind: 'reflection.shared', subjectId: member.pair.id, payload: { reflectionId: row.id }, at: props.now });
    }
    return { ...row, ...changes };
  });
}

/**
 * The author deletes an entry, for good: the row goes, so a partner it was shared with never reads
 * it again. What remains is an event saying that an entry was deleted, without its words.
 */
export async function reflectionRemover(props: ReflectionProps): Promise<void> {
  await inPair(props, 'view', async (trx, member) => {
    const row = await findOwnReflection(trx, member, props.reflectionId);
    await forTenant(trx, row.tenant_id).deleteFrom('reflections').where('id', '=', row.id).execute();
    await recordDomainEvent(trx, { tenantId: row.tenant_id, kind: 'reflection.deleted', subjectId: member.pair.id, payload: { reflectionId: row.id, wasShared: row.shared_with_partner }, at: props.now });
  });
}
