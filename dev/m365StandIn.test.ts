import type { Event, MailboxSettings, Room, RoomList, ScheduleInformation, ScheduleItem, User } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from './demoOrg/personas';
import { GRAPH_RESOURCE } from './demoOrg/tenant';
import { CLIENT_ASSERTION_TYPE } from './identity/clientAssertion';
import { managedIdentityToken, TOKEN_EXCHANGE_AUDIENCE } from './identity/managedIdentity';
import { startM365StandIn } from './m365StandIn';
import type { M365StandIn } from './m365StandIn';

type Kind = 'string' | 'boolean' | 'number' | 'object' | 'array';
/** Property names and runtime kinds per Graph type; `satisfies` makes tsc reject any name the Graph types do not have. */
const userContract = {
  id: 'string', displayName: 'string', givenName: 'string', surname: 'string', mail: 'string', userPrincipalName: 'string',
  jobTitle: 'string', department: 'string', officeLocation: 'string', city: 'string', country: 'string', usageLocation: 'string',
  preferredLanguage: 'string', accountEnabled: 'boolean', employeeHireDate: 'string', businessPhones: 'array', mobilePhone: 'string',
  onPremisesExtensionAttributes: 'object', manager: 'object',
} satisfies { [K in keyof User]?: Kind };
const roomContract = {
  id: 'string', displayName: 'string', emailAddress: 'string', building: 'string', floorNumber: 'number', floorLabel: 'string', label: 'string',
  nickname: 'string', capacity: 'number', bookingType: 'string', tags: 'array', isWheelChairAccessible: 'boolean', audioDeviceName: 'string',
  videoDeviceName: 'string', displayDeviceName: 'string', phone: 'string', address: 'object',
} satisfies { [K in keyof Room]?: Kind };
const roomListContract = { id: 'string', displayName: 'string', emailAddress: 'string', address: 'object' } satisfies { [K in keyof RoomList]?: Kind };
const mailboxContract = { timeZone: 'string', language: 'object', dateFormat: 'string', timeFormat: 'string', userPurpose: 'string', workingHours: 'object' } satisfies { [K in keyof MailboxSettings]?: Kind };
const scheduleContract = { scheduleId: 'string', availabilityView: 'string', scheduleItems: 'array', workingHours: 'object', error: 'object' } satisfies { [K in keyof ScheduleInformation]?: Kind };
const scheduleItemContract = { isPrivate: 'boolean', status: 'string', subject: 'string', location: 'string', start: 'object', end: 'object' } satisfies { [K in keyof ScheduleItem]?: Kind };
const eventContract = {
  id: 'string', createdDateTime: 'string', lastModifiedDateTime: 'string', changeKey: 'string', categories: 'array', transactionId: 'string',
  originalStartTimeZone: 'string', originalEndTimeZone: 'string', iCalUId: 'string', reminderMinutesBeforeStart: 'number', isReminderOn: 'boolean',
  hasAttachments: 'boolean', subject: 'string', bodyPreview: 'string', importance: 'string', sensitivity: 'string', isAllDay: 'boolean',
  isCancelled: 'boolean', isOrganizer: 'boolean', responseRequested: 'boolean', seriesMasterId: 'string', showAs: 'string', type: 'string',
  webLink: 'string', onlineMeetingUrl: 'string', isOnlineMeeting: 'boolean', onlineMeetingProvider: 'string', allowNewTimeProposals: 'boolean',
  responseStatus: 'object', body: 'object', start: 'object', end: 'object', location: 'object', locations: 'array', attendees: 'array',
  organizer: 'object', onlineMeeting: 'object', recurrence: 'object', hideAttendees: 'boolean',
} satisfies { [K in keyof Event]?: Kind };

function expectContract(value: Record<string, unknown>, contract: Record<string, Kind>) {
  for (const [name, v] of Object.entries(value)) {
    if (name.startsWith('@odata.')) continue;
    expect({ name, known: name in contract }).toEqual({ name, known: true });
    if (v === null) continue;
    const kind = Array.isArray(v) ? 'array' : typeof v;
    expect({ name, kind }).toEqual({ name, kind: contract[name] });
  }
}

let standIn: M365StandIn;
let appToken: string;
const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;

beforeAll(async () => {
  standIn = await startM365StandIn({ port: 0, seed: 'http-tests', size: 300 });
  appToken = await standIn.issueAppToken();
});
afterAll(() => standIn.stop());

async function graph(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string } = {}) {
  const res = await fetch(`${standIn.graphBaseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${init.token ?? appToken}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  // Wire-format JSON read field by field; the contract checks above hold the shapes to Graph's types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as Record<string, any> };
}

describe('authentication', () => {
  it('answers /me for a delegated Graph token, from its oid', async () => {
    const token = await standIn.issueToken(leader, { audience: GRAPH_RESOURCE });
    const me = await graph('/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: leader, displayName: 'Catherine Adeyemi' });
    expectContract(me.body, userContract);
  });

  it('refuses /me for an app-only token, a missing token and a token for Upward rather than Graph, in Graph error shape', async () => {
    const app = await graph('/me');
    expect(app.status).toBe(400);
    const missing = await fetch(`${standIn.graphBaseUrl}/me`);
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toEqual(expect.any(String));
    const upwardToken = await standIn.issueToken(leader);
    expect((await graph('/me', { token: upwardToken })).status).toBe(401);
  });

  it('exchanges an Upward token on behalf of the user at the token endpoint for a token Graph accepts', async () => {
    const res = await fetch(`${standIn.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: standIn.clientId,
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: await managedIdentityToken(standIn.managedIdentity.environment, standIn.managedIdentity.clientId, TOKEN_EXCHANGE_AUDIENCE),
        assertion: await standIn.issueToken(mentor),
        scope: `${GRAPH_RESOURCE}/.default`,
      }),
    });
    const { access_token } = (await res.json()) as { access_token: string };
    expect((await graph('/me', { token: access_token })).body.id).toBe(mentor);
  });
});

describe('users', () => {
  it('returns default properties without $select and only the selected ones with it', async () => {
    const all = await graph('/users');
    expect(all.body.value).toHaveLength(100);
    expect(Object.keys(all.body.value[0]).sort()).toEqual(['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName']);
    expect(all.body['@odata.nextLink']).toContain(`${standIn.graphBaseUrl}/users?`);
    const selected = await graph('/users?$select=id,department,onPremisesExtensionAttributes&$top=5');
    expect(Object.keys(selected.body.value[0]).sort()).toEqual(['department', 'id', 'onPremisesExtensionAttributes']);
    for (const u of selected.body.value) expectContract(u, userContract);
  });

  it('filters with eq, startswith and in', async () => {
    const sales = await graph(`/users?$filter=${encodeURIComponent("department eq 'People'")}&$select=department&$top=999`);
    expect(sales.body.value.length).toBeGreaterThan(0);
    expect(sales.body.value.every((u: User) => u.department === 'People')).toBe(true);
    const cath = await graph(`/users?$filter=${encodeURIComponent("startswith(displayName,'catherine a')")}`);
    expect(cath.body.value.map((u: User) => u.id)).toContain(leader);
    const both = await graph(`/users?$filter=${encodeURIComponent(`id in ('${leader}', '${mentor}')`)}`);
    expect(both.body.value).toHaveLength(2);
  });

  it('refuses $top above 999 and unknown properties with Graph errors', async () => {
    expect((await graph('/users?$top=1000')).status).toBe(400);
    const unknown = await graph('/users?$select=favouriteColour');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('Request_BadRequest');
  });

  it('expands the whole management chain with $levels=max only with ConsistencyLevel: eventual', async () => {
    const path = `/users/${mentor}?$select=id&$expand=manager($levels=max;$select=id,displayName)`;
    const refused = await graph(path);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('Request_UnsupportedQuery');
    const chain = await graph(path, { headers: { ConsistencyLevel: 'eventual' } });
    const ids: string[] = [];
    for (let m = chain.body.manager; m; m = m.manager) ids.push(m.id);
    const expected: string[] = [];
    for (let m = standIn.org.byId.get(mentor)!.managerId; m; m = standIn.org.byId.get(m)!.managerId) expected.push(m);
    expect(ids).toEqual(expected);
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });

  it('serves manager, direct reports, mailbox settings and photos', async () => {
    const manager = await graph(`/users/${leader}/manager`);
    expect(manager.body['@odata.type']).toBe('#microsoft.graph.user');
    const reports = await graph(`/users/${leader}/directReports`);
    expect(reports.body.value.length).toBeGreaterThanOrEqual(3);
    const ceo = standIn.org.people.find((p) => p.user.jobTitle === 'Chief Executive Officer')!;
    expect((await graph(`/users/${ceo.user.id}/manager`)).status).toBe(404);
    const settings = await graph(`/users/${mentor}/mailboxSettings`);
    expectContract(settings.body, mailboxContract);
    expect(settings.body.timeZone).toBe('GMT Standard Time');
    const photo = await fetch(`${standIn.graphBaseUrl}/users/${DEMO_PERSONAS.programmeAdmin.id}/photo/$value`, { headers: { authorization: `Bearer ${appToken}` } });
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('users/delta', () => {
  it('pages the first round to a delta link, then reports a manager change with manager@delta', async () => {
    let url: string | undefined = `${standIn.graphBaseUrl}/users/delta?$select=id,displayName,manager`;
    let deltaLink: string | undefined;
    let count = 0;
    while (url) {
      const page = await graph(url.slice(standIn.graphBaseUrl.length), { headers: { Prefer: 'odata.maxpagesize=120' } });
      count += page.body.value.length;
      url = page.body['@odata.nextLink'];
      deltaLink = page.body['@odata.deltaLink'];
    }
    expect(count).toBe(300);
    expect((await graph(deltaLink!.slice(standIn.graphBaseUrl.length))).body.value).toEqual([]);

    const admin = await fetch(`${standIn.url}/_standin/users/${mentor}/manager`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ managerId: leader }) });
    expect(admin.status).toBe(204);
    const changes = await graph(deltaLink!.slice(standIn.graphBaseUrl.length));
    expect(changes.body.value).toEqual([{ id: mentor, displayName: 'Jun Park', 'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: leader }] }]);
    expect(changes.body['@odata.deltaLink']).toEqual(expect.any(String));
    expect((await graph(`/users/${mentor}/manager`)).body.id).toBe(leader);
  });
});

describe('places', () => {
  it('lists rooms and room lists, and the rooms of a list', async () => {
    const rooms = await graph('/places/microsoft.graph.room?$top=999');
    expect(rooms.body.value.length).toBe(standIn.org.rooms.length);
    for (const r of rooms.body.value) expectContract(r, roomContract);
    expect(rooms.body.value.some((r: Room) => r.tags?.includes('executive'))).toBe(true);
    const lists = await graph('/places/microsoft.graph.roomlist');
    for (const l of lists.body.value) expectContract(l, roomListContract);
    const inList = await graph(`/places/${encodeURIComponent(lists.body.value[0].emailAddress)}/microsoft.graph.roomlist/rooms`);
    expect(inList.body.value.length).toBe(standIn.org.roomLists[0]!.roomIds.length);
  });
});

describe('calendar', () => {
  const mail = (id: string) => standIn.org.byId.get(id)!.user.mail;
  const window = { startTime: { dateTime: '2025-06-02T08:00:00', timeZone: 'GMT Standard Time' }, endTime: { dateTime: '2025-06-02T18:00:00', timeZone: 'GMT Standard Time' } };

  it('returns free/busy in the Prefer: outlook.timezone zone with an availability view per interval', async () => {
    const res = await graph(`/users/${leader}/calendar/getSchedule`, {
      method: 'POST',
      headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' },
      body: { schedules: [mail(leader), standIn.org.rooms[0]!.emailAddress, 'nobody@example.com'], ...window, availabilityViewInterval: 30 },
    });
    expect(res.status).toBe(200);
    const [person, room, unknown] = res.body.value as ScheduleInformation[];
    expect(person!.availabilityView).toHaveLength(20);
    expect(person!.availabilityView).toMatch(/[12]/);
    expectContract(person as Record<string, unknown>, scheduleContract);
    for (const item of person!.scheduleItems!) {
      expectContract(item as Record<string, unknown>, scheduleItemContract);
      expect(item.start!.timeZone).toBe('W. Europe Standard Time');
    }
    expect(room!.workingHours).toBeTruthy();
    expect(unknown!.error?.responseCode).toBe('ErrorMailRecipientNotFound');
  });

  it('refuses more than 20 schedules in one call', async () => {
    const schedules = standIn.org.people.slice(0, 21).map((p) => p.user.mail);
    const res = await graph(`/users/${leader}/calendar/getSchedule`, { method: 'POST', body: { schedules, ...window } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/20/);
  });

  it('books one event when the same request is retried with the same transactionId, with a Teams link and the room answering after the create', async () => {
    const room = standIn.org.rooms.find((r) => r.bookingType === 'standard')!;
    const request = {
      subject: 'Upward session',
      sensitivity: 'private',
      start: { dateTime: '2030-03-05T15:00:00', timeZone: 'GMT Standard Time' },
      end: { dateTime: '2030-03-05T16:00:00', timeZone: 'GMT Standard Time' },
      attendees: [
        { type: 'required', emailAddress: { address: mail(mentor), name: 'Jun Park' } },
        { type: 'resource', emailAddress: { address: room.emailAddress } },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'booking-123',
    };
    const first = await graph(`/users/${leader}/events`, { method: 'POST', body: request });
    const second = await graph(`/users/${leader}/events`, { method: 'POST', body: request });
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(standIn.eventCount(leader)).toBe(1);
    expectContract(first.body, eventContract);
    expect(first.body.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    // Exchange's Resource Booking Attendant answers later: the create's answer has no response from the room.
    expect(first.body.attendees.find((a: { type: string }) => a.type === 'resource').status.response).toBe('none');
    expect(first.body.start).toEqual({ dateTime: '2030-03-05T15:00:00.0000000', timeZone: 'UTC' });

    const busy = await graph(`/users/${leader}/calendar/getSchedule`, {
      method: 'POST',
      body: { schedules: [room.emailAddress], startTime: request.start, endTime: request.end, availabilityViewInterval: 60 },
    });
    expect(busy.body.value[0].availabilityView).toBe('2');
    const read = await graph(`/users/${leader}/events/${first.body.id}`);
    expect(read.body.attendees.find((a: { type: string }) => a.type === 'resource').status.response).toBe('accepted');
  });

  it('gets, updates and cancels an event; a delegated token cannot write to another mailbox', async () => {
    const token = await standIn.issueToken(leader, { audience: GRAPH_RESOURCE });
    const body = { subject: 'Check-in', start: { dateTime: '2030-04-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2030-04-01T10:30:00', timeZone: 'UTC' } };
    expect((await graph(`/users/${mentor}/events`, { method: 'POST', body, token })).status).toBe(403);
    const created = await graph('/me/events', { method: 'POST', body, token });
    const path = `/me/events/${created.body.id}`;
    expect((await graph(path, { token })).body.subject).toBe('Check-in');
    expect((await graph(path, { method: 'PATCH', body: { subject: 'Moved' }, token })).body.subject).toBe('Moved');
    expect((await graph(`${path}/cancel`, { method: 'POST', body: { comment: 'sorry' }, token })).status).toBe(202);
    const gone = await graph(path, { token });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('ErrorItemNotFound');
  });

  it('lists a calendar view of the window: events with their transactionId and series occurrences, paged, without cancelled ones', async () => {
    const transactionId = '4c1e0d2a-6b1f-4a57-9d0e-0f3b2c9a1e77';
    const at = (time: string) => ({ dateTime: `2030-05-07T${time}`, timeZone: 'UTC' });
    const invite = { subject: 'Upward session', start: at('13:00:00'), end: at('14:00:00'), attendees: [{ type: 'required', emailAddress: { address: standIn.org.byId.get(mentor)!.user.mail } }], transactionId };
    const created = await graph(`/users/${leader}/events`, { method: 'POST', body: invite });
    await graph(`/users/${leader}/events`, { method: 'POST', body: { ...invite, transactionId: undefined, start: at('16:00:00'), end: at('17:00:00') } });
    const window = 'startDateTime=2030-05-07T00:00:00Z&endDateTime=2030-05-08T00:00:00Z';

    const listed: Record<string, unknown>[] = [];
    let next: string | undefined = `/users/${leader}/calendarView?${window}&$top=2`;
    while (next) {
      const page = await graph(next.replace(standIn.graphBaseUrl, ''));
      expect(page.status).toBe(200);
      listed.push(...page.body.value);
      next = page.body['@odata.nextLink'];
    }
    for (const item of listed) expectContract(item, eventContract);
    expect(listed.filter((e) => e.transactionId === transactionId).map((e) => e.id)).toEqual([created.body.id]);
    expect(listed.some((e) => e.type === 'occurrence')).toBe(true);
    expect(listed.every((e) => Date.parse(`${(e.start as { dateTime: string }).dateTime}Z`) < Date.parse('2030-05-08T00:00:00Z'))).toBe(true);

    const selected = await graph(`/users/${leader}/calendarView?${window}&$select=transactionId`);
    expect(Object.keys(selected.body.value[0]).sort()).toEqual(['@odata.etag', 'id', 'transactionId']);
    expect((await graph(`/users/${leader}/calendarView?startDateTime=2030-05-07T00:00:00Z`)).body.error.code).toBe('ErrorInvalidParameter');

    expect((await graph(`/users/${leader}/events/${created.body.id}/cancel`, { method: 'POST', body: { comment: 'Not happening.' } })).status).toBe(202);
    expect(standIn.cancellations(leader).at(-1)).toMatchObject({ eventId: created.body.id, transactionId, to: [standIn.org.byId.get(mentor)!.user.mail.toLowerCase()], comment: 'Not happening.' });
    const after = await graph(`/users/${leader}/calendarView?${window}&$top=100`);
    expect(after.body.value.some((e: Record<string, unknown>) => e.transactionId === transactionId)).toBe(false);
  });
});

describe('teamwork, batch limits and faults', () => {
  it('installs the bot for a user once (201), then answers 409', async () => {
    const body = { 'teamsApp@odata.bind': `${GRAPH_RESOURCE}/v1.0/appCatalogs/teamsApps/app-123` };
    expect((await graph(`/users/${mentor}/teamwork/installedApps`, { method: 'POST', body })).status).toBe(201);
    expect((await graph(`/users/${mentor}/teamwork/installedApps`, { method: 'POST', body })).status).toBe(409);
    const listed = await graph(`/users/${mentor}/teamwork/installedApps?$filter=${encodeURIComponent("teamsApp/id eq 'app-123'")}`);
    const chat = await graph(`/users/${mentor}/teamwork/installedApps/${listed.body.value[0].id}/chat`);
    expect(chat.body.id).toMatch(/^19:/);
  });

  it("keeps what the bot sent in the person's chat with it, listed newest first with Graph's date filter and paging", async () => {
    const person = DEMO_PERSONAS.seniorLeader.id;
    expect(standIn.teamsChats.install(person, 'app-chat')).not.toBeNull();
    const t0 = Date.parse('2026-11-01T09:00:00Z');
    for (let i = 0; i < 53; i++) {
      standIn.teamsChats.postFromBot(person, 'app-chat', { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', id: `card-${i}` } }] }, new Date(t0 + i * 60_000));
    }
    const listed = await graph(`/users/${person}/teamwork/installedApps?$filter=${encodeURIComponent("teamsApp/id eq 'app-chat'")}`);
    const chatId = (await graph(`/users/${person}/teamwork/installedApps/${listed.body.value[0].id}/chat`)).body.id as string;
    const messages = `/chats/${encodeURIComponent(chatId)}/messages`;

    const first = await graph(`${messages}?$top=50`);
    expect(first.body.value).toHaveLength(50);
    expect(JSON.parse(first.body.value[0].attachments[0].content).id).toBe('card-52');
    expect(first.body.value[0].from.application.id).toBe('app-chat');
    const rest = await graph(first.body['@odata.nextLink'].slice(standIn.graphBaseUrl.length));
    expect(rest.body.value.map((m: { attachments: { content: string }[] }) => JSON.parse(m.attachments[0]!.content).id)).toEqual(['card-2', 'card-1', 'card-0']);

    const since = encodeURIComponent(`lastModifiedDateTime gt ${new Date(t0 + 50 * 60_000).toISOString()}`);
    expect((await graph(`${messages}?$orderby=lastModifiedDateTime desc&$filter=${since}`)).body.value).toHaveLength(2);
    // As Graph does, the filter is ignored unless the order is by the same property.
    expect((await graph(`${messages}?$orderby=createdDateTime desc&$filter=${since}`)).body.value).toHaveLength(20);
    expect((await graph(`${messages}?$orderby=lastModifiedDateTime desc&$filter=${encodeURIComponent('createdDateTime gt 2026-01-01T00:00:00Z')}`)).status).toBe(400);
    // Someone else may not read the chat, even with Chat.Read (Graph's delegated permission for it); a chat that does not exist is 404.
    expect((await graph(messages, { token: await standIn.issueToken(mentor, { audience: GRAPH_RESOURCE, scopes: ['Chat.Read'] }) })).status).toBe(403);
    expect((await graph(messages, { token: await standIn.issueToken(person, { audience: GRAPH_RESOURCE, scopes: ['Chat.Read'] }) })).status).toBe(200);
    expect((await graph(`/chats/${encodeURIComponent('19:nobody_app@unq.gbl.spaces')}/messages`)).status).toBe(404);
  });

  it('refuses a batch of more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    expect((await graph('/$batch', { method: 'POST', body: { requests } })).status).toBe(400);
  });

  it('injects a 503 through the admin API and counts requests per path', async () => {
    await fetch(`${standIn.url}/_standin/stats`, { method: 'DELETE' });
    const rule = await fetch(`${standIn.url}/_standin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '^/places/', status: 503, count: 1 }) });
    expect(rule.status).toBe(201);
    const failed = await graph('/places/microsoft.graph.room');
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('ServiceUnavailable');
    expect((await graph('/places/microsoft.graph.room')).status).toBe(200);
    const stats = (await (await fetch(`${standIn.url}/_standin/stats`)).json()) as { httpRequests: number; byPath: Record<string, number> };
    expect(stats.httpRequests).toBe(2);
    expect(stats.byPath['GET /places/microsoft.graph.room']).toBe(2);
  });
});
