import type { Venue } from '../../shared/glossary';
import { homeBaseOf, planVenues, type PlaceRoom, type VenuePerson, type VenuePlan } from '../../shared/venues';
import { ApiError } from '../http/errors';
import type { BookingContext, BookingPerson } from './loadBooking';
import { workplaceOf } from './workplace';

/** How people want to meet: anywhere neutral, in person (a room or off-site), only a room, only off-site, or online. */
export type MeetingMode = 'any' | 'in-person' | 'room' | 'offsite' | 'online';

const kindsFor: Record<MeetingMode, readonly string[]> = {
  any: ['room', 'offsite', 'online'],
  'in-person': ['room', 'offsite'],
  room: ['room'],
  offsite: ['offsite'],
  online: ['online'],
};

/** Neutral places for the pair, best first, within what the programme allows and the mode asked for. */
export async function planPairVenues(ctx: BookingContext, bookableRooms: () => Promise<PlaceRoom[]>, mode: MeetingMode): Promise<VenuePlan> {
  const kinds = kindsFor[mode];
  const wantsRooms = ctx.venuePolicy.allowRooms && kinds.includes('room');
  const rooms = wantsRooms ? await bookableRooms() : [];
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

/** The venue a booking asks for, only if the plan offers it to the pair now. */
export function chosenVenue(plan: VenuePlan, asked: Pick<Venue, 'kind' | 'ref'>): Venue {
  const chosen = plan.suggestions.find((s) => s.venue.kind === asked.kind && (s.venue.ref ?? '').toLowerCase() === (asked.ref ?? '').toLowerCase());
  if (!chosen) throw new ApiError('venueNotAllowed');
  return chosen.venue;
}
