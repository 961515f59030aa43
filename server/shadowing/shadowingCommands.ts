import { randomUUID } from 'node:crypto';
import type { OrganisedMeetingView } from '../../shared/api/shadowing';
import type { ObservationsInput, ShadowingOfferInput } from '../../shared/schemas/shadowing';
import { eventText, type LanguageOf } from '../booking/eventLanguage';
import { bookingContextOf } from '../booking/loadBooking';
import type { BookingIdentity } from '../calendar/bookingIdentity';
import type { Directory } from '../directory/directory';
import { ApiError, notFound } from '../http/errors';
import { pairRepository } from '../pairs/pairRepository';
import { pairPolicy, type PairAbility, type PairMember } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';
import { type CommandProps, inPair, type Trx } from '../workspace/workspaceTransaction';
import type { ShadowingOfferRow } from './shadowingReader';

/** How far ahead a mentee's meetings are offered: about the weeks until the next sessions. */
const WINDOW_DAYS = 28;

export interface ShadowingDeps {
  db: Db;
  identity: BookingIdentity;
  directory: Pick<Directory, 'getPeople'>;
  languageOf: LanguageOf;
}

type OfferProps = CommandProps & { offerId: string };

/** The pair and the caller's place in it, for a step that calls Graph: read without holding the pair, since Graph may be slow. */
async function memberFor(props: CommandProps, ability: PairAbility): Promise<PairMember> {
  return authorize(pairPolicy, props.actor, ability, await pairRepository(props.db, props.actor.tenantId).find(props.pairId));
}

async function findOffer(db: Db | Trx, member: PairMember, offerId: string): Promise<ShadowingOfferRow> {
  const row = await forTenant(db, member.pair.tenant_id).selectFrom('shadowing_offers').selectAll().where('pair_id', '=', member.pair.id).where('id', '=', offerId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The meetings the mentee organises with other people over the coming weeks, from their calendar. */
async function upcomingMeetings(deps: ShadowingDeps, props: CommandProps): Promise<OrganisedMeetingView[]> {
  const to = new Date(props.now.getTime() + WINDOW_DAYS * 86_400_000);
  const meetings = await deps.identity.calendarFor(props.actor).meetingsOrganised(props.actor.userId, props.now.toISOString(), to.toISOString());
  return meetings.map((m) => ({ eventId: m.id, subject: m.subject, start: m.start, end: m.end, attendees: m.attendees }));
}

/** What the mentee may offer: their upcoming meetings, less those already offered. */
export async function organisedMeetingsLister(deps: ShadowingDeps, props: CommandProps): Promise<OrganisedMeetingView[]> {
  const member = await memberFor(props, 'offerShadowing');
  const meetings = await upcomingMeetings(deps, props);
  const offered = new Set((await forTenant(deps.db, member.pair.tenant_id).selectFrom('shadowing_offers').select('event_id').where('pair_id', '=', member.pair.id).execute()).map((r) => r.event_id));
  return meetings.filter((m) => !offered.has(m.eventId));
}

/**
 * The mentee offers one of their meetings. The meeting is read again from their calendar, so
 * the offer names only a meeting they really organise, with the subject and time it has there.
 */
export async function shadowingOfferer(deps: ShadowingDeps, props: CommandProps & { input: ShadowingOfferInput }): Promise<void> {
  await memberFor(props, 'offerShadowing');
  const meeting = (await upcomingMeetings(deps, props)).find((m) => m.eventId === props.input.eventId);
  if (!meeting) {
    throw new ApiError('invalidRequest', { key: 'invalidRequest.shadowingMeeting' }, [{ field: 'eventId', message: { key: 'field.shadowingMeeting' } }]);
  }
  await inPair(props, 'offerShadowing', async (trx, member) => {
    const row = await trx
      .insertInto('shadowing_offers')
      .values({
        tenant_id: member.pair.tenant_id,
        id: randomUUID(),
        pair_id: member.pair.id,
        programme_id: member.pair.programme_id,
        event_id: meeting.eventId,
        subject: meeting.subject,
        starts_at: meeting.start,
        ends_at: meeting.end,
        note: props.input.note ?? null,
        status: 'offered',
        offered_at: props.now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new ApiError('conflict', { key: 'conflict.shadowingOffered' });
  });
}

/** Marks an offer answered, if nobody answered it meanwhile. */
async function answer(props: OfferProps, status: 'accepted' | 'declined'): Promise<void> {
  await inPair(props, 'answerShadowing', async (trx, member) => {
    const offer = await findOffer(trx, member, props.offerId);
    if (offer.status !== 'offered') throw new ApiError('conflict', { key: 'conflict.shadowingAnswered' });
    await forTenant(trx, member.pair.tenant_id).updateTable('shadowing_offers').set({ status, answered_at: props.now }).where('id', '=', offer.id).execute();
  });
}

/**
 * The mentor accepts: Upward adds them to the mentee's meeting as an optional attendee (with the
 * mentee's note), then records the answer. Adding them twice changes nothing in the meeting, so a
 * retry after a failure between the two steps is safe.
 */
export async function shadowingAccepter(deps: ShadowingDeps, props: OfferProps): Promise<void> {
  const member = await memberFor(props, 'answerShadowing');
  const offer = await findOffer(deps.db, member, props.offerId);
  if (offer.status !== 'offered') throw new ApiError('conflict', { key: 'conflict.shadowingAnswered' });
  const organizerId = member.pair.mentee_user_id;
  if (!deps.identity.reaches(props.actor, organizerId)) throw new ApiError('conflict', { key: 'conflict.shadowingNeedsAppIdentity' });
  const { mentor } = await bookingContextOf(deps, member.pair.tenant_id, member.pair);
  try {
    await deps.identity.calendarFor(props.actor).addOptionalAttendee(organizerId, offer.event_id, { mail: mentor.mail, name: mentor.displayName }, offer.note);
  } catch (error) {
    // The mentee cancelled or moved the meeting out of their calendar since offering it.
    if (error instanceof ApiError && error.code === 'notFound') throw new ApiError('conflict', { key: 'conflict.shadowingMeetingGone' });
    throw error;
  }
  await answer(props, 'accepted');
}

export async function shadowingDecliner(props: OfferProps): Promise<void> {
  await answer(props, 'declined');
}

/** The mentor writes (or rewrites) their observations of a meeting they shadowed, once it has started. */
export async function observationsRecorder(props: OfferProps & { input: ObservationsInput }): Promise<void> {
  await inPair(props, 'recordObservations', async (trx, member) => {
    const offer = await findOffer(trx, member, props.offerId);
    if (offer.status !== 'accepted') throw new ApiError('conflict', { key: 'conflict.shadowingNotAccepted' });
    if (offer.starts_at > props.now) throw new ApiError('conflict', { key: 'conflict.shadowingNotYet' });
    const { saw, effect, tryNext } = props.input;
    await forTenant(trx, member.pair.tenant_id).updateTable('shadowing_offers').set({ saw, effect, try_next: tryNext, observed_at: props.now }).where('id', '=', offer.id).execute();
  });
}

/**
 * The mentor shares their observations with the mentee, and a debrief joins the agenda of the
 * pair's next session (worded in the mentee's language): the debrief is about the observations,
 * so it waits until the mentee can read them. Sharing again changes nothing.
 */
export async function observationsSharer(deps: Pick<ShadowingDeps, 'languageOf'>, props: OfferProps): Promise<void> {
  const member = await memberFor(props, 'recordObservations');
  const words = eventText(await deps.languageOf(member.pair.tenant_id, member.pair.mentee_user_id));
  await inPair(props, 'recordObservations', async (trx, locked) => {
    const offer = await findOffer(trx, locked, props.offerId);
    if (offer.observed_at === null) throw new ApiError('conflict', { key: 'conflict.shadowingNoObservations' });
    if (offer.observations_shared_at !== null) return;
    const tenant = forTenant(trx, locked.pair.tenant_id);
    await tenant.updateTable('shadowing_offers').set({ observations_shared_at: props.now }).where('id', '=', offer.id).execute();
    const next = await tenant.selectFrom('sessions').select('id').where('pair_id', '=', locked.pair.id).where('starts_at', '>', props.now).where('status', '!=', 'cancelled').orderBy('starts_at').executeTakeFirst();
    const position = await tenant.selectFrom('agenda_items').select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('last')).where('pair_id', '=', locked.pair.id).executeTakeFirstOrThrow();
    await trx
      .insertInto('agenda_items')
      .values({
        tenant_id: locked.pair.tenant_id,
        id: randomUUID(),
        pair_id: locked.pair.id,
        session_id: next?.id ?? null,
        text: words.t('shadowing.debrief', { subject: offer.subject }),
        proposed_by: 'mentor',
        // The mentor's sharing is the mentee's invitation to talk it over: on the agenda, which the mentee still owns and may change.
        accepted: true,
        position: Number(position.last) + 1,
        declined_at: null,
      })
      .execute();
  });
}
