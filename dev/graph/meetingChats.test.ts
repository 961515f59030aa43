import type { Event, OnlineMeeting, TeamsTab } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from '../demoOrg/personas';
import { GRAPH_RESOURCE, UPWARD_GRAPH_APP_ROLES } from '../demoOrg/tenant';
import { startM365StandIn, type M365StandIn } from '../m365StandIn';

const TEAMS_APP = '5d9a2c1e-7b3f-4e8a-9c6d-1f2e3a4b5c6d';
const OTHER_APP = { clientId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', servicePrincipalId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a' };

describe('stand-in: a Teams meeting chat (online meeting lookup, apps installed in the chat, tabs)', () => {
  let standIn: M365StandIn;
  const organizer = DEMO_PERSONAS.seniorLeader;
  const attendee = DEMO_PERSONAS.juniorMentor;
  const outsider = DEMO_PERSONAS.programmeAdmin;

  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, seed: 'meeting-chats', size: 60 });
  });
  afterAll(async () => {
    await standIn.stop();
  });

  async function call<T>(method: string, path: string, token: string, body?: unknown) {
    const response = await fetch(`${standIn.graphBaseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T & { error?: { code: string; message: string } } };
  }
  const app = (roles: readonly string[] = UPWARD_GRAPH_APP_ROLES) => standIn.issueAppToken({ roles });
  /** Upward's roles but the one an operation needs. */
  const without = (role: string) => UPWARD_GRAPH_APP_ROLES.filter((r) => r !== role);
  const bind = (id: string) => ({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${id}` });
  const tab = { ...bind(TEAMS_APP), displayName: 'Upward', configuration: { entityId: 'upward-meeting', contentUrl: 'https://upward.example/tab/index.html#/meeting/p/s', websiteUrl: 'https://upward.example/tab/' } };

  async function onlineMeeting(): Promise<{ joinUrl: string; threadId: string }> {
    const start = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19);
    const end = new Date(Date.now() + 90_000_000).toISOString().slice(0, 19);
    const event = await call<Event>('POST', `/users/${organizer.id}/events`, await app(), {
      subject: 'Mentoring session',
      start: { dateTime: start, timeZone: 'UTC' },
      end: { dateTime: end, timeZone: 'UTC' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      attendees: [{ type: 'required', emailAddress: { address: standIn.org.people.find((p) => p.user.id === attendee.id)!.user.mail } }],
    });
    expect(event.status).toBe(201);
    const joinUrl = event.body.onlineMeeting!.joinUrl!;
    const found = await call<{ value: OnlineMeeting[] }>('GET', `/users/${organizer.id}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`, await app());
    expect(found.status).toBe(200);
    expect(found.body.value).toHaveLength(1);
    return { joinUrl, threadId: found.body.value[0]!.chatInfo!.threadId! };
  }

  it('finds an online meeting by its join address, with its chat thread; only in its organizer\'s meetings, and only with OnlineMeetings permission', async () => {
    const { joinUrl, threadId } = await onlineMeeting();
    expect(threadId).toMatch(/^19:meeting_.+@thread\.v2$/);
    const filter = encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`);
    expect((await call<{ value: unknown[] }>('GET', `/users/${attendee.id}/onlineMeetings?$filter=${filter}`, await app())).body.value).toEqual([]);
    const refused = await call('GET', `/users/${organizer.id}/onlineMeetings?$filter=${filter}`, await app(without('OnlineMeetings.Read.All')));
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain('OnlineMeetings.Read.All');
    expect((await call('GET', `/users/${organizer.id}/onlineMeetings`, await app())).status).toBe(400);
  });

  it('adds a tab only once the app is installed in the chat, and only for an app holding the permission (a role, or the chat\'s consent given at installation)', async () => {
    const { threadId } = await onlineMeeting();
    const chat = `/chats/${encodeURIComponent(threadId)}`;
    // Not installed yet.
    expect((await call('POST', `${chat}/tabs`, await app(), tab)).status).toBe(404);
    // Installing needs TeamsAppInstallation.*ForChat.
    const noRole = await call('POST', `${chat}/installedApps`, await app(without('TeamsAppInstallation.ReadWriteForChat.All')), bind(TEAMS_APP));
    expect(noRole.status).toBe(403);
    expect(noRole.body.error?.message).toContain('TeamsAppInstallation.ReadWriteForChat.All');
    expect((await call('POST', `${chat}/installedApps`, await app(), bind(TEAMS_APP))).status).toBe(201);
    expect((await call('POST', `${chat}/installedApps`, await app(), bind(TEAMS_APP))).status).toBe(409);
    // Another app, with neither a TeamsTab role nor the chat's consent, is refused.
    const other = await standIn.issueAppToken({ roles: [], app: OTHER_APP });
    const refused = await call('POST', `${chat}/tabs`, other, tab);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain('TeamsTab.Create');
    expect(standIn.meetingChats.tabsOf(threadId)).toEqual([]);
    // The app that installed itself holds the chat's TeamsTab.Create.Chat consent.
    const added = await call<TeamsTab>('POST', `${chat}/tabs`, await app(), tab);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ displayName: 'Upward', configuration: { entityId: 'upward-meeting', contentUrl: tab.configuration.contentUrl }, teamsApp: { id: TEAMS_APP } });
    expect(standIn.meetingChats.tabsOf(threadId).map((t) => t.id)).toEqual([added.body.id]);
  });

  it('lists a chat\'s tabs with TeamsTab.Read.All, the app only when expanded, filtered by app id', async () => {
    const { threadId } = await onlineMeeting();
    const chat = `/chats/${encodeURIComponent(threadId)}`;
    expect((await call('POST', `${chat}/installedApps`, await app(), bind(TEAMS_APP))).status).toBe(201);
    const added = await call<TeamsTab>('POST', `${chat}/tabs`, await app(), tab);
    const refused = await call('GET', `${chat}/tabs`, await app(without('TeamsTab.Read.All')));
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain('TeamsTab.Read.All');
    const plain = await call<{ value: TeamsTab[] }>('GET', `${chat}/tabs`, await app());
    expect(plain.status).toBe(200);
    expect(plain.body.value).toEqual([expect.objectContaining({ id: added.body.id, displayName: 'Upward' })]);
    expect(plain.body.value[0]).not.toHaveProperty('teamsApp');
    const mine = await call<{ value: TeamsTab[] }>('GET', `${chat}/tabs?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${TEAMS_APP}'`)}`, await app());
    expect(mine.body.value.map((t) => [t.id, t.teamsApp?.id])).toEqual([[added.body.id, TEAMS_APP]]);
    const others = await call<{ value: TeamsTab[] }>('GET', `${chat}/tabs?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${OTHER_APP.clientId}'`)}`, await app());
    expect(others.body.value).toEqual([]);
    expect((await call('GET', `${chat}/tabs?$filter=${encodeURIComponent("displayName eq 'Upward'")}`, await app())).status).toBe(400);
    const delegated = (userId: string) => standIn.issueToken(userId, { audience: GRAPH_RESOURCE, scopes: ['TeamsTab.Read.All'] });
    expect((await call('GET', `${chat}/tabs`, await delegated(outsider.id))).status).toBe(403);
    expect((await call('GET', `${chat}/tabs`, await delegated(attendee.id))).status).toBe(200);
  });

  it('lets a member of the chat act by delegated permission, refuses a person outside it, and answers 404 for an unknown chat', async () => {
    const { threadId } = await onlineMeeting();
    const chat = `/chats/${encodeURIComponent(threadId)}`;
    const delegated = (userId: string, scopes: string[]) => standIn.issueToken(userId, { audience: GRAPH_RESOURCE, scopes });
    expect((await call('POST', `${chat}/installedApps`, await delegated(outsider.id, ['TeamsAppInstallation.ReadWriteForChat']), bind(TEAMS_APP))).status).toBe(403);
    expect((await call('POST', `${chat}/installedApps`, await delegated(attendee.id, ['User.Read']), bind(TEAMS_APP))).status).toBe(403);
    expect((await call('POST', `${chat}/installedApps`, await delegated(attendee.id, ['TeamsAppInstallation.ReadWriteForChat']), bind(TEAMS_APP))).status).toBe(201);
    // Installed by a person: no app holds the chat's consent, so an app without a TeamsTab role may not add the tab.
    expect((await call('POST', `${chat}/tabs`, await app(), tab)).status).toBe(403);
    expect((await call('POST', `${chat}/tabs`, await delegated(attendee.id, ['TeamsTab.Create']), { ...tab, configuration: { contentUrl: 'http://plain.example/' } })).status).toBe(400);
    expect((await call('POST', `${chat}/tabs`, await delegated(attendee.id, ['TeamsTab.Create']), tab)).status).toBe(201);
    expect((await call('POST', `/chats/${encodeURIComponent('19:meeting_unknown@thread.v2')}/tabs`, await app(), tab)).status).toBe(404);
  });
});
