import { DEMO_PERSONAS } from '../../demoOrg/personas';
import { DEMO_STORIES_CHANNEL_ID, DEMO_TEAM_ID, GRAPH_RESOURCE } from '../../demoOrg/tenant';
import { startM365StandIn, type M365StandIn } from '../../m365StandIn';
import { DOCUMENTED_EXAMPLES, type DocumentedExample } from './examples';
import { shapeDifferences } from './shape';

let standIn: M365StandIn;

beforeAll(async () => {
  standIn = await startM365StandIn({ port: 0, seed: 'contract', size: 60 });
});
afterAll(() => standIn.stop());

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;
const catalogApp = 'a1b2c3d4-0000-4000-8000-0000000000c1';

function tokenFor(as: DocumentedExample['as']): Promise<string> {
  if (as === 'app') return standIn.issueAppToken();
  return standIn.issueToken(as === 'admin' ? admin : leader, { audience: GRAPH_RESOURCE });
}

/** An online meeting in Catherine's calendar, the app `catalogApp` installed in its chat and a tab of it pinned there; the chat's id. */
async function meetingChatWithTab(attendeeMail: string): Promise<string> {
  const token = await tokenFor('app');
  const graph = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${standIn.graphBaseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  };
  const event = await graph<{ onlineMeeting: { joinUrl: string } }>('POST', `/users/${leader}/events`, {
    subject: 'Mentoring session',
    start: { dateTime: '2030-01-03T04:00:00', timeZone: 'UTC' },
    end: { dateTime: '2030-01-03T05:00:00', timeZone: 'UTC' },
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    attendees: [{ type: 'required', emailAddress: { address: attendeeMail } }],
  });
  const filter = encodeURIComponent(`JoinWebUrl eq '${event.onlineMeeting.joinUrl}'`);
  const meetings = await graph<{ value: { chatInfo: { threadId: string } }[] }>('GET', `/users/${leader}/onlineMeetings?$filter=${filter}`);
  const chat = `/chats/${encodeURIComponent(meetings.value[0]!.chatInfo.threadId)}`;
  const bind = { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogApp}` };
  await graph('POST', `${chat}/installedApps`, bind);
  await graph('POST', `${chat}/tabs`, { ...bind, displayName: 'Contoso', configuration: { entityId: 'orders', contentUrl: 'https://www.contoso.com/orders/tabView', websiteUrl: 'https://www.contoso.com/orders', removeUrl: 'https://www.contoso.com/orders/uninstallTab' } });
  return meetings.value[0]!.chatInfo.threadId;
}

/** What the example presumes exists, as the ids its placeholders stand for. */
async function prepare(example: DocumentedExample): Promise<Record<string, string>> {
  const mail = (id: string) => standIn.org.byId.get(id)!.user.mail;
  const ids: Record<string, string> = {
    leader,
    mentor,
    leaderMail: mail(leader),
    mentorMail: mail(mentor),
    roomList: standIn.org.roomLists[0]!.list.emailAddress,
    team: DEMO_TEAM_ID,
    channel: DEMO_STORIES_CHANNEL_ID,
    catalogApp,
  };
  if (example.needs === 'event') {
    const created = await fetch(`${standIn.graphBaseUrl}/me/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('leader')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: 'Check-in',
        start: { dateTime: '2030-01-02T04:00:00', timeZone: 'UTC' },
        end: { dateTime: '2030-01-02T05:00:00', timeZone: 'UTC' },
        location: { displayName: 'Conf Room Rainier' },
        attendees: [{ type: 'required', emailAddress: { address: mail(mentor), name: standIn.org.byId.get(mentor)!.user.displayName } }],
      }),
    });
    ids.eventId = ((await created.json()) as { id: string }).id;
  }
  if (example.needs === 'chat') {
    const app = `chat-${Math.random().toString(36).slice(2)}`;
    standIn.teamsChats.install(leader, app);
    for (const text of ['one', 'two', 'three']) standIn.teamsChats.postFromBot(leader, app, { text });
    ids.chatId = encodeURIComponent(`19:${leader}_${app}@unq.gbl.spaces`);
  }
  if (example.needs === 'installation') {
    ids.installedApp = `app-${Math.random().toString(36).slice(2)}`;
    ids.installationId = standIn.teamsChats.install(leader, ids.installedApp)!.id!;
  }
  if (example.needs === 'meetingTab') ids.meetingChat = encodeURIComponent(await meetingChatWithTab(mail(mentor)));
  if (example.throttled) standIn.faults.add({ path: '/mailboxSettings$', status: 429, retryAfterSeconds: 2 });
  return ids;
}

const fill = (text: string, ids: Record<string, string>) => text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => ids[name] ?? whole);

describe.each(DOCUMENTED_EXAMPLES.map((example) => [`${example.title} (${example.source})`, example] as const))('documented example: %s', (_name, example) => {
  it('answers with the documented status, content type, headers and body shape', async () => {
    const ids = await prepare(example);
    const { method, path, headers = {}, body } = example.request;
    const response = await fetch(`${standIn.graphBaseUrl}${fill(path, ids)}`, {
      method,
      headers: { ...headers, authorization: `Bearer ${await tokenFor(example.as)}` },
      body: body === undefined ? undefined : fill(JSON.stringify(body), ids),
    });
    const raw = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    const answered = contentType.includes('json') && raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : raw;

    expect({ status: response.status, answered: response.status === example.response.status ? 'as documented' : answered }).toEqual({ status: example.response.status, answered: 'as documented' });
    if (example.response.contentType) expect(contentType).toMatch(example.response.contentType);
    else expect(raw.length).toBe(0);
    for (const header of example.response.headers ?? []) expect([header, response.headers.get(header)]).toEqual([header, expect.any(String)]);
    if (example.response.body !== undefined) expect(shapeDifferences(example.response.body, answered)).toEqual(Object.keys(example.knownDifferences ?? {}));
    if (example.response.headers?.includes('client-request-id')) {
      const echoed = example.request.headers?.['client-request-id'];
      expect(response.headers.get('client-request-id')).toBe(echoed);
      expect((answered as { error: { innerError: Record<string, string> } }).error.innerError['client-request-id']).toBe(echoed);
    }
  });
});

describe('the shape comparison', () => {
  it('finds a missing member, a member of another JSON type, and a different element of a collection', () => {
    expect(shapeDifferences({ a: 'x', b: { c: 1 }, d: [{ e: true }] }, { b: { c: '1' }, d: [{ e: true }, { e: 'no' }] })).toEqual(['$.a: missing', '$.b.c: documented number, got string', '$.d[].e: documented boolean, got string']);
  });

  it('takes a delta link for a documented next link, and a null for any type', () => {
    expect(shapeDifferences({ '@odata.nextLink': 'x', v: 'y' }, { '@odata.deltaLink': 'x', v: null })).toEqual([]);
  });
});
