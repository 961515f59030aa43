import type { Room } from '@microsoft/microsoft-graph-types';
import type { PlaceRoom } from '../../shared/venues';
import type { GraphSession } from '../graph/graphGateway';

/** The tenant's meeting rooms from Graph Places, cached per tenant: rooms change rarely, bookings often. */
export interface RoomCatalogue {
  rooms(tenantId: string, graph: GraphSession): Promise<PlaceRoom[]>;
}

export interface RoomCatalogueOptions {
  clock: () => Date;
  /** How long a tenant's room list is reused; a new or retagged room shows up after this. */
  ttlMs?: number;
}

function toPlaceRoom(room: Room): PlaceRoom {
  return {
    id: room.id ?? '',
    displayName: room.displayName ?? room.emailAddress ?? '',
    emailAddress: room.emailAddress ?? '',
    building: room.building ?? null,
    floorNumber: room.floorNumber ?? null,
    capacity: room.capacity ?? null,
    tags: room.tags ?? null,
    address: { city: room.address?.city ?? null },
  };
}

export function createRoomCatalogue({ clock, ttlMs = 15 * 60_000 }: RoomCatalogueOptions): RoomCatalogue {
  const cache = new Map<string, { loadedAt: number; rooms: Promise<PlaceRoom[]> }>();
  return {
    rooms(tenantId, graph) {
      const now = clock().getTime();
      const hit = cache.get(tenantId);
      if (hit && now - hit.loadedAt < ttlMs) return hit.rooms;
      const rooms = graph
        .list<Room>('/places/microsoft.graph.room?$top=999')
        .then((list) => list.items.map(toPlaceRoom).filter((r) => r.emailAddress !== ''));
      // A failed read is not kept, so the next request tries again.
      rooms.catch(() => cache.delete(tenantId));
      cache.set(tenantId, { loadedAt: now, rooms });
      return rooms;
    },
  };
}
