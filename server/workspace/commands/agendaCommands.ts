import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AgendaItemEdit, AgendaItemInput, AgendaOrderInput, SuggestionAnswer } from '../../../shared/schemas/workspace';
import { recordDomainEvent } from '../../events/domainEvents';
import { ApiError, notFound } from '../../http/errors';
import type { PairMember } from '../../policies/pairPolicy';
import { type AgendaItemRow, recordRules } from '../../policies/workspacePolicy';
import { checkSessionOfPair, type CommandProps, inPair, type Trx } from '../workspaceTransaction';
import { forTenant } from '../../store/tenantScope';

type ItemProps = CommandProps & { itemId: string };

async function findItem(trx: Trx, member: PairMember, itemId: string): Promise<AgendaItemRow> {
  const item = await forTenant(trx, member.pair.tenant_id)
    .selectFrom('agenda_items')
    .selectAll()
    .where('pair_id', '=', member.pair.id)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item || !recordRules.readAgendaItem(member, item)) throw notFound();
  return item;
}

/** The position after the pair's last agenda item, as a subquery; the pair row is locked, so no other change interleaves. */
function nextPosition(trx: Trx, member: PairMember) {
  return forTenant(trx, member.pair.tenant_id)
    .selectFrom('agenda_items')
    .select(sql<number>`coalesce(max(position) + 1, 0)`.as('position'))
    .where('pair_id', '=', member.pair.id);
}

async function insertItem(trx: Trx, member: PairMember, input: AgendaItemInput, now: Date): Promise<AgendaItemRow> {
  await checkSessionOfPair(trx, member, input.sessionId);
  const row: Omit<AgendaItemRow, 'position'> = {
    tenant_id: member.pair.tenant_id,
    id: randomUUID(),
    pair_id: member.pair.id,
    session_id: input.sessionId ?? null,
    text: input.text,
    proposed_by: member.role,
    // The mentee owns the agenda: what they add is on it; what the mentor adds waits for them.
    accepted: member.role === 'mentee',
    declined_at: null,
    created_at: now,
  };
  // The position is computed in the insert itself: one round trip less while the pair is locked.
  const { position } = await trx.insertInto('agenda_items').values({ ...row, position: nextPosition(trx, member) }).returning('position').executeTakeFirstOrThrow();
  return { ...row, position };
}

/** The mentee adds an item to the agenda, optionally for one session. */
export async function agendaItemAdder(props: CommandProps & { input: AgendaItemInput }): Promise<AgendaItemRow> {
  return inPair(props, 'editAgenda', async (trx, member) => {
    return insertItem(trx, member, props.input, props.now);
  });
}

/** The mentor suggests an item; it joins the agenda only when the mentee accepts it. */
export async function agendaItemSuggester(props: CommandProps & { input: AgendaItemInput }): Promise<AgendaItemRow> {
  return inPair(props, 'suggestAgendaItem', async (trx, member) => {
    const item = await insertItem(trx, member, props.input, props.now);
    await recordDomainEvent(trx, { tenantId: member.pair.tenant_id, kind: 'agenda.suggested', subjectId: member.pair.id, payload: { itemId: item.id }, at: props.now });
    return item;
  });
}

/** The mentee rewords an item or moves it to another session. */
export async function agendaItemEditor(props: ItemProps & { input: AgendaItemEdit }): Promise<AgendaItemRow> {
  return inPair(props, 'editAgenda', async (trx, member) => {
    const item = await findItem(trx, member, props.itemId);
    await checkSessionOfPair(trx, member, props.input.sessionId);
    const changes = { text: props.input.text ?? item.text, session_id: props.input.sessionId === undefined ? item.session_id : props.input.sessionId };
    await forTenant(trx, item.tenant_id).updateTable('agenda_items').set(changes).where('id', '=', item.id).execute();
    return { ...item, ...changes };
  });
}

/** The mentee removes an item (or a suggestion) from the agenda. */
export async function agendaItemRemover(props: ItemProps): Promise<void> {
  await inPair(props, 'editAgenda', async (trx, member) => {
    const item = await findItem(trx, member, props.itemId);
    await forTenant(trx, item.tenant_id).deleteFrom('agenda_items').where('id', '=', item.id).execute();
  });
}

/** The mentee puts the agenda in a new order; the order names every item on it, once. */
export async function agendaReorderer(props: CommandProps & { input: AgendaOrderInput }): Promise<void> {
  await inPair(props, 'editAgenda', async (trx, member) => {
    const accepted = await forTenant(trx, member.pair.tenant_id)
      .selectFrom('agenda_items')
      .select('id')
      .where('pair_id', '=', member.pair.id)
      .where('accepted', '=', true)
      .execute();
    const onAgenda = new Set(accepted.map((r) => r.id));
    const ids = props.input.itemIds;
    if (ids.length !== onAgenda.size || ids.some((id) => !onAgenda.has(id))) {
      throw new ApiError('invalidRequest', { key: 'invalidRequest.check', values: { where: 'body', fields: ['itemIds'] } }, [
        { field: 'itemIds', message: { key: 'field.everyItemOnce' } },
      ]);
    }
    for (const [position, id] of ids.entries()) {
      await forTenant(trx, member.pair.tenant_id).updateTable('agenda_items').set({ position }).where('id', '=', id).execute();
    }
  });
}

/** The mentee accepts a mentor's suggestion (it goes to the end of the agenda) or declines it. */
export async function suggestionAnswerer(props: ItemProps & { input: SuggestionAnswer }): Promise<AgendaItemRow> {
  return inPair(props, 'editAgenda', async (trx, member) => {
    const item = await findItem(trx, member, props.itemId);
    if (!recordRules.answerSuggestion(member, item)) throw new ApiError('invalidTransition', { key: 'invalidTransition.notSuggestion' });
    const changes =
      props.input.answer === 'accept'
        ? { accepted: true, position: (await nextPosition(trx, member).executeTakeFirstOrThrow()).position, declined_at: null }
        : { accepted: false, position: item.position, declined_at: props.now };
    await forTenant(trx, item.tenant_id).updateTable('agenda_items').set(changes).where('id', '=', item.id).execute();
    await recordDomainEvent(trx, {
      tenantId: member.pair.tenant_id,
      kind: 'agenda.suggestion-answered',
      subjectId: member.pair.id,
      payload: { itemId: item.id, answer: props.input.answer },
      at: props.now,
    });
    return { ...item, ...changes };
  });
}
