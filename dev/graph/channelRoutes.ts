import express from 'express';
import type { ChatMessage, ChatMessageFromIdentitySet, TeamworkUserIdentity } from '@microsoft/microsoft-graph-types';
import { DEMO_STORIES_CHANNEL_ID, DEMO_TEAM_ID, DEMO_TENANT_ID } from '../demoOrg/tenant';
import type { GraphContext } from './context';
import { callerOf } from './context';
import { GraphError } from './graphError';

interface Channel {
  id: string;
  displayName: string;
  messages: ChatMessage[];
}

interface Team {
  id: string;
  displayName: string;
  /** null: an org-wide team, of which every enabled person is a member. */
  memberIds: Set<string> | null;
  channels: Map<string, Channel>;
}

/** Teams and channels of the demo tenant: one org-wide team with a General and a Stories channel. */
export class ChannelStore {
  readonly teams = new Map<string, Team>();

  constructor() {
    const channels = new Map<string, Channel>([
      [`19:general-${DEMO_TEAM_ID}@thread.tacv2`, { id: `19:general-${DEMO_TEAM_ID}@thread.tacv2`, displayName: 'General', messages: [] }],
      [DEMO_STORIES_CHANNEL_ID, { id: DEMO_STORIES_CHANNEL_ID, displayName: 'Upward stories', messages: [] }],
    ]);
    this.teams.set(DEMO_TEAM_ID, { id: DEMO_TEAM_ID, displayName: 'Everyone at Upward Demo', memberIds: null, channels });
  }

  messages(teamId: string, channelId: string): readonly ChatMessage[] {
    return this.teams.get(teamId)?.channels.get(channelId)?.messages ?? [];
  }
}

/**
 * `POST /teams/{team-id}/channels/{channel-id}/messages`: sending a channel message, which Graph
 * allows only as a signed-in member of the team (the permission itself is checked in
 * `permissions.ts`); application permissions post only for migration, so an app-only token is refused.
 */
export function channelRouter(ctx: GraphContext, store: ChannelStore): express.Router {
  const router = express.Router();
  router.post('/teams/:teamId/channels/:channelId/messages', (req, res) => {
    const caller = callerOf(res);
    if (caller.kind === 'app') throw new GraphError(403, 'Forbidden', 'Message POST is allowed in application-only context only for import purposes.');
    const teamId = req.params.teamId as string;
    const team = store.teams.get(teamId);
    if (!team) throw new GraphError(404, 'NotFound', `No Team found with Group Id ${teamId}`);
    const channel = team.channels.get(req.params.channelId as string);
    if (!channel) throw new GraphError(404, 'NotFound', 'Channel not found.');
    const person = ctx.directory.find(caller.oid);
    const member = person !== undefined && person.user.accountEnabled && (team.memberIds === null || team.memberIds.has(person.user.id));
    if (!member) throw new GraphError(403, 'Forbidden', 'The user is not a member of the team.');
    const body = (req.body as { body?: { content?: unknown; contentType?: unknown }; subject?: unknown } | undefined) ?? {};
    const content = body.body?.content;
    const contentType = body.body?.contentType ?? 'text';
    if (typeof content !== 'string' || content.trim() === '') throw new GraphError(400, 'BadRequest', 'Message body content cannot be empty.');
    if (contentType !== 'text' && contentType !== 'html') throw new GraphError(400, 'BadRequest', `Invalid content type '${String(contentType)}'.`);

    const now = new Date();
    const user: TeamworkUserIdentity = { id: person.user.id, displayName: person.user.displayName, userIdentityType: 'aadUser' };
    // Graph's identity set of a message also names the conversation (null for a person), which the types leave out.
    const author = { application: null, device: null, conversation: null, user } as ChatMessageFromIdentitySet;
    const id = String(now.getTime() + channel.messages.length);
    const message: ChatMessage = {
      id,
      replyToId: null,
      etag: id,
      messageType: 'message',
      createdDateTime: now.toISOString(),
      lastModifiedDateTime: now.toISOString(),
      lastEditedDateTime: null,
      deletedDateTime: null,
      subject: typeof body.subject === 'string' ? body.subject : null,
      summary: null,
      importance: 'normal',
      locale: 'en-us',
      chatId: null,
      policyViolation: null,
      eventDetail: null,
      webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${id}?groupId=${team.id}&tenantId=${DEMO_TENANT_ID}`,
      from: author,
      body: { contentType, content },
      channelIdentity: { teamId: team.id, channelId: channel.id },
      attachments: [],
      mentions: [],
      reactions: [],
    };
    channel.messages.push(message);
    res
      .status(201)
      .json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/messages/$entity`, ...message });
  });
  return router;
}
