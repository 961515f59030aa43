import type { Participant, Venue } from '../glossary';

/** A room as Microsoft Graph Places returns it (`GET /places/microsoft.graph.room`), only the fields the policy reads. */
export interface PlaceRoom {
  id: string;
  displayName: string;
  emailAddress: string;
  building?: string | null;
  floorNumber?: number | null;
  capacity?: number | null;
  tags?: string[] | null;
  /** Graph's physical address; its city, when known, keeps rooms in a third city out. */
  address?: { city?: string | null } | null;
}

/** An off-site venue the programme lists (a café, a partner's space); it has no calendar to check. */
export interface OffsiteVenue {
  id: string;
  name: string;
  address: string;
  notes?: string | null;
  city?: string | null;
}

/** Where a person works: building and city from Entra ID, floor only from their profile. */
export interface HomeBase {
  building: string | null;
  floorNumber: number | null;
  city: string | null;
}

/** What the server knows about where a person works. The profile override wins field by field. */
export interface WorkplaceFacts {
  /** Entra ID `officeLocation` (free text, usually the building name). */
  officeLocation?: string | null;
  /** Entra ID `city`. */
  city?: string | null;
  override?: Partial<HomeBase> | null;
}

export interface VenuePerson {
  home: HomeBase;
  meetingPreference: Participant['meetingPreference'];
}

export type NeutralityCode =
  | 'online-different-cities'
  | 'online-preferred'
  | 'online'
  | 'room-other-building'
  | 'room-other-floor-fallback'
  | 'offsite-listed';

export type VenueRejectionCode =
  | 'executive-area'
  | 'capacity-too-small'
  | 'capacity-unknown'
  | 'home-floor'
  | 'home-floor-unknown'
  | 'building-unknown'
  | 'duplicate'
  | 'other-city'
  | 'not-same-site';

export interface VenueSuggestion {
  venue: Venue;
  code: NeutralityCode;
  /** True for a room in one of their buildings on neither home floor: acceptable, not ideal. */
  fallback: boolean;
}

export interface VenueRejection {
  kind: 'room' | 'offsite';
  ref: string;
  code: VenueRejectionCode;
}

export interface VenuePolicyInput {
  /** The two people of the pair; order does not change the result. */
  people: readonly [VenuePerson, VenuePerson];
  rooms: readonly PlaceRoom[];
  offsiteVenues: readonly OffsiteVenue[];
  /** Room tags meaning an executive area; compared ignoring case, spaces, dashes and underscores. */
  executiveTags?: readonly string[];
}

export interface VenuePlan {
  /** Best first: the order to offer, and the order slot finding tries venues in. */
  suggestions: VenueSuggestion[];
  rejected: VenueRejection[];
}

export const defaultExecutiveTags: readonly string[] = ['executive', 'executive area', 'executive floor', 'boardroom'];

/** Sentences a person reads. They mention places only: never people, groups or reporting lines. */
const sentences: Record<NeutralityCode, (place: string) => string> = {
  'online-different-cities': () => 'You work in different cities, so a Teams meeting spares both of you the journey.',
  'online-preferred': () => 'Meeting online was asked for, and a Teams meeting belongs to neither workplace.',
  online: () => 'A Teams meeting belongs to neither workplace.',
  'room-other-building': (place) => `${place} is in a building neither of you works in.`,
  'room-other-floor-fallback': (place) =>
    `Fallback: ${place} is in a building one of you works in, but on neither of your home floors.`,
  'offsite-listed': (place) => `${place} is an off-site venue the programme lists, away from both workplaces.`,
};

const minimumCapacity = 2;

function norm(text: string | null | undefined): string | null {
  const value = text?.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  return value ? value : null;
}

/** Resolves where a person works from Entra ID facts and an optional profile override. */
export function homeBaseOf(facts: WorkplaceFacts): HomeBase {
  const override = facts.override ?? {};
  return {
    building: override.building !== undefined ? override.building : (facts.officeLocation?.trim() || null),
    floorNumber: override.floorNumber !== undefined ? override.floorNumber : null,
    city: override.city !== undefined ? override.city : (facts.city?.trim() || null),
  };
}

/** True only when both cities are known and differ. */
export function workInDifferentCities(a: HomeBase, b: HomeBase): boolean {
  const cityA = norm(a.city);
  const cityB = norm(b.city);
  return cityA !== null && cityB !== null && cityA !== cityB;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeRoom(room: PlaceRoom): string {
  const where = [room.building?.trim(), room.floorNumber != null ? `floor ${room.floorNumber}` : null].filter(Boolean);
  return where.length ? `${room.displayName} (${where.join(', ')})` : room.displayName;
}

function venue(kind: Venue['kind'], ref: string | null, displayName: string, code: NeutralityCode): VenueSuggestion {
  return {
    venue: { kind, ref, displayName, neutrality: sentences[code](displayName) },
    code,
    fallback: code === 'room-other-floor-fallback',
  };
}

type RoomVerdict = { ok: true; code: 'room-other-building' | 'room-other-floor-fallback' } | { ok: false; code: VenueRejectionCode };

function judgeRoom(room: PlaceRoom, people: readonly [VenuePerson, VenuePerson], executiveTags: ReadonlySet<string>, sameSite: boolean): RoomVerdict {
  if ((room.tags ?? []).some((tag) => executiveTags.has(norm(tag) ?? ''))) return { ok: false, code: 'executive-area' };
  if (room.capacity == null) return { ok: false, code: 'capacity-unknown' };
  if (room.capacity < minimumCapacity) return { ok: false, code: 'capacity-too-small' };
  const roomCity = norm(room.address?.city);
  const cities = people.map((p) => norm(p.home.city));
  if (roomCity !== null && cities.every((c) => c !== null && c !== roomCity)) return { ok: false, code: 'other-city' };

  const building = norm(room.building);
  // A room whose building is unknown cannot be shown to be away from anyone's desk.
  if (building === null) return { ok: false, code: 'building-unknown' };
  const residents = people.filter((p) => norm(p.home.building) === building);
  if (residents.length === 0) return { ok: true, code: 'room-other-building' };
  if (!sameSite) return { ok: false, code: 'not-same-site' };
  if (room.floorNumber == null || residents.some((p) => p.home.floorNumber == null)) return { ok: false, code: 'home-floor-unknown' };
  if (residents.some((p) => p.home.floorNumber === room.floorNumber)) return { ok: false, code: 'home-floor' };
  return { ok: true, code: 'room-other-floor-fallback' };
}

function roomOrder(a: PlaceRoom, b: PlaceRoom): number {
  // Smallest fitting room first, so a pair does not hold a large room others need.
  return (
    (a.capacity ?? 0) - (b.capacity ?? 0) ||
    compareText(norm(a.building) ?? '', norm(b.building) ?? '') ||
    (a.floorNumber ?? 0) - (b.floorNumber ?? 0) ||
    compareText(a.displayName, b.displayName) ||
    compareText(a.emailAddress.toLowerCase(), b.emailAddress.toLowerCase())
  );
}

/**
 * Neutral places for a pair, best first: online first when they work in different cities or
 * either prefers online; then rooms in a building neither works in; then off-site venues the
 * programme lists; then, on the same site, rooms on neither home floor (labelled fallback);
 * online last otherwise. Executive areas and rooms for fewer than two are never offered.
 * The result depends only on the input, never on its order.
 */
export function planVenues(input: VenuePolicyInput): VenuePlan {
  const [a, b] = input.people;
  const differentCities = workInDifferentCities(a.home, b.home);
  const prefersOnline = a.meetingPreference === 'online' || b.meetingPreference === 'online';
  const executiveTags = new Set((input.executiveTags ?? defaultExecutiveTags).map((t) => norm(t) ?? ''));

  const otherBuilding: PlaceRoom[] = [];
  const otherFloor: PlaceRoom[] = [];
  const rejected: VenueRejection[] = [];
  const seen = new Set<string>();
  for (const room of [...input.rooms].sort(roomOrder)) {
    const key = room.emailAddress.toLowerCase();
    if (seen.has(key)) {
      rejected.push({ kind: 'room', ref: room.emailAddress, code: 'duplicate' });
      continue;
    }
    seen.add(key);
    const verdict = judgeRoom(room, input.people, executiveTags, !differentCities);
    if (!verdict.ok) rejected.push({ kind: 'room', ref: room.emailAddress, code: verdict.code });
    else (verdict.code === 'room-other-building' ? otherBuilding : otherFloor).push(room);
  }

  const pairCities = [norm(a.home.city), norm(b.home.city)];
  const offsite: OffsiteVenue[] = [];
  for (const place of [...input.offsiteVenues].sort((x, y) => compareText(x.name, y.name) || compareText(x.id, y.id))) {
    const city = norm(place.city);
    if (city !== null && pairCities.every((c) => c !== null && c !== city)) rejected.push({ kind: 'offsite', ref: place.id, code: 'other-city' });
    else offsite.push(place);
  }

  const inPerson: VenueSuggestion[] = [
    ...otherBuilding.map((r) => venue('room', r.emailAddress, describeRoom(r), 'room-other-building')),
    ...offsite.map((o) => venue('offsite', o.id, o.name, 'offsite-listed')),
    ...otherFloor.map((r) => venue('room', r.emailAddress, describeRoom(r), 'room-other-floor-fallback')),
  ];
  const onlineCode: NeutralityCode = differentCities ? 'online-different-cities' : prefersOnline ? 'online-preferred' : 'online';
  const online = venue('online', null, 'Microsoft Teams meeting', onlineCode);
  return {
    suggestions: differentCities || prefersOnline ? [online, ...inPerson] : [...inPerson, online],
    rejected,
  };
}
