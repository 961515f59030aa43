import type { PlaceRoom } from '../../shared/venues';
import type { Calendar } from '../calendar/calendar';

/** The tenant's meeting rooms, cached per tenant: rooms change rarely, bookings often. */
export interface RoomCatalogue {
  rooms(tenantId: string, calendar: Pick<Calendar, 'rooms'>): Promise<PlaceRoom[]>;
}

export interface RoomCatalogueOptions {
  clock: () => Date;
  /** How long a tenant's room list is reused; a new or retagged room shows up after this. */
  ttlMs?: number;
}

export function createRoomCatalogue({ clock, ttlMs = 15 * 60_000 }: RoomCatalogueOptions): RoomCatalogue {
  const cache = new Map<string, { loadedAt: number; rooms: Promise<PlaceRoom[]> }>();
  return {
    rooms(tenantId, calendar) {
      const now = clock().getTime();
      const hit = cache.get(tenantId);
      if (hit && now - hit.loadedAt < ttlMs) return hit.rooms;
      const rooms = calendar.rooms();
      // A failed read is not kept, so the next request tries again.
      rooms.catch(() => cache.delete(tenantId));
      cache.set(tenantId, { loadedAt: now, rooms });
      return rooms;
    },
  };
}
