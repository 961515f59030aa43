import type { Participant } from '../../shared/glossary';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { defaultVenuePolicy, venuePolicySchema } from '../../shared/schemas/programme';
import { homeBaseOf, planVenues, type VenuePerson, type VenuePlan } from '../../shared/venues';
import type { AppDeps } from '../appDeps';
import type { Caller } from '../auth/caller';
import type { DirectoryPerson } from '../directory/directory';
import type { GraphSession } from '../graph/graphGateway';
import { ApiError } from '../http/errors';
import { pairRepository, type PairRow } from '../pairs/pairRepository';
import { authorizePairMember } from '../policies/pairPolicy';
import type { RoomCatalogue } from './roomCatalogue';
import { workplaceOf } from './workplace';

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
  venuePolicy: ReturnType<typeof venuePolicySchema.parse>;
  /** The Graph identity that reads calendars and books (configuration decides which). */
  graph: GraphSession;
}

/** How people want to meet: anywhere neutral, in person (a room or off-site), only a room, only off-site, or online. */
export type MeetingMode = 'any' | 'in-person' | 'room' | 'offsite' | 'online';

const kindsFor: Record<MeetingMode, readonly string[]> = {
  any: ['room', 'offsite', 'online'],
  'in-person': ['room', 'offsite'],
  room: ['room'],
  offsite: ['offsite'],
  online: ['online'],
};

const bookable = new Set<PairRow['status']>(['accepted', 'active']);

/** The Graph identity for booking: the app's (any member may book for both) or the caller's own (decision 0016). */
export function bookingGraph(deps: AppDeps, actor: Caller): GraphSession {
  return deps.config.bookingIdentity === 'app' ? deps.graph.forApp(actor.tenantId) : deps.graph.forUser(actor);
}

/**
 * Loads a pair for booking: only its two members get past this (anyone else, admins included,
 * sees a 404), and only while both have accepted and it has not ended or paused.
 */
export async function loadBookingContext(deps: AppDeps, actor: Caller, pairId: string): Promise<BookingContext> {
  const { db } = deps;
  const tenantId = actor.tenantId;
  const pair = await pairRepository(db, tenantId).find(pairId);
  authorizePairMember(actor, pair);
  if (!bookable.has(pair.status)) {
    throw new ApiError('invalidTransition', 'Sessions are booked once both of you have accepted the pair, and not while it is paused or after it ended.');
  }
  const [programme, participants, directoryRows] = await Promise.all([
    db.selectFrom('programmes').select(['settings', 'details']).where('tenant_id', '=', tenantId).where('id', '=', pair.programme_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('participants')
      .select(['user_id', 'profile'])
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', [pair.mentor_participant_id, pair.mentee_participant_id])
      .execute(),
    db
      .selectFrom('directory_users')
      .select(['user_id', 'display_name', 'mail', 'office_location', 'city'])
      .where('tenant_id', '=', tenantId)
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
    if (!mail) throw new ApiError('upstreamUnavailable', 'Microsoft 365 did not give a mailbox for one of you, so nothing can be booked. Ask your admin to check the account has a mailbox.');
    const profile = participants.find((p) => p.user_id === userId)?.profile ?? {};
    const preference = profile.meetingPreference;
    return {
      userId,
      mail,
      displayName: row?.display_name ?? fresh?.displayName ?? mail,
      officeLocation: row?.office_location ?? fresh?.officeLocation ?? null,
      city: row?.city ?? fresh?.city ?? null,
      meetingPreference: preference === 'online' || preference === 'in-person' ? preference : 'either',
    };
  };

  const settings = { ...defaultProgrammeSettings, ...programme.settings };
  const policy = venuePolicySchema.safeParse(programme.details.venuePolicy);
  return {
    pair,
    mentee: person(pair.mentee_user_id),
    mentor: person(pair.mentor_user_id),
    sessionMinutes: Number(settings.sessionMinutes),
    cadenceDays: Number(settings.cadenceDays),
    venuePolicy: policy.success ? policy.data : defaultVenuePolicy,
    graph: bookingGraph(deps, actor),
  };
}

/** Neutral places for the pair, best first, within what the programme allows and the mode asked for. */
export async function planPairVenues(ctx: BookingContext, catalogue: RoomCatalogue, tenantId: string, mode: MeetingMode): Promise<VenuePlan> {
  const kinds = kindsFor[mode];
  const wantsRooms = ctx.venuePolicy.allowRooms && kinds.includes('room');
  const rooms = wantsRooms ? await catalogue.rooms(tenantId, ctx.graph) : [];
  const buildings = [...new Set(rooms.map((r) => r.building ?? '').filter(Boolean))];
  const venuePerson = (p: BookingPerson): VenuePerson => ({ home: homeBaseOf(workplaceOf(p, buildings)), meetingPreference: p.meetingPreference });
  const plan = planVenues({
    people: [venuePerson(ctx.mentee), venuePerson(ctx.mentor)],
    rooms,
    offsiteVenues: kinds.includes('offsite') ? ctx.venuePolicy.offsiteVenues : [],
  });
  const allowed = plan.suggestions.filter((s) => kinds.includes(s.venue.kind) && (s.venue.kind !== 'online' || ctx.venuePolicy.allowOnline));
  return { suggestions: allowed, rejected: plan.rejected };
}
