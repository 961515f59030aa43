import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from '../demoOrg/personas';
import { DEMO_STORIES_CHANNEL_ID, DEMO_TEAM_ID, GRAPH_RESOURCE } from '../demoOrg/tenant';
import { startM365StandIn, type M365StandIn } from '../m365StandIn';

const messagesPath = (teamId: string, channelId: string) => `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/messages`;

describe('stand-in: POST /teams/{team-id}/channels/{channel-id}/messages', () => {
  let standIn: M365StandIn;
  const admin = DEMO_PERSONAS.programmeAdmin.id;

  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, seed: 'channels', size: 60 });
  });
  afterAll(async () => {
    await standIn.stop();
  });

  async function post(path: string, token: string, body: unknown) {
    const response = await fetch(`${standIn.graphBaseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as ChatMessage & { error?: { code: string; message: string } } };
  }
  const delegated = (userId: string, scopes?: string[]) => standIn.issueToken(userId, { audience: GRAPH_RESOURCE, ...(scopes ? { scopes } : {}) });

  it('posts a message as the signed-in member and returns it as a chatMessage', async () => {
    const sent = await post(messagesPath(DEMO_TEAM_ID, DEMO_STORIES_CHANNEL_ID), await delegated(admin), { body: { contentType: 'html', content: '<p>Hello</p>' } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      messageType: 'message',
      body: { contentType: 'html', content: '<p>Hello</p>' },
      from: { user: { id: admin } },
      channelIdentity: { teamId: DEMO_TEAM_ID, channelId: DEMO_STORIES_CHANNEL_ID },
    });
    expect(typeof sent.body.id).toBe('string');
    expect(standIn.channelMessages(DEMO_TEAM_ID, DEMO_STORIES_CHANNEL_ID).map((m) => m.id)).toContain(sent.body.id);
  });

  it('refuses app-only tokens, tokens without ChannelMessage.Send, unknown teams and channels, and empty bodies', async () => {
    const path = messagesPath(DEMO_TEAM_ID, DEMO_STORIES_CHANNEL_ID);
    const body = { body: { content: 'x' } };
    expect((await post(path, await standIn.issueAppToken(), body)).status).toBe(403);
    expect((await post(path, await delegated(admin, ['User.Read']), body)).body.error?.message).toContain('ChannelMessage.Send');
    expect((await post(messagesPath('00000000-0000-0000-0000-000000000000', DEMO_STORIES_CHANNEL_ID), await delegated(admin), body)).status).toBe(404);
    expect((await post(messagesPath(DEMO_TEAM_ID, '19:nope@thread.tacv2'), await delegated(admin), body)).status).toBe(404);
    expect((await post(path, await delegated(admin), { body: { content: '  ' } })).body.error?.code).toBe('BadRequest');
    expect(standIn.channelMessages(DEMO_TEAM_ID, DEMO_STORIES_CHANNEL_ID)).toHaveLength(1);
  });
});
