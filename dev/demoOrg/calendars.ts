import type { DayOfWeek } from '@microsoft/microsoft-graph-types';
import type { Prng } from './prng';
import type { DemoPerson, DemoRoom, DemoSeries } from './types';

/** All series start on this Monday and never end, so any window after it has busy calendars. */
export const SERIES_START_DATE = '2025-01-06';
const WEEKDAYS: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const MEETING_HOURS = ['09:30', '10:00', '11:00', '13:30', '14:00', '15:00', '16:00'];

export interface CalendarInput {
  people: readonly DemoPerson[];
  /** Direct reports of each person, by index into `people`. */
  reports: readonly (readonly number[])[];
  /** Index of each person's manager, -1 when none. */
  managerIndex: readonly number[];
  rooms: readonly DemoRoom[];
  /** Room indexes by building id, for booking a room in the organizer's building. */
  roomsByBuilding: ReadonlyMap<string, readonly number[]>;
  /** Building name by id. */
  buildingTimeZone: (buildingId: string) => string;
}

/**
 * Recurring meetings that make free/busy realistic: a weekly team meeting (in a room) for every
 * manager, a 1:1 with each report every week or fortnight, a daily stand-up for teams of
 * individual contributors, a leadership meeting for seniors, personal focus blocks, and
 * bookings that keep rooms busy.
 */
export function generateSeries(prng: Prng, input: CalendarInput): DemoSeries[] {
  const { people, reports, rooms, roomsByBuilding } = input;
  const series: DemoSeries[] = [];
  // Series ids only need to be unique within the organisation, so a counter does (and is cheap at 12,000 people).
  const add = (s: Omit<DemoSeries, 'id' | 'startDate'>) => series.push({ id: `series-${series.length + 1}`, startDate: SERIES_START_DATE, ...s });
  const roomFor = (buildingId: string, attendees: number): string | null => {
    const candidates = (roomsByBuilding.get(buildingId) ?? []).filter((i) => rooms[i]!.capacity! >= attendees && rooms[i]!.bookingType === 'standard');
    return candidates.length > 0 ? rooms[prng.pick(candidates)]!.id : null;
  };

  people.forEach((person, index) => {
    const team = reports[index]!;
    const timeZone = input.buildingTimeZone(person.buildingId);
    const id = person.user.id;
    if (team.length > 0) {
      const attendeeIds = [id, ...team.map((r) => people[r]!.user.id)];
      add({
        subject: `${person.user.department} team meeting`,
        organizerId: id,
        attendeeIds,
        roomId: roomFor(person.buildingId, attendeeIds.length),
        timeZone,
        startTime: prng.pick(MEETING_HOURS),
        durationMinutes: 60,
        daysOfWeek: [prng.pick(WEEKDAYS.slice(0, 4))],
        intervalWeeks: 1,
        showAs: 'busy',
        isPrivate: false,
      });
      for (const r of team) {
        add({
          subject: `1:1 ${person.user.givenName} / ${people[r]!.user.givenName}`,
          organizerId: id,
          attendeeIds: [id, people[r]!.user.id],
          roomId: null,
          timeZone,
          startTime: prng.pick(MEETING_HOURS),
          durationMinutes: 30,
          daysOfWeek: [prng.pick(WEEKDAYS)],
          intervalWeeks: prng.chance(0.6) ? 1 : 2,
          showAs: 'busy',
          isPrivate: true,
        });
      }
      const leafTeam = team.every((r) => reports[r]!.length === 0);
      if (leafTeam && team.length >= 3) {
        add({
          subject: 'Daily stand-up',
          organizerId: id,
          attendeeIds,
          roomId: null,
          timeZone,
          startTime: '09:15',
          durationMinutes: 15,
          daysOfWeek: [...WEEKDAYS],
          intervalWeeks: 1,
          showAs: 'busy',
          isPrivate: false,
        });
      }
    }
    const grade = Number(person.user.onPremisesExtensionAttributes.extensionAttribute1);
    const seniorBlocks = grade >= 9 ? 4 : grade >= 7 ? 2 : 1;
    for (let b = 0; b < seniorBlocks; b++) {
      const focus = b === 0;
      add({
        subject: focus ? 'Focus time' : prng.pick(['Customer review', 'Budget review', 'Strategy session', 'Hiring panel', 'Board preparation']),
        organizerId: id,
        attendeeIds: [id],
        roomId: null,
        timeZone,
        startTime: prng.pick(MEETING_HOURS),
        durationMinutes: focus ? 120 : prng.pick([30, 60, 90]),
        daysOfWeek: focus ? [prng.pick(WEEKDAYS), prng.pick(WEEKDAYS)].filter((d, i, all) => all.indexOf(d) === i) : [prng.pick(WEEKDAYS)],
        intervalWeeks: focus ? 1 : prng.int(1, 2),
        showAs: focus ? 'tentative' : 'busy',
        isPrivate: focus,
      });
    }
  });

  // Rooms are busy beyond the team meetings: workshops and interviews booked by someone in the building.
  const byBuilding = new Map<string, number[]>();
  people.forEach((p, i) => {
    const list = byBuilding.get(p.buildingId);
    if (list) list.push(i);
    else byBuilding.set(p.buildingId, [i]);
  });
  for (const [buildingId, roomIndexes] of roomsByBuilding) {
    const occupants = byBuilding.get(buildingId) ?? [];
    if (occupants.length === 0) continue;
    for (const r of roomIndexes) {
      for (let k = prng.int(2, 4); k > 0; k--) {
        const organizer = people[prng.pick(occupants)]!;
        add({
          subject: prng.pick(['Workshop', 'Interview', 'Project sync', 'Training', 'Client visit']),
          organizerId: organizer.user.id,
          attendeeIds: [organizer.user.id],
          roomId: rooms[r]!.id,
          timeZone: input.buildingTimeZone(buildingId),
          startTime: prng.pick(MEETING_HOURS),
          durationMinutes: prng.pick([60, 90, 120]),
          daysOfWeek: [prng.pick(WEEKDAYS)],
          intervalWeeks: prng.int(1, 2),
          showAs: 'busy',
          isPrivate: false,
        });
      }
    }
  }
  return series;
}
