import { randomUUID } from 'node:crypto';
import type { PraiseInput, PraiseSharingInput } from '../../../shared/schemas/workspace';
import { recordDomainEvent } from '../../events/domainEvents';
import { notFound } from '../../http/errors';
import { authorizeWorkspace, type PraiseRow, recordRules } from '../workspacePolicy';
import { type CommandProps, inPair } from '../workspaceTransaction';
import { forTenant } from '../../store/tenantScope';

/** The mentee thanks the mentor. It stays between them until the mentor chooses to let their manager see it. */
export async function praiseGiver(props: CommandProps & { input: PraiseInput }): Promise<PraiseRow> {
  return inPair(props, async (trx, member) => {
    authorizeWorkspace(member, 'thank');
    const row: PraiseRow = {
      tenant_id: member.pair.tenant_id,
      id: randomUUID(),
      pair_id: member.pair.id,
      from_user_id: member.userId,
      text: props.input.text,
      share_with_manager: false,
      created_at: props.now,
    };
    await trx.insertInto('praise').values(row).execute();
    await recordDomainEvent(trx, { tenantId: row.tenant_id, kind: 'praise.given', subjectId: member.pair.id, payload: { praiseId: row.id }, at: props.now });
    return row;
  });
}

/** The mentor who received praise decides whether their manager may see it, and may change their mind. */
export async function praiseSharingDecider(props: CommandProps & { praiseId: string; input: PraiseSharingInput }): Promise<PraiseRow> {
  return inPair(props, async (trx, member) => {
    authorizeWorkspace(member, 'decidePraiseSharing');
    const row = await forTenant(trx, member.pair.tenant_id)
      .selectFrom('praise')
      .selectAll()
      .where('pair_id', '=', member.pair.id)
      .where('id', '=', props.praiseId)
      .executeTakeFirst();
    if (!row || !recordRules.decidePraiseSharing(member, row)) throw notFound();
    await forTenant(trx, row.tenant_id)
      .updateTable('praise')
      .set({ share_with_manager: props.input.shareWithManager })
      .where('id', '=', row.id)
      .execute();
    return { ...row, share_with_manager: props.input.shareWithManager };
  });
}
