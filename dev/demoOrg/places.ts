import type { Prng } from './prng';
import type { DemoBuilding, DemoRoom, DemoRoomList } from './types';

/** Four buildings in three cities (three time zones), with the weight of staff each houses. */
export const DEMO_BUILDINGS: readonly (DemoBuilding & { staffWeight: number; preferredLanguages: readonly string[] })[] = [
  { id: 'ldn-th', code: 'LDN-TH', name: 'Thames House', city: 'London', country: 'United Kingdom', countryCode: 'GB', timeZone: 'GMT Standard Time', street: '12 Millbank', state: 'England', postalCode: 'SW1P 4QE', floors: 8, staffWeight: 0.3, preferredLanguages: ['en-GB'] },
  { id: 'ldn-kx', code: 'LDN-KX', name: "King's Cross Hub", city: 'London', country: 'United Kingdom', countryCode: 'GB', timeZone: 'GMT Standard Time', street: '5 Pancras Square', state: 'England', postalCode: 'N1C 4AG', floors: 6, staffWeight: 0.2, preferredLanguages: ['en-GB'] },
  { id: 'ams-zt', code: 'AMS-ZT', name: 'Zuidas Tower', city: 'Amsterdam', country: 'Netherlands', countryCode: 'NL', timeZone: 'W. Europe Standard Time', street: 'Gustav Mahlerplein 3', state: 'Noord-Holland', postalCode: '1082 MS', floors: 10, staffWeight: 0.2, preferredLanguages: ['nl-NL', 'en-GB'] },
  { id: 'nyc-hy', code: 'NYC-HY', name: 'Hudson Yards', city: 'New York', country: 'United States', countryCode: 'US', timeZone: 'Eastern Standard Time', street: '30 Hudson Yards', state: 'NY', postalCode: '10001', floors: 12, staffWeight: 0.3, preferredLanguages: ['en-US', 'es-US'] },
];

const ROOM_NAMES = ['Acacia', 'Birch', 'Cedar', 'Elm', 'Hazel', 'Juniper', 'Linden', 'Magnolia', 'Maple', 'Oak', 'Rowan', 'Willow', 'Alder', 'Aspen', 'Cypress', 'Larch'];
const ROOM_FEATURES = ['video', 'whiteboard', 'quiet', 'accessible', 'natural light'];
const CAPACITIES = [4, 4, 6, 6, 8, 10, 12, 16];

export interface DemoPlaces {
  rooms: DemoRoom[];
  roomLists: DemoRoomList[];
}

const addressOf = (building: DemoBuilding) => ({ street: building.street, city: building.city, state: building.state, postalCode: building.postalCode, countryOrRegion: building.countryCode });

/** Meeting rooms on every floor (three a floor), the top floor's boardroom tagged "executive", one room list per building. */
export function generatePlaces(prng: Prng, domain: string): DemoPlaces {
  const rooms: DemoRoom[] = [];
  const roomLists: DemoRoomList[] = [];
  for (const building of DEMO_BUILDINGS) {
    const roomIds: string[] = [];
    for (let floor = 1; floor <= building.floors; floor++) {
      const names = prng.shuffle([...ROOM_NAMES]).slice(0, 3);
      names.forEach((name, index) => {
        const isBoardroom = floor === building.floors && index === 0;
        const displayName = isBoardroom ? `${building.name} Boardroom` : `${building.code} ${floor}.${index + 1} ${name}`;
        const local = isBoardroom ? `${building.code}-boardroom` : `${building.code}-${floor}-${name}`;
        const room: DemoRoom = {
          id: prng.guid(),
          displayName,
          emailAddress: `${local.toLowerCase()}@${domain}`,
          building: building.name,
          floorNumber: floor,
          floorLabel: String(floor),
          label: `${floor}.${index + 1}`,
          nickname: isBoardroom ? 'Boardroom' : name,
          capacity: isBoardroom ? 20 : prng.pick(CAPACITIES),
          bookingType: isBoardroom ? 'reserved' : 'standard',
          tags: isBoardroom ? ['executive', 'video'] : ROOM_FEATURES.filter(() => prng.chance(0.3)),
          isWheelChairAccessible: isBoardroom || prng.chance(0.8),
          audioDeviceName: prng.chance(0.7) ? 'Teams Rooms audio' : null,
          videoDeviceName: prng.chance(0.6) ? 'Teams Rooms camera' : null,
          displayDeviceName: 'Display',
          phone: null,
          address: addressOf(building),
        };
        rooms.push(room);
        roomIds.push(room.id);
      });
    }
    roomLists.push({
      list: {
        id: prng.guid(),
        displayName: `${building.name}, ${building.city}`,
        emailAddress: `${building.code.toLowerCase()}-rooms@${domain}`,
        address: addressOf(building),
      },
      roomIds,
    });
  }
  return { rooms, roomLists };
}
