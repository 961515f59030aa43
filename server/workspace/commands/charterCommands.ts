import type { Selectable } from 'kysely';
import { transitionPair } from '../../../shared/pairLifecycle';
import { recordDomainEvent } from '../../events/domainEvents';
import type { PersonSummary } from '../../directory/directoryCache';
import { ApiError, notFound } from '../../http/errors';
import { pairRepository, pairStateOf } from '../../pairs/pairRepository';
import { pairCharterText, pairPeople } from '../../programmes/pairCharter';
import { type Programme, programmeRepository } from '../../programmes/programmeRepository';
import type { Db } from '../../store/database';
import type { CharterTable } from '../../store/schema';
import type { PairMember } from '../../policies/pairPolicy';
import { type CommandProps, inPair } from '../workspaceTransaction';
import { forTenant } from '../../store/tenantScope';

export type CharterRow = Selectable<CharterTable>;

/** The pair's charter; until someone signs it, the programme's current charter text, unsigned. */
export async function charterOf(trx: Db, member: PairMember): Promise<CharterRow> {
  const { tenant_id, id, programme_id } = member.pair;
  const row = await forTenant(trx, tenant_id).selectFrom('charters').selectAll().where('pair_id', '=', id).executeTakeFirst();
  if (row) return row;
  const programme = await programmeRepository(trx, tenant_id).load(programme_id);
  if (!programme) throw notFound();
  return unsignedCharter(member, programme, await pairPeople(trx, tenant_id, [member.pair]));
}

/** The charter nobody has signed yet (a pair published before charters were stored): the programme's template filled for the pair. */
export function unsignedCharter(member: PairMember, programme: Pick<Programme, 'details' | 'settings' | 'starts_on' | 'ends_on'>, people: ReadonlyMap<string, PersonSummary>): CharterRow {
  const text = pairCharterText(programme.details.charterText, programme, member.pair, people);
  return { tenant_id: member.pair.tenant_id, pair_id: member.pair.id, text, mentor_signed_at: null, mentee_signed_at: null };
}

/**
 * A member signs the pair's charter; signing again changes nothing. The text is fixed at the first
 * signature, so both sign the same words. When the second person signs, the relationship starts.
 */
export async function charterSigner(props: CommandProps): Promise<CharterRow> {
  return inPair(props, 'signCharter', async (trx, member) => {
    const charter = await charterOf(trx, member);
    const column = member.role === 'mentor' ? 'mentor_signed_at' : 'mentee_signed_at';
    if (charter[column] !== null) return charter;
    const signed = { ...charter, [column]: props.now };
    await trx
      .insertInto('charters')
      .values(signed)
      .onConflict((oc) => oc.columns(['tenant_id', 'pair_id']).doUpdateSet({ [column]: props.now }))
      .execute();
    const tenantId = member.pair.tenant_id;
    await recordDomainEvent(trx, { tenantId, kind: 'charter.signed', subjectId: member.pair.id, payload: { by: member.role }, at: props.now });
    if (signed.mentor_signed_at !== null && signed.mentee_signed_at !== null && member.pair.status === 'accepted') {
      const next = transitionPair(pairStateOf(member.pair), { kind: 'charter-signed-by-both' });
      if (!next.ok) throw new ApiError('invalidTransition', { key: `invalidTransition.pair.${next.refusal}` });
      await pairRepository(trx, tenantId).saveState(member.pair, next.state, props.now);
      await recordDomainEvent(trx, { tenantId, kind: 'pair.active', subjectId: member.pair.id, payload: { status: 'active' }, at: props.now });
    }
    return signed;
  });
}
