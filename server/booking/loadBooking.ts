import type { Participant } from '../../shared/glossary';
import type { ProgrammeDetails } from '../../shared/schemas/programme';
import type { Caller } from '../auth/caller';
import type { Directory, DirectoryPerson } from '../directory/directory';
import { ApiError } from '../http/errors';
import { pairRepository, type PairRow } from '../pairs/pairRepository';
import { pairPolicy } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import { participantProfileOf } from '../participants/participantRepository';
import { programmeRepository } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

export interface BookingPerson {
  userId: string;
  displayName: string;
  mail: string;
  officeLocation: string | null;
  city: string | null;
  meetingPreference: Participant['meetingPreference'];
}

/** Everything booking needs to know about one pair, read once per request. */
export interface BookingContext {
  pair: PairRow;
  mentee: BookingPerson;
  mentor: BookingPerson;
  sessionMinutes: number;
  cadenceDays: number;
  venuePolicy: ProgrammeDetails['venuePolicy'];
}

const bookable = new Set<PairRow['status']>(['accepted', 'active']);

/**
 * Authorises booking for a pair: only its two members get past this (anyone else, admins
 * included, sees a 404), and only while both have accepted and it has not ended or paused.
 */
function authorizeBooking(actor: Caller, found: PairRow | undefined): PairRow {
  const { pair } = authorize(pairPolicy, actor, 'view', found);
  if (!bookable.has(pair.status)) {
    throw new ApiError('invalidTransition', { key: 'invalidTransition.bookingNotActive' });
  }
  return pair;
}

/** The first step of every booking request: the pair, authorised, and what booking needs to know about it and its two people. */
/** The other person of the pair: whom an invitation the caller books is worded for. */
export const partnerIn = (ctx: BookingContext, userId: string): BookingPerson => (userId === ctx.mentee.userId ? ctx.mentor : ctx.mentee);

export async function loadBookingContext(deps: { db: Db; directory: Pick<Directory, 'getPeople'> }, actor: Caller, pairId: string): Promise<BookingContext> {
  const pair = authorizeBooking(actor, await pairRepository(deps.db, actor.tenantId).find(pairId));
  return bookingContextOf(deps, actor.tenantId, pair);
}

/** What booking needs to know about a pair and its two people; the caller has decided the pair may be booked for. */
export async function bookingContextOf(deps: { db: Db; directory: Pick<Directory, 'getPeople'> }, tenantId: string, pair: PairRow): Promise<BookingContext> {
  const { db } = deps;
  const [programme, participants, directoryRows] = await Promise.all([
    programmeRepository(db, tenantId).load(pair.programme_id),
    forTenant(db, tenantId)
      .selectFrom('participants')
      .select(['id', 'user_id', 'profile'])
      .where('id', 'in', [pair.mentor_participant_id, pair.mentee_participant_id])
      .execute(),
    forTenant(db, tenantId)
      .selectFrom('directory_users')
      .select(['user_id', 'display_name', 'mail', 'office_location', 'city'])
      .where('user_id', 'in', [pair.mentor_user_id, pair.mentee_user_id])
      .execute(),
  ]);

  // The synced directory answers without a Graph call; Graph is asked only for what it lacks.
  const known = new Map(directoryRows.filter((r) => r.mail && r.office_location).map((r) => [r.user_id, r]));
  const missing = [pair.mentor_user_id, pair.mentee_user_id].filter((id) => !known.has(id));
  const fetched = missing.length > 0 ? await deps.directory.getPeople(tenantId, missing) : new Map<string, DirectoryPerson>();

  const person = (userId: string): BookingPerson => {
    const row = known.get(userId);
    const fresh = fetched.get(userId);
    const mail = row?.mail ?? fresh?.mail ?? fresh?.userPrincipalName;
    if (!mail) throw new ApiError('upstreamUnavailable', { key: 'upstreamUnavailable.noMailbox' });
    const participant = participants.find((p) => p.user_id === userId);
    return {
      userId,
      mail,
      displayName: row?.display_name ?? fresh?.displayName ?? mail,
      officeLocation: row?.office_location ?? fresh?.officeLocation ?? null,
      city: row?.city ?? fresh?.city ?? null,
      meetingPreference: participant ? participantProfileOf(participant.profile, participant.id).meetingPreference : 'either',
    };
  };

  if (!programme) throw new Error(`The programme of pair ${pair.id} is missing.`);
  return {
    pair,
    mentee: person(pair.mentee_user_id),
    mentor: person(pair.mentor_user_id),
    sessionMinutes: programme.settings.sessionMinutes,
    cadenceDays: programme.settings.cadenceDays,
    venuePolicy: programme.details.venuePolicy,
  };
}
