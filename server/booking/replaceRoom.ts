import type { Venue } from '../../shared/glossary';
import type { Calendar } from '../calendar/calendar';
import { freeRooms, type Slot } from './availability';
import type { BookingContext } from './loadBooking';
import { planPairVenues } from './planVenues';
import type { RoomCatalogue } from './roomCatalogue';

/**
 * Another neutral room for a booked session whose room declined: the rooms the pair's venue plan
 * offers (best first, as for a booking), without the one that declined, free for the session's
 * whole slot. Null when none is.
 */
export async function replacementRoom(
  deps: { rooms: RoomCatalogue; calendar: Pick<Calendar, 'rooms' | 'busyNow'> },
  props: { tenantId: string; ctx: BookingContext; organizerId: string; slot: Slot; declinedRoom: string },
): Promise<Venue | null> {
  const plan = await planPairVenues(props.ctx, () => deps.rooms.rooms(props.tenantId, deps.calendar), 'room');
  const candidates = plan.suggestions.map((s) => s.venue).filter((v) => v.kind === 'room' && v.ref !== null && v.ref.toLowerCase() !== props.declinedRoom.toLowerCase());
  const free = new Set(await freeRooms(deps.calendar, { organizerId: props.organizerId, roomMails: candidates.map((v) => v.ref!), slot: props.slot }));
  return candidates.find((v) => free.has(v.ref!)) ?? null;
}
