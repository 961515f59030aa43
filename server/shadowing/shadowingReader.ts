import type { Selectable } from 'kysely';
import type { ShadowingOfferView, ShadowingView } from '../../shared/api/shadowing';
import type { Caller } from '../auth/caller';
import { pairRepository } from '../pairs/pairRepository';
import { pairPolicy, type PairMember } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import type { Db } from '../store/database';
import type { ShadowingOfferTable } from '../store/schema';
import { forTenant } from '../store/tenantScope';
import type { Trx } from '../workspace/workspaceTransaction';

export type ShadowingOfferRow = Selectable<ShadowingOfferTable>;

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** One offer as a member sees it: the mentor their own observations, the mentee only what was shared with them. */
function presentOffer(member: PairMember, row: ShadowingOfferRow, now: Date): ShadowingOfferView {
  const visible = row.observed_at !== null && (member.role === 'mentor' || row.observations_shared_at !== null);
  return {
    id: row.id,
    eventId: row.event_id,
    subject: row.subject,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    note: row.note,
    status: row.status,
    offeredAt: row.offered_at.toISOString(),
    answeredAt: iso(row.answered_at),
    started: row.starts_at <= now,
    observations: visible ? { saw: row.saw ?? '', effect: row.effect ?? '', tryNext: row.try_next ?? '', observedAt: row.observed_at!.toISOString(), sharedAt: iso(row.observations_shared_at) } : null,
  };
}

/** The pair's shadowing for one of its members, earliest meeting first. */
async function shadowingOf(db: Db | Trx, member: PairMember, now: Date): Promise<ShadowingView> {
  const rows = await forTenant(db, member.pair.tenant_id).selectFrom('shadowing_offers').selectAll().where('pair_id', '=', member.pair.id).orderBy('starts_at').orderBy('id').execute();
  const may = (ability: 'offerShadowing' | 'answerShadowing' | 'recordObservations') => pairPolicy.rules[ability](member);
  return { offers: rows.map((r) => presentOffer(member, r, now)), abilities: { offer: may('offerShadowing'), answer: may('answerShadowing'), observe: may('recordObservations') } };
}

/** Reads the pair's shadowing for one of its two people; anyone else is told the pair does not exist. */
export async function shadowingReader(props: { db: Db; actor: Caller; pairId: string; now: Date }): Promise<ShadowingView> {
  const member = authorize(pairPolicy, props.actor, 'view', await pairRepository(props.db, props.actor.tenantId).find(props.pairId));
  return shadowingOf(props.db, member, props.now);
}
