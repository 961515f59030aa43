import { DEMO_PERSONAS } from '../demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../m365StandIn';

let standIn: M365StandIn;

beforeAll(async () => {
  standIn = await startM365StandIn({ port: 0, seed: 'strict', size: 60 });
});
afterAll(() => standIn.stop());

const leader = DEMO_PERSONAS.seniorLeader.id;

async function graph(method: string, path: string, body?: unknown, roles?: readonly string[]) {
  const token = await standIn.issueAppToken(roles ? { roles } : {});
  const response = await fetch(`${standIn.graphBaseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as { error?: { code?: string }; responses?: { id: string; status: number }[] } | null };
}

// Each rule is one a lenient stand-in (the one before this test) broke: it answered 2xx, 404 or 500.
describe('the Graph stand-in refuses what Graph refuses', () => {
  it('answers 400 ErrorInvalidIdMalformed for an event id that is not an Outlook id, and 404 for a well-formed unknown one', async () => {
    expect(await graph('GET', `/users/${leader}/events/not%20an%20id`)).toMatchObject({ status: 400, body: { error: { code: 'ErrorInvalidIdMalformed' } } });
    expect(await graph('PATCH', `/users/${leader}/events/x1`, { subject: 'x' })).toMatchObject({ status: 400, body: { error: { code: 'ErrorInvalidIdMalformed' } } });
    expect(await graph('GET', `/users/${leader}/events/AAMkAGAAAAAAAAAAAAAAAAAAAAAAAAAA`)).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
  });

  it('honours $select on an event: the fields asked for, with its id and OData annotations, and nothing else', async () => {
    const created = await graph('POST', `/users/${leader}/events`, {
      subject: 'Selected',
      start: { dateTime: '2030-02-04T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-02-04T10:30:00', timeZone: 'UTC' },
      attendees: [],
    });
    const id = (created.body as unknown as { id: string }).id;
    const read = (await graph('GET', `/users/${leader}/events/${id}?$select=subject,start`)).body as unknown as Record<string, unknown>;
    expect(Object.keys(read).filter((key) => !key.startsWith('@odata.')).sort()).toEqual(['id', 'start', 'subject']);
    expect(read.subject).toBe('Selected');
  });

  it('answers 405 for a method a known resource does not support, and 400 for an unknown resource', async () => {
    expect(await graph('PUT', `/users/${leader}`, { displayName: 'x' })).toMatchObject({ status: 405 });
    expect(await graph('DELETE', '/places/microsoft.graph.room')).toMatchObject({ status: 405 });
    expect(await graph('POST', `/users/${leader}/mailboxSettings`, {})).toMatchObject({ status: 405 });
    expect((await graph('GET', `/users/${leader}/mailboxSettings`)).status).toBe(200);
    expect(await graph('GET', '/no/such/resource')).toMatchObject({ status: 400 });
  });

  it('reads $batch step headers case-insensitively (Content-Type, as the docs write it) and refuses a body without a content type', async () => {
    const step = (headers: Record<string, string> | undefined) => ({
      requests: [
        {
          id: '1',
          method: 'POST',
          url: `/users/${leader}/calendar/getSchedule`,
          ...(headers ? { headers } : {}),
          body: { schedules: [standIn.org.byId.get(leader)!.user.mail], startTime: { dateTime: '2030-01-07T09:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2030-01-07T17:00:00', timeZone: 'UTC' } },
        },
      ],
    });
    const documented = await graph('POST', '/$batch', step({ 'Content-Type': 'application/json' }));
    expect(documented.status).toBe(200);
    expect(documented.body?.responses).toEqual([expect.objectContaining({ id: '1', status: 200 })]);
    expect(await graph('POST', '/$batch', step(undefined))).toMatchObject({ status: 400, body: { error: { code: 'BadRequest' } } });
  });

  it('treats attendees as Graph does on PATCH: known types and addresses only, the collection replaced, Calendars.ReadWrite needed', async () => {
    const person = (i: number) => standIn.org.people[40 + i]!.user;
    const attendee = (i: number, type: string) => ({ type, emailAddress: { address: person(i).mail, name: person(i).displayName } });
    const created = await graph('POST', `/users/${leader}/events`, {
      subject: 'Weekly review',
      start: { dateTime: '2030-03-04T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-03-04T11:00:00', timeZone: 'UTC' },
      attendees: [attendee(0, 'required'), attendee(1, 'required')],
    });
    const id = (created.body as unknown as { id: string }).id;
    const invited = async () => ((await graph('GET', `/users/${leader}/events/${id}?$select=attendees`)).body as unknown as { attendees: { type: string; emailAddress: { address: string } }[] }).attendees.map((a) => [a.emailAddress.address, a.type]);

    expect(await graph('PATCH', `/users/${leader}/events/${id}`, { attendees: [attendee(0, 'required'), attendee(2, 'guest')] })).toMatchObject({ status: 400 });
    expect(await graph('PATCH', `/users/${leader}/events/${id}`, { attendees: [{ type: 'optional', emailAddress: { name: 'No address' } }] })).toMatchObject({ status: 400, body: { error: { code: 'ErrorInvalidRecipients' } } });
    expect(await graph('PATCH', `/users/${leader}/events/${id}`, { attendees: [attendee(2, 'optional')] }, ['Calendars.Read'])).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
    expect(await invited()).toEqual([[person(0).mail, 'required'], [person(1).mail, 'required']]);

    // Whoever is not sent again is uninvited: the collection is replaced, not merged.
    expect((await graph('PATCH', `/users/${leader}/events/${id}`, { attendees: [attendee(1, 'required'), attendee(2, 'optional')] })).status).toBe(200);
    expect(await invited()).toEqual([[person(1).mail, 'required'], [person(2).mail, 'optional']]);
    expect(standIn.meetingUpdates(leader).filter((u) => u.eventId === id).map((u) => u.to)).toEqual([[person(2).mail.toLowerCase()]]);
  });

  it('returns an installation\'s app only when $expand names it, and refuses a filter or expansion it does not take rather than listing every app', async () => {
    standIn.teamsChats.install(leader, 'app-expand');
    const plain = (await graph('GET', `/users/${leader}/teamwork/installedApps`)).body as unknown as { value: Record<string, unknown>[] };
    expect(plain.value.map((installation) => Object.keys(installation))).toEqual([['id']]);
    const filter = encodeURIComponent("teamsApp/id eq 'app-expand'");
    const expanded = (await graph('GET', `/users/${leader}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`)).body as unknown as { value: { teamsApp: { id: string } }[] };
    expect(expanded.value.map((installation) => installation.teamsApp.id)).toEqual(['app-expand']);
    expect(await graph('GET', `/users/${leader}/teamwork/installedApps?$filter=${encodeURIComponent("teamsApp/displayName eq 'Upward'")}`)).toMatchObject({ status: 400, body: { error: { code: 'BadRequest' } } });
    expect(await graph('GET', `/users/${leader}/teamwork/installedApps?$expand=chat`)).toMatchObject({ status: 400, body: { error: { code: 'BadRequest' } } });
  });
});
