import { DateTime } from 'luxon';
import type { PlaceRoom, VenuePerson } from '../venues/venuePolicy';
import { planVenues } from '../venues/venuePolicy';
import { SchedulingError } from './errors';
import type { BusyInterval } from './intervals';
import type { SlotPerson, SlotSearch } from './slots';
import { explainNoSlot, findSlots } from './slots';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const person = (zone: string, busy: BusyInterval[] = [], startTime = '09:00:00.0000000', endTime = '17:00:00.0000000'): SlotPerson => ({
  workingHours: { daysOfWeek: weekdays, startTime, endTime, timeZone: { name: zone } },
  busy,
});
const venuePerson = (building: string): VenuePerson => ({ home: { building, floorNumber: 1, city: 'London' }, meetingPreference: 'either' });
const oak: PlaceRoom = { id: 'oak', displayName: 'Oak', emailAddress: 'oak@x.test', building: 'Canary Wharf', floorNumber: 2, capacity: 4, tags: [] };
const inPersonVenues = planVenues({ people: [venuePerson('Thames House'), venuePerson('Riverside')], rooms: [oak], offsiteVenues: [] }).suggestions;
const onlineOnly = planVenues({ people: [venuePerson('A'), { ...venuePerson('B'), meetingPreference: 'online' }], rooms: [], offsiteVenues: [] }).suggestions;

const search = (overrides: Partial<SlotSearch>): SlotSearch => ({
  from: '2025-03-10T00:00:00Z',
  to: '2025-03-15T00:00:00Z',
  sessionMinutes: 60,
  cadenceDays: 14,
  people: [person('GMT Standard Time'), person('GMT Standard Time')],
  venues: onlineOnly,
  roomBusy: {},
  ...overrides,
});
const starts = (s: SlotSearch) => findSlots(s).map((x) => x.start);
const hourUtc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).hour;

describe('findSlots', () => {
  it('suggests only times inside both people’s working hours: London and New York four hours apart in mid-March', () => {
    const slots = findSlots(search({ people: [person('GMT Standard Time'), person('Eastern Standard Time')], maxSuggestions: 50 }));
    expect(slots[0]).toMatchObject({ start: '2025-03-10T13:00:00Z', end: '2025-03-10T14:00:00Z' });
    expect(slots.length).toBeGreaterThan(5);
    for (const s of slots) {
      expect(hourUtc(s.start)).toBeGreaterThanOrEqual(13);
      expect(DateTime.fromISO(s.end, { zone: 'utc' }).toMillis()).toBeLessThanOrEqual(DateTime.fromISO(s.start, { zone: 'utc' }).set({ hour: 17, minute: 0 }).toMillis());
    }
  });

  it('follows the clocks as they change: 5 hours apart in early March, 4 once New York moves, 5 again once London moves', () => {
    const pair = [person('GMT Standard Time'), person('Eastern Standard Time')] as const;
    const first = (from: string, to: string) => findSlots(search({ people: pair, from, to }))[0]?.start;
    expect(first('2025-03-07T00:00:00Z', '2025-03-08T00:00:00Z')).toBe('2025-03-07T14:00:00Z');
    expect(first('2025-03-10T00:00:00Z', '2025-03-11T00:00:00Z')).toBe('2025-03-10T13:00:00Z');
    const afterLondon = findSlots(search({ people: pair, from: '2025-03-31T00:00:00Z', to: '2025-04-01T00:00:00Z', sameDayGapMinutes: 60 }));
    expect(afterLondon.map((s) => s.start)).toEqual(['2025-03-31T13:00:00Z', '2025-03-31T14:00:00Z', '2025-03-31T15:00:00Z']);
  });

  it('treats a meeting that ends when the slot starts, or starts when it ends, as no conflict', () => {
    const busy = [
      { start: '2025-03-10T09:00:00Z', end: '2025-03-10T10:00:00Z' },
      { start: '2025-03-10T11:00:00Z', end: '2025-03-10T17:00:00Z' },
    ];
    const slots = starts(search({ people: [person('UTC', busy), person('UTC')], to: '2025-03-11T00:00:00Z' }));
    expect(slots).toEqual(['2025-03-10T10:00:00Z']);
  });

  it('avoids either person’s busy time', () => {
    const busyA = [{ start: '2025-03-10T09:00:00Z', end: '2025-03-10T12:00:00Z' }];
    const busyB = [{ start: '2025-03-10T12:00:00Z', end: '2025-03-10T15:30:00Z' }];
    expect(starts(search({ people: [person('UTC', busyA), person('UTC', busyB)], to: '2025-03-11T00:00:00Z' }))).toEqual(['2025-03-10T15:30:00Z']);
  });

  it('spreads suggestions across days: the earliest slot of each day first, then later slots, never two within two hours on a day', () => {
    const slots = findSlots(search({ maxSuggestions: 10 }));
    expect(slots.slice(0, 5).map((s) => s.start)).toEqual([
      '2025-03-10T09:00:00Z',
      '2025-03-11T09:00:00Z',
      '2025-03-12T09:00:00Z',
      '2025-03-13T09:00:00Z',
      '2025-03-14T09:00:00Z',
    ]);
    expect(slots.slice(5).map((s) => s.start)).toEqual([
      '2025-03-10T11:00:00Z',
      '2025-03-11T11:00:00Z',
      '2025-03-12T11:00:00Z',
      '2025-03-13T11:00:00Z',
      '2025-03-14T11:00:00Z',
    ]);
  });

  it('books a room only when its calendar shows it free, and otherwise offers the next venue in the policy’s order', () => {
    const roomBusy = { 'OAK@x.test': [{ start: '2025-03-10T09:30:00Z', end: '2025-03-10T10:00:00Z' }] };
    const slots = findSlots(search({ venues: inPersonVenues, roomBusy, to: '2025-03-11T00:00:00Z' }));
    expect(slots.map((s) => [s.start, s.venue.kind, s.code])).toEqual([
      ['2025-03-10T09:00:00Z', 'online', 'online'],
      ['2025-03-10T11:00:00Z', 'room', 'room-other-building'],
      ['2025-03-10T13:00:00Z', 'room', 'room-other-building'],
      ['2025-03-10T15:00:00Z', 'room', 'room-other-building'],
    ]);
    expect(slots[1]?.venue.ref).toBe('oak@x.test');
  });

  it('never offers a room whose free/busy is missing', () => {
    expect(findSlots(search({ venues: inPersonVenues, roomBusy: {} })).every((s) => s.venue.kind === 'online')).toBe(true);
    expect(findSlots(search({ venues: inPersonVenues.filter((v) => v.venue.kind === 'room'), roomBusy: {} }))).toEqual([]);
  });

  it('keeps cadenceDays / 2 away from the pair’s previous and next sessions', () => {
    const slots = findSlots(
      search({
        from: '2025-03-03T00:00:00Z',
        to: '2025-03-29T00:00:00Z',
        cadenceDays: 14,
        maxSuggestions: 100,
        pairSessions: [{ start: '2025-03-03T10:00:00Z' }, { start: '2025-03-24T10:00:00Z' }],
      }),
    );
    const times = slots.map((s) => DateTime.fromISO(s.start, { zone: 'utc' }).toMillis()).sort((a, b) => a - b);
    expect(DateTime.fromMillis(times[0] ?? 0, { zone: 'utc' }).toISO()).toBe('2025-03-10T10:00:00.000Z');
    expect(DateTime.fromMillis(times[times.length - 1] ?? 0, { zone: 'utc' }).toISO()).toBe('2025-03-17T09:00:00.000Z');
  });

  it('stays inside the search window, which it takes as input rather than reading the clock', () => {
    const slots = findSlots(search({ from: '2025-03-12T14:10:00+01:00', to: '2025-03-12T16:00:00Z', sameDayGapMinutes: 30 }));
    expect(slots.map((s) => s.start)).toEqual(['2025-03-12T13:30:00Z', '2025-03-12T14:00:00Z', '2025-03-12T14:30:00Z', '2025-03-12T15:00:00Z']);
  });

  it('finds nothing when the working days never overlap', () => {
    expect(findSlots(search({ people: [person('Tokyo Standard Time'), person('Pacific Standard Time')] }))).toEqual([]);
  });

  it('says why each suggestion’s place is neutral as a code, with no sentence for a client to pass on', () => {
    const [slot] = findSlots(search({ people: [person('GMT Standard Time'), person('Eastern Standard Time')], venues: inPersonVenues, roomBusy: { 'oak@x.test': [] } }));
    expect(slot).toMatchObject({ start: '2025-03-10T13:00:00Z', code: 'room-other-building', fallback: false });
    expect(Object.keys(slot!).sort()).toEqual(['code', 'end', 'fallback', 'start', 'venue']);
  });

  it('refuses an empty window, a non-positive length and an instant without offset', () => {
    expect(() => findSlots(search({ to: '2025-03-10T00:00:00Z' }))).toThrow(SchedulingError);
    expect(() => findSlots(search({ sessionMinutes: 0 }))).toThrow(/sessionMinutes must be a positive number/);
    expect(() => findSlots(search({ from: '2025-03-10T00:00:00' }))).toThrow(SchedulingError);
  });
});

describe('explainNoSlot', () => {
  it('says nothing when a slot exists', () => {
    expect(explainNoSlot(search({}))).toBeNull();
  });

  it('says there is no shared free time when their working hours never meet, and to look after the window', () => {
    const s = search({ people: [person('GMT Standard Time', [], '09:00:00.0000000', '12:00:00.0000000'), person('GMT Standard Time', [], '13:00:00.0000000', '17:00:00.0000000')] });
    expect(findSlots(s)).toEqual([]);
    expect(explainNoSlot(s)).toEqual({ reason: 'no-shared-free-time', retryFrom: '2025-03-15T00:00:00Z' });
  });

  it('names the coming session when every free time is too close to it (cadence), and when the next one is due', () => {
    const s = search({ pairSessions: [{ start: '2025-03-12T10:00:00Z' }] });
    expect(findSlots(s)).toEqual([]);
    // cadenceDays 14: sessions at least 7 days apart.
    expect(explainNoSlot(s)).toEqual({ reason: 'cadence', session: '2025-03-12T10:00:00Z', retryFrom: '2025-03-19T10:00:00Z' });
  });

  it('names the last session when the spacing after it rules out the window', () => {
    const s = search({ pairSessions: [{ start: '2025-03-07T10:00:00Z' }] });
    const free = findSlots(s).map((x) => x.start);
    expect(free.every((start) => start >= '2025-03-14T10:00:00Z')).toBe(true);
    const narrow = { ...s, to: '2025-03-13T00:00:00Z' };
    expect(explainNoSlot(narrow)).toEqual({ reason: 'spacing', session: '2025-03-07T10:00:00Z', retryFrom: '2025-03-14T10:00:00Z' });
  });

  it('says no neutral place is free when both are free but every neutral room is busy', () => {
    const wholeWeek = [{ start: '2025-03-10T00:00:00Z', end: '2025-03-15T00:00:00Z' }];
    const roomsOnly = inPersonVenues.filter((v) => v.venue.kind === 'room');
    const s = search({ venues: roomsOnly, roomBusy: { 'oak@x.test': wholeWeek } });
    expect(findSlots(s)).toEqual([]);
    expect(explainNoSlot(s)).toEqual({ reason: 'no-neutral-place' });
    expect(explainNoSlot(search({ venues: [] }))).toEqual({ reason: 'no-neutral-place' });
  });
});
