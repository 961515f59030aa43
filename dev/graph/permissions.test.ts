import { DEMO_PERSONAS } from '../demoOrg/personas';
import { GRAPH_RESOURCE } from '../demoOrg/tenant';
import { startM365StandIn, type M365StandIn } from '../m365StandIn';
import { OPERATION_PERMISSIONS, operationOf } from './permissions';

let standIn: M365StandIn;

beforeAll(async () => {
  standIn = await startM365StandIn({ port: 0, seed: 'permissions', size: 60 });
});
afterAll(() => standIn.stop());

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const slot = { start: { dateTime: '2030-06-03T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2030-06-03T10:30:00', timeZone: 'UTC' } };

interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: Record<string, unknown> };
}

async function call(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${standIn.graphBaseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') && text ? (JSON.parse(text) as GraphErrorBody) : {};
  return { status: response.status, body: json };
}

const delegated = (userId: string, scopes: string[]) => standIn.issueToken(userId, { audience: GRAPH_RESOURCE, scopes });

describe('the Graph stand-in checks the permissions Graph requires for each operation', () => {
  it('refuses a delegated token with only User.Read listing users, creating events and reading another mailbox, in Graph’s words', async () => {
    const token = await delegated(leader, ['User.Read']);
    const users = await call(token, 'GET', '/users?$top=5');
    expect(users).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
    expect(users.body.error?.innerError).toEqual({ date: expect.any(String), 'request-id': expect.any(String), 'client-request-id': expect.any(String) });
    expect(await call(token, 'POST', '/me/events', { subject: 'x', ...slot })).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
    expect(await call(token, 'GET', `/users/${mentor}/mailboxSettings`)).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
    // User.Read still reads the signed-in person: the refusals are the permission's, not a blanket 403.
    expect((await call(token, 'GET', '/me')).status).toBe(200);
    expect((await call(token, 'GET', `/users/${leader}`)).status).toBe(200);
    expect(await call(token, 'GET', `/users/${mentor}`)).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
  });

  it('keeps a delegated mailbox permission to the signed-in person’s own mailbox', async () => {
    const token = await delegated(leader, ['MailboxSettings.Read']);
    expect((await call(token, 'GET', '/me/mailboxSettings')).status).toBe(200);
    expect(await call(token, 'GET', `/users/${mentor}/mailboxSettings`)).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
  });

  it('refuses an app token without Calendars.ReadWrite creating events, while Calendars.Read still reads the calendar', async () => {
    const token = await standIn.issueAppToken({ roles: ['Calendars.Read'] });
    expect(await call(token, 'POST', `/users/${leader}/events`, { subject: 'x', ...slot })).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
    expect((await call(token, 'GET', `/users/${leader}/calendarView?startDateTime=2030-06-03T00:00:00Z&endDateTime=2030-06-04T00:00:00Z`)).status).toBe(200);
    expect(await call(token, 'GET', `/users/${leader}/mailboxSettings`)).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
    expect(await call(token, 'GET', '/users?$top=1')).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
  });

  it('answers a Teams operation without its permission with Forbidden naming the permissions it needs', async () => {
    const token = await standIn.issueAppToken({ roles: ['User.Read.All'] });
    const refused = await call(token, 'POST', `/users/${mentor}/teamwork/installedApps`, { 'teamsApp@odata.bind': `${GRAPH_RESOURCE}/v1.0/appCatalogs/teamsApps/app-perm` });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'Forbidden' } } });
    expect(refused.body.error?.message).toContain('TeamsAppInstallation.ReadWriteForUser.All');
  });

  it('lets the app read a chat through the resource-specific grant its installation gives, and a person only with Chat.Read', async () => {
    expect(standIn.teamsChats.install(leader, 'app-rsc')).not.toBeNull();
    const read = async (path: string) => (await fetch(`${standIn.graphBaseUrl}${path}`, { headers: { authorization: `Bearer ${await standIn.issueAppToken()}` } })).json();
    const listed = (await read(`/users/${leader}/teamwork/installedApps?$filter=${encodeURIComponent("teamsApp/id eq 'app-rsc'")}`)) as { value: { id: string }[] };
    const chatId = ((await read(`/users/${leader}/teamwork/installedApps/${listed.value[0]!.id}/chat`)) as { id: string }).id;
    const messages = `/chats/${encodeURIComponent(chatId)}/messages`;
    expect((await call(await standIn.issueAppToken(), 'GET', messages)).status).toBe(200);
    expect(await call(await delegated(leader, ['User.Read']), 'GET', messages)).toMatchObject({ status: 403, body: { error: { code: 'Forbidden' } } });
    expect((await call(await delegated(leader, ['Chat.Read']), 'GET', messages)).status).toBe(200);
  });

  it("reaches every operation Upward calls with the permissions of Upward's own registration", async () => {
    const app = await standIn.issueAppToken();
    const person = await standIn.issueToken(leader, { audience: GRAPH_RESOURCE });
    const room = standIn.org.rooms[0]!;
    const window = 'startDateTime=2030-06-03T00:00:00Z&endDateTime=2030-06-04T00:00:00Z';
    const schedule = { schedules: [room.emailAddress], startTime: slot.start, endTime: slot.end };
    const appCalls: [string, string, unknown?][] = [
      ['GET', `/users?$filter=${encodeURIComponent(`id in ('${leader}')`)}&$select=id,displayName`],
      ['GET', `/users/${leader}?$select=id&$expand=manager($select=id)`],
      ['GET', '/users/delta?$select=id,manager'],
      ['GET', `/users/${leader}/mailboxSettings`],
      ['GET', `/users/${leader}/photo`],
      ['GET', '/places/microsoft.graph.room?$top=5'],
      ['POST', `/users/${leader}/calendar/getSchedule`, schedule],
      ['GET', `/users/${leader}/calendarView?${window}`],
      ['POST', `/users/${leader}/events`, { subject: 'Upward', ...slot }],
      ['POST', `/users/${mentor}/teamwork/installedApps`, { 'teamsApp@odata.bind': `${GRAPH_RESOURCE}/v1.0/appCatalogs/teamsApps/app-own` }],
    ];
    const appStatuses = await Promise.all(appCalls.map(async ([method, path, body]) => `${method} ${path} ${(await call(app, method, path, body)).status}`));
    expect(appStatuses.filter((s) => s.endsWith(' 403'))).toEqual([]);
    const delegatedCalls: [string, string, unknown?][] = [
      ['GET', '/me'],
      ['GET', '/me/mailboxSettings'],
      ['GET', '/places/microsoft.graph.room?$top=5'],
      ['POST', '/me/calendar/getSchedule', schedule],
      ['POST', '/me/events', { subject: 'Upward', ...slot }],
      ['GET', `/me/calendarView?${window}`],
    ];
    const delegatedStatuses = await Promise.all(delegatedCalls.map(async ([method, path, body]) => `${method} ${path} ${(await call(person, method, path, body)).status}`));
    expect(delegatedStatuses.filter((s) => s.endsWith(' 403'))).toEqual([]);
  });

  it('names its source for every entry, and knows each operation by method and path', () => {
    for (const entry of OPERATION_PERMISSIONS) expect(entry.source).toMatch(/^https:\/\/learn\.microsoft\.com\/graph\/api\/[a-z-]+$/);
    expect(operationOf('GET', '/users/delta')?.entry.operation).toBe('user delta');
    expect(operationOf('GET', `/users/${leader}`)?.entry.operation).toBe('get user');
    expect(operationOf('POST', '/me/calendar/events')?.entry.operation).toBe('create event');
    expect(operationOf('POST', '/$batch')).toBeUndefined();
  });
});
