import { DEMO_PERSONAS } from '../demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../m365StandIn';

let standIn: M365StandIn;

beforeAll(async () => {
  standIn = await startM365StandIn({ port: 0, seed: 'recurrence', size: 60 });
});
afterAll(() => standIn.stop());

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const mailOf = (id: string) => standIn.org.byId.get(id)!.user.mail;

interface Answer {
  status: number;
  body: Record<string, unknown> & { value?: Record<string, unknown>[]; error?: { code: string } };
}

async function graph(method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${standIn.graphBaseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${await standIn.issueAppToken()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
}

/**
 * A one-hour meeting of Catherine's with Jun at 09:00 UTC, starting on its range's start date
 * (Graph asks for the two to be the same), Monday 7 January 2030 when it has no recurrence.
 */
const weekly = (recurrence: Record<string, unknown> & { range: Record<string, unknown> & { startDate: string } } | null) => {
  const day = recurrence?.range.startDate ?? '2030-01-07';
  return {
    subject: 'Leadership sync',
    start: { dateTime: `${day}T09:00:00`, timeZone: 'UTC' },
    end: { dateTime: `${day}T10:00:00`, timeZone: 'UTC' },
    attendees: [{ type: 'required', emailAddress: { address: mailOf(mentor), name: 'Jun' } }],
    recurrence,
  };
};
const everyMonday = { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { type: 'endDate', startDate: '2030-01-07', endDate: '2030-01-28' } };

const viewOf = async (user: string, from: string, to: string) => (await graph('GET', `/users/${user}/calendarView?startDateTime=${from}&endDateTime=${to}&$top=100`)).body.value!;

describe('recurring events in the Graph stand-in', () => {
  it('keeps the recurrence of a created event (Outlook’s shape) and marks it the series master', async () => {
    const created = await graph('POST', `/users/${leader}/events`, weekly(everyMonday));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'seriesMaster',
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday', index: 'first', month: 0, dayOfMonth: 0 },
        range: { type: 'endDate', startDate: '2030-01-07', endDate: '2030-01-28', recurrenceTimeZone: 'UTC', numberOfOccurrences: 0 },
      },
    });
    const read = await graph('GET', `/users/${leader}/events/${created.body.id as string}`);
    expect(read.body).toMatchObject({ type: 'seriesMaster', recurrence: { pattern: { type: 'weekly' } } });
  });

  it('lists occurrences in calendarView, never the master: each an occurrence pointing to its series, inside the range only', async () => {
    const created = await graph('POST', `/users/${leader}/events`, weekly({ ...everyMonday, range: { ...everyMonday.range, startDate: '2030-02-04', endDate: '2030-02-18' } }));
    const masterId = created.body.id as string;
    const view = (await viewOf(leader, '2030-02-01T00:00:00Z', '2030-03-01T00:00:00Z')).filter((item) => item.seriesMasterId === masterId || item.id === masterId);
    expect(view.map((item) => [item.type, (item.start as { dateTime: string }).dateTime.slice(0, 16)])).toEqual([
      ['occurrence', '2030-02-04T09:00'],
      ['occurrence', '2030-02-11T09:00'],
      ['occurrence', '2030-02-18T09:00'],
    ]);
    expect(new Set(view.map((item) => item.id)).size).toBe(3);
    expect(view.every((item) => item.id !== masterId && item.recurrence === null)).toBe(true);
  });

  it('counts a numbered daily range from its start, whatever the window asked for', async () => {
    const created = await graph('POST', `/users/${leader}/events`, {
      ...weekly(null),
      subject: 'Stand-up',
      start: { dateTime: '2030-04-01T15:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-04-01T15:30:00', timeZone: 'UTC' },
      recurrence: { pattern: { type: 'daily', interval: 2 }, range: { type: 'numbered', startDate: '2030-04-01', numberOfOccurrences: 4 } },
    });
    const masterId = created.body.id as string;
    const days = (await viewOf(leader, '2030-04-04T00:00:00Z', '2030-04-30T00:00:00Z')).filter((item) => item.seriesMasterId === masterId).map((item) => (item.start as { dateTime: string }).dateTime.slice(0, 10));
    // Occurrences 1 April, 3, 5, 7: the window from the 4th sees the last two.
    expect(days).toEqual(['2030-04-05', '2030-04-07']);
  });

  it('shows an occurrence as busy in getSchedule, for the organizer and the attendee', async () => {
    await graph('POST', `/users/${leader}/events`, weekly({ ...everyMonday, range: { ...everyMonday.range, startDate: '2030-05-06', endDate: '2030-05-31' } }));
    const schedule = await graph('POST', `/users/${leader}/calendar/getSchedule`, {
      schedules: [mailOf(leader), mailOf(mentor)],
      startTime: { dateTime: '2030-05-13T08:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2030-05-13T11:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 60,
    });
    const views = schedule.body.value!.map((item) => item.availabilityView as string);
    // Hours from 08:00: the 09:00 hour is the series' second occurrence (the master itself is on 6 May).
    for (const view of views) expect(view[1]).toBe('2');
  });

  it('refuses a recurrence Outlook refuses, and leaves the event as it was when a change is refused', async () => {
    expect(await graph('POST', `/users/${leader}/events`, weekly({ pattern: { type: 'weekly', interval: 1 }, range: everyMonday.range }))).toMatchObject({ status: 400, body: { error: { code: 'ErrorInvalidRequest' } } });
    expect(await graph('POST', `/users/${leader}/events`, weekly({ ...everyMonday, range: { type: 'endDate', startDate: '2030-01-07', endDate: '2029-12-31' } }))).toMatchObject({ status: 400 });
    expect(await graph('POST', `/users/${leader}/events`, weekly({ ...everyMonday, pattern: { type: 'weekly', interval: 0, daysOfWeek: ['monday'] } }))).toMatchObject({ status: 400 });
    expect(await graph('POST', `/users/${leader}/events`, weekly({ pattern: everyMonday.pattern, range: { type: 'numbered', startDate: '2030-01-07' } }))).toMatchObject({ status: 400 });
    const single = await graph('POST', `/users/${leader}/events`, weekly(null));
    const id = single.body.id as string;
    expect(await graph('PATCH', `/users/${leader}/events/${id}`, { subject: 'Renamed', recurrence: { pattern: { type: 'weekly', interval: 1 }, range: everyMonday.range } })).toMatchObject({ status: 400 });
    expect((await graph('GET', `/users/${leader}/events/${id}`)).body).toMatchObject({ subject: 'Leadership sync', type: 'singleInstance', recurrence: null });
  });
});
