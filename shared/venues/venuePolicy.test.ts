import type { PlaceRoom, VenuePerson } from './venuePolicy';
import { homeBaseOf, planVenues } from './venuePolicy';

const person = (building: string | null, floorNumber: number | null, city: string | null = 'London', meetingPreference: VenuePerson['meetingPreference'] = 'either'): VenuePerson => ({
  home: { building, floorNumber, city },
  meetingPreference,
});

const room = (email: string, building: string | null, floorNumber: number | null, extra: Partial<PlaceRoom> = {}): PlaceRoom => ({
  id: `id-${email}`,
  displayName: email.split('@')[0] ?? email,
  emailAddress: email,
  building,
  floorNumber,
  capacity: 6,
  tags: [],
  ...extra,
});

const thames = person('Thames House', 3);
const riverside = person('Riverside', 5);

describe('planVenues', () => {
  it('offers a room in a building neither person works in as neutral, with a reason and a code', () => {
    const plan = planVenues({ people: [thames, riverside], rooms: [room('oak@x.test', 'Canary Wharf', 2)], offsiteVenues: [] });
    const first = plan.suggestions[0];
    expect(first?.code).toBe('room-other-building');
    expect(first?.fallback).toBe(false);
    expect(first?.venue).toMatchObject({ kind: 'room', ref: 'oak@x.test', displayName: 'oak (Canary Wharf, floor 2)' });
    expect(first?.venue.neutrality).toBe('oak (Canary Wharf, floor 2) is in a building neither of you works in.');
  });

  it('offers a room in a home building on neither home floor only as a labelled fallback, after neutral rooms', () => {
    const samebuilding = [person('Thames House', 3), person('thames  house', 5)] as const;
    const plan = planVenues({
      people: samebuilding,
      rooms: [room('floor4@x.test', 'Thames House', 4), room('elsewhere@x.test', 'Canary Wharf', 1)],
      offsiteVenues: [],
    });
    expect(plan.suggestions.map((s) => [s.venue.ref, s.code])).toEqual([
      ['elsewhere@x.test', 'room-other-building'],
      ['floor4@x.test', 'room-other-floor-fallback'],
      [null, 'online'],
    ]);
    expect(plan.suggestions[1]?.fallback).toBe(true);
    expect(plan.suggestions[1]?.venue.neutrality).toMatch(/^Fallback: /);
  });

  it('never offers a room on either home floor of a home building, nor one whose floor or building is unknown', () => {
    const plan = planVenues({
      people: [person('Thames House', 3), person('Thames House', null)],
      rooms: [room('f3@x.test', 'Thames House', 3), room('f4@x.test', 'Thames House', 4), room('nob@x.test', null, 2)],
      offsiteVenues: [],
    });
    expect(plan.suggestions.map((s) => s.venue.kind)).toEqual(['online']);
    expect(plan.rejected).toEqual(
      expect.arrayContaining([
        { kind: 'room', ref: 'f3@x.test', code: 'home-floor-unknown' },
        { kind: 'room', ref: 'f4@x.test', code: 'home-floor-unknown' },
        { kind: 'room', ref: 'nob@x.test', code: 'building-unknown' },
      ]),
    );
    const known = planVenues({ people: [person('Thames House', 3), riverside], rooms: [room('f3@x.test', 'Thames House', 3)], offsiteVenues: [] });
    expect(known.rejected).toEqual([{ kind: 'room', ref: 'f3@x.test', code: 'home-floor' }]);
  });

  it('never offers a room tagged as an executive area, whatever the spelling of the tag', () => {
    const plan = planVenues({
      people: [thames, riverside],
      rooms: [
        room('exec@x.test', 'Canary Wharf', 9, { tags: ['Executive-Area'] }),
        room('board@x.test', 'Canary Wharf', 9, { tags: ['BOARDROOM'] }),
        room('custom@x.test', 'Canary Wharf', 9, { tags: ['c suite'] }),
      ],
      offsiteVenues: [],
    });
    expect(plan.suggestions.filter((s) => s.venue.kind === 'room').map((s) => s.venue.ref)).toEqual(['custom@x.test']);
    const custom = planVenues({ people: [thames, riverside], rooms: [room('custom@x.test', 'Canary Wharf', 9, { tags: ['c suite'] })], offsiteVenues: [], executiveTags: ['C-Suite'] });
    expect(custom.rejected).toEqual([{ kind: 'room', ref: 'custom@x.test', code: 'executive-area' }]);
  });

  it('needs room for two: a one-seat room or one of unknown capacity is not offered', () => {
    const plan = planVenues({
      people: [thames, riverside],
      rooms: [room('pod@x.test', 'Canary Wharf', 1, { capacity: 1 }), room('q@x.test', 'Canary Wharf', 1, { capacity: null }), room('two@x.test', 'Canary Wharf', 1, { capacity: 2 })],
      offsiteVenues: [],
    });
    expect(plan.suggestions.filter((s) => s.venue.kind === 'room').map((s) => s.venue.ref)).toEqual(['two@x.test']);
    expect(plan.rejected).toEqual(
      expect.arrayContaining([
        { kind: 'room', ref: 'pod@x.test', code: 'capacity-too-small' },
        { kind: 'room', ref: 'q@x.test', code: 'capacity-unknown' },
      ]),
    );
  });

  it('proposes online first when they work in different cities, and drops fallback rooms there', () => {
    const plan = planVenues({
      people: [person('Thames House', 3, 'London'), person('Empire', 20, 'New York')],
      rooms: [room('ny@x.test', 'Hudson Yards', 4, { address: { city: 'New York' } }), room('f4@x.test', 'Thames House', 4), room('paris@x.test', 'Opéra', 1, { address: { city: 'Paris' } })],
      offsiteVenues: [],
    });
    expect(plan.suggestions.map((s) => [s.venue.kind, s.code])).toEqual([
      ['online', 'online-different-cities'],
      ['room', 'room-other-building'],
    ]);
    expect(plan.rejected).toEqual(
      expect.arrayContaining([
        { kind: 'room', ref: 'f4@x.test', code: 'not-same-site' },
        { kind: 'room', ref: 'paris@x.test', code: 'other-city' },
      ]),
    );
  });

  it('proposes online first when either person prefers online', () => {
    const plan = planVenues({ people: [thames, person('Riverside', 5, 'London', 'online')], rooms: [room('oak@x.test', 'Canary Wharf', 2)], offsiteVenues: [] });
    expect(plan.suggestions.map((s) => s.code)).toEqual(['online-preferred', 'room-other-building']);
  });

  it('offers the programme’s off-site venues after neutral rooms and before fallback rooms, skipping those in another city', () => {
    const plan = planVenues({
      people: [person('Thames House', 3), person('Thames House', 5)],
      rooms: [room('f4@x.test', 'Thames House', 4), room('oak@x.test', 'Canary Wharf', 2)],
      offsiteVenues: [
        { id: 'cafe', name: 'The Garden Café', address: '1 Park Lane', city: 'London' },
        { id: 'hub', name: 'Paris Hub', address: '2 Rue X', city: 'Paris' },
      ],
    });
    expect(plan.suggestions.map((s) => [s.venue.ref, s.code])).toEqual([
      ['oak@x.test', 'room-other-building'],
      ['cafe', 'offsite-listed'],
      ['f4@x.test', 'room-other-floor-fallback'],
      [null, 'online'],
    ]);
    expect(plan.suggestions[1]?.venue.neutrality).toBe('The Garden Café is an off-site venue the programme lists, away from both workplaces.');
    expect(plan.rejected).toEqual([{ kind: 'offsite', ref: 'hub', code: 'other-city' }]);
  });

  it('orders deterministically: smallest fitting room first, then by building, floor and name, whatever the input order', () => {
    const rooms = [
      room('b@x.test', 'Canary Wharf', 2, { capacity: 8 }),
      room('a@x.test', 'Canary Wharf', 2, { capacity: 4 }),
      room('c@x.test', 'Bankside', 7, { capacity: 4 }),
      room('d@x.test', 'Bankside', 1, { capacity: 4 }),
    ];
    const order = (rs: PlaceRoom[]) => planVenues({ people: [thames, riverside], rooms: rs, offsiteVenues: [] }).suggestions.map((s) => s.venue.ref);
    expect(order(rooms)).toEqual(['d@x.test', 'c@x.test', 'a@x.test', 'b@x.test', null]);
    expect(order([...rooms].reverse())).toEqual(order(rooms));
    expect(planVenues({ people: [riverside, thames], rooms, offsiteVenues: [] })).toEqual(planVenues({ people: [thames, riverside], rooms, offsiteVenues: [] }));
  });

  it('offers a room listed twice once', () => {
    const plan = planVenues({ people: [thames, riverside], rooms: [room('oak@x.test', 'Canary Wharf', 2), room('OAK@x.test', 'Canary Wharf', 2)], offsiteVenues: [] });
    expect(plan.suggestions.filter((s) => s.venue.kind === 'room')).toHaveLength(1);
  });

  it('keeps reasons about places: no person, group or reporting line appears in them', () => {
    const plan = planVenues({
      people: [person('Thames House', 3), person('Thames House', 5, 'London', 'online')],
      rooms: [room('f4@x.test', 'Thames House', 4), room('oak@x.test', 'Canary Wharf', 2)],
      offsiteVenues: [{ id: 'cafe', name: 'The Garden Café', address: '1 Park Lane' }],
    });
    for (const s of plan.suggestions) expect(s.venue.neutrality).not.toMatch(/\b(manager|reports?|team|group|department|mentor|mentee|senior|junior)\b/i);
  });
});

describe('homeBaseOf', () => {
  it('takes building and city from Entra ID and lets the profile override win field by field', () => {
    expect(homeBaseOf({ officeLocation: ' Thames House ', city: 'London' })).toEqual({ building: 'Thames House', floorNumber: null, city: 'London' });
    expect(homeBaseOf({ officeLocation: 'Thames House', city: 'London', override: { floorNumber: 4, building: 'Riverside' } })).toEqual({
      building: 'Riverside',
      floorNumber: 4,
      city: 'London',
    });
    expect(homeBaseOf({ officeLocation: '', city: null })).toEqual({ building: null, floorNumber: null, city: null });
  });
});
