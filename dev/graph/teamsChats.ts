import { createHash } from 'node:crypto';
import express from 'express';
import type { ChatMessage, ChatMessageAttachment, TeamsAppInstallation, TeamworkApplicationIdentity } from '@microsoft/microsoft-graph-types';
import type { GraphContext } from './context';
import { callerOf, queryOf } from './context';
import { GraphError, notFound } from './graphError';

interface Installation {
  installation: TeamsAppInstallation;
  userId: string;
  chatId: string;
  /** When the app was installed, which is when Teams created its 1:1 chat with the person. */
  installedAt: string;
}

/** Loosely typed, as the Bot Connector takes them: only the fields Teams keeps are read. */
interface BotActivity {
  text?: unknown;
  attachments?: { contentType?: unknown; content?: unknown; name?: unknown }[];
}

/**
 * Teams apps installed in people's personal scope, and the 1:1 chat each installation gives the
 * app's bot: the messages the Bot Connector took in that chat, as Graph lists them.
 */
export class TeamsChatStore {
  private readonly installations = new Map<string, Installation[]>();
  private readonly messages = new Map<string, ChatMessage[]>();

  /** Installs a Teams app (catalog id) for a person; null when it already was. */
  install(userId: string, teamsAppId: string): TeamsAppInstallation | null {
    const list = this.installations.get(userId) ?? [];
    if (list.some((i) => i.installation.teamsApp?.id === teamsAppId)) return null;
    const digest = createHash('sha256').update(`${userId}:${teamsAppId}`).digest('base64url');
    const installation: TeamsAppInstallation = {
      id: digest,
      teamsApp: { id: teamsAppId, externalId: null, displayName: 'Upward', distributionMethod: 'organization' },
      teamsAppDefinition: { id: `${digest}-def`, teamsAppId, displayName: 'Upward', version: '1.0.0' },
    };
    list.push({ installation, userId, chatId: `19:${userId}_${teamsAppId}@unq.gbl.spaces`, installedAt: new Date().toISOString() });
    this.installations.set(userId, list);
    return installation;
  }

  /** A person's installations, of one app when `teamsApp` names its catalog id or its manifest (external) id. */
  installationsOf(userId: string, teamsApp?: { id?: string; externalId?: string }): TeamsAppInstallation[] {
    return (this.installations.get(userId) ?? [])
      .map((i) => i.installation)
      .filter((i) => (teamsApp?.id === undefined || i.teamsApp?.id === teamsApp.id) && (teamsApp?.externalId === undefined || i.teamsApp?.externalId === teamsApp.externalId));
  }

  /** The 1:1 chat an installation gives its bot, and when Teams created it. */
  chatOf(userId: string, installationId: string): { id: string; createdDateTime: string } | null {
    const found = (this.installations.get(userId) ?? []).find((i) => i.installation.id === installationId);
    return found ? { id: found.chatId, createdDateTime: found.installedAt } : null;
  }

  private installationOfChat(chatId: string): Installation | undefined {
    for (const list of this.installations.values()) {
      const found = list.find((i) => i.chatId === chatId);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * A message the app's bot sent to the person, as Teams keeps it once the Bot Connector took it:
   * a card travels as an attachment whose content is the card's JSON text. The app must be
   * installed for the person (Teams refuses a bot that is not in the chat).
   */
  postFromBot(userId: string, teamsAppId: string, activity: BotActivity, at: Date = new Date()): ChatMessage {
    const chatId = (this.installations.get(userId) ?? []).find((i) => i.installation.teamsApp?.id === teamsAppId)?.chatId;
    if (!chatId) throw new Error(`The app ${teamsAppId} is not installed for ${userId}, so its bot has no chat with them.`);
    const list = this.messages.get(chatId) ?? [];
    const id = String(at.getTime() * 1000 + list.length);
    const attachments: ChatMessageAttachment[] = (activity.attachments ?? []).map((a, i) => ({
      id: `${id}-${i}`,
      contentType: typeof a.contentType === 'string' ? a.contentType : null,
      content: a.content === undefined ? null : typeof a.content === 'string' ? a.content : JSON.stringify(a.content),
      name: typeof a.name === 'string' ? a.name : null,
      contentUrl: null,
      thumbnailUrl: null,
    }));
    const bot: TeamworkApplicationIdentity = { id: teamsAppId, displayName: 'Upward', applicationIdentityType: 'bot' };
    const message: ChatMessage = {
      id,
      replyToId: null,
      etag: id,
      chatId,
      messageType: 'message',
      createdDateTime: at.toISOString(),
      lastModifiedDateTime: at.toISOString(),
      lastEditedDateTime: null,
      deletedDateTime: null,
      subject: null,
      summary: null,
      importance: 'normal',
      locale: 'en-us',
      webUrl: null,
      channelIdentity: null,
      policyViolation: null,
      eventDetail: null,
      from: { application: bot, user: null, device: null },
      body: { contentType: 'html', content: [typeof activity.text === 'string' ? activity.text : '', ...attachments.map((a) => `<attachment id="${a.id}"></attachment>`)].join('') },
      attachments,
      mentions: [],
      reactions: [],
      messageHistory: [],
    };
    list.push(message);
    this.messages.set(chatId, list);
    return message;
  }

  /** The chat's messages, or null when there is no such chat. */
  messagesOf(chatId: string): readonly ChatMessage[] | null {
    if (!this.installationOfChat(chatId)) return null;
    return this.messages.get(chatId) ?? [];
  }

  /** Whether a person can read the chat: its member, or an app (the chat's resource-specific consent is given at installation). */
  canRead(chatId: string, caller: { kind: 'user' | 'app'; oid: string }): boolean {
    const installation = this.installationOfChat(chatId);
    return installation !== undefined && (caller.kind === 'app' || installation.userId === caller.oid);
  }
}

const maxTop = 50;
const orderable = new Set(['lastModifiedDateTime', 'createdDateTime']);

/**
 * Graph's narrow `$filter` on chat messages: a date range on `lastModifiedDateTime` (`gt`, `lt`)
 * or `createdDateTime` (`lt`), honoured only when `$orderby` names the same property.
 */
function messageFilter(filter: string | null, orderBy: string): (m: ChatMessage) => boolean {
  if (!filter) return () => true;
  const clauses = filter.split(/\s+and\s+/i).map((clause) => {
    const match = /^\s*(lastModifiedDateTime|createdDateTime)\s+(gt|lt)\s+(\S+)\s*$/.exec(clause);
    if (!match || (match[1] === 'createdDateTime' && match[2] === 'gt')) {
      throw new GraphError(400, 'BadRequest', `Invalid filter clause: '${clause.trim()}'. Only a lastModifiedDateTime range (gt, lt) or createdDateTime lt is supported.`);
    }
    const at = Date.parse(match[3]!);
    if (Number.isNaN(at)) throw new GraphError(400, 'BadRequest', `Invalid date in filter clause: '${match[3]}'.`);
    return { property: match[1] as 'lastModifiedDateTime' | 'createdDateTime', op: match[2], at };
  });
  // Graph ignores the filter unless the order is by the same property.
  if (clauses.some((c) => c.property !== orderBy)) return () => true;
  return (m) => clauses.every((c) => (c.op === 'gt' ? Date.parse(m[c.property]!) > c.at : Date.parse(m[c.property]!) < c.at));
}

/** `GET /chats/{id}/messages` (and under `/users/{id}`): newest first, at most 50 a page, with `@odata.nextLink`. */
export function chatRouter(ctx: GraphContext, store: TeamsChatStore): express.Router {
  const router = express.Router();
  const list = (req: express.Request, res: express.Response) => {
    const chatId = req.params.chatId as string;
    const messages = store.messagesOf(chatId);
    if (!messages) throw notFound(chatId);
    if (!store.canRead(chatId, callerOf(res))) throw new GraphError(403, 'Forbidden', 'Forbidden: the caller is not a member of the chat and has no permission to read it.');
    const query = queryOf(req);
    const top = Math.min(maxTop, Number(query.get('$top') ?? 20) || 20);
    const [orderBy = 'lastModifiedDateTime', direction = 'desc'] = (query.get('$orderby') ?? 'lastModifiedDateTime desc').trim().split(/\s+/);
    if (!orderable.has(orderBy) || direction.toLowerCase() !== 'desc') throw new GraphError(400, 'BadRequest', `Only lastModifiedDateTime desc or createdDateTime desc is supported in $orderby.`);
    const matching = messages.filter(messageFilter(query.get('$filter'), orderBy)).sort((a, b) => Date.parse(b[orderBy as 'createdDateTime']!) - Date.parse(a[orderBy as 'createdDateTime']!) || Number(b.id) - Number(a.id));
    const skip = Number(query.get('$skiptoken') ?? 0) || 0;
    const body: Record<string, unknown> = { '@odata.context': `${ctx.graphBaseUrl}/$metadata#chats('${chatId}')/messages`, '@odata.count': matching.length, value: matching.slice(skip, skip + top) };
    if (skip + top < matching.length) {
      const next = new URLSearchParams(query);
      next.set('$skiptoken', String(skip + top));
      body['@odata.nextLink'] = `${ctx.graphBaseUrl}${req.path}?${next.toString()}`;
    }
    res.json(body);
  };
  router.get('/chats/:chatId/messages', list);
  router.get('/users/:id/chats/:chatId/messages', list);
  return router;
}
