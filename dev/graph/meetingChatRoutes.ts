import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Request, Response } from 'express';
import type { OnlineMeeting, TeamsTab } from '@microsoft/microsoft-graph-types';
import type { Caller, GraphContext } from './context';
import { callerOf, queryOf } from './context';
import { GraphError, notFound } from './graphError';
import { TAB_CREATE_ROLES } from './permissions';
import { mailboxOwner } from './usersRoutes';


interface ChatApp {
  teamsAppId: string;
  /**
   * The Entra app the installation's resource-specific consent is granted to. Teams reads it from
   * the installed app's manifest (webApplicationInfo); the stand-in has no app catalogue, so the
   * app that installed itself holds it, and an installation by a person grants it to nobody.
   */
  grantedToAppId: string | null;
}

/**
 * The apps and tabs of Teams meeting chats. The chats themselves are the online meetings in the
 * calendars (a chat per meeting, its members the organizer and the invited people).
 */
export class MeetingChatStore {
  private readonly apps = new Map<string, ChatApp[]>();
  private readonly tabs = new Map<string, TeamsTab[]>();

  installedApps(chatId: string): readonly ChatApp[] {
    return this.apps.get(chatId) ?? [];
  }

  /** Installs an app in a chat; false when it already was. */
  install(chatId: string, app: ChatApp): boolean {
    const list = this.apps.get(chatId) ?? [];
    if (list.some((a) => a.teamsAppId === app.teamsAppId)) return false;
    this.apps.set(chatId, [...list, app]);
    return true;
  }

  tabsOf(chatId: string): readonly TeamsTab[] {
    return this.tabs.get(chatId) ?? [];
  }

  addTab(chatId: string, tab: TeamsTab): void {
    this.tabs.set(chatId, [...this.tabsOf(chatId), tab]);
  }
}

const catalogAppId = (body: unknown): string | undefined => {
  const bind = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
  return typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/?]+)$/.exec(bind)?.[1] : undefined;
};

const badBind = () => new GraphError(400, 'BadRequest', "The 'teamsApp@odata.bind' property must reference /appCatalogs/teamsApps/{id}.");

/**
 * Online meetings looked up by join address (how an app finds a meeting's chat), and the chat's
 * installed apps and tabs: `POST /chats/{id}/installedApps`, `GET` and `POST /chats/{id}/tabs`. Graph lets
 * a person act on a chat they are a member of; the app acts by its tenant-wide role, or for tabs
 * by the chat's resource-specific consent, given when the app was installed there.
 */
export function meetingChatRouter(ctx: GraphContext, store: MeetingChatStore): express.Router {
  const router = express.Router();

  const meetingChat = (req: Request, caller: Caller) => {
    const chatId = req.params.chatId as string;
    const meeting = ctx.calendars.onlineMeeting({ threadId: chatId });
    if (!meeting) throw notFound(chatId);
    if (caller.kind === 'user' && !meeting.memberIds.includes(caller.oid)) throw new GraphError(403, 'Forbidden', 'Forbidden: the caller is not a member of the chat.');
    return { chatId, meeting };
  };

  router.get(['/me/onlineMeetings', '/users/:id/onlineMeetings'], (req: Request, res: Response) => {
    const person = mailboxOwner(ctx, req, callerOf(res));
    const filter = queryOf(req).get('$filter') ?? '';
    const joinUrl = /^\s*JoinWebUrl\s+eq\s+'(.+)'\s*$/i.exec(filter)?.[1];
    if (!joinUrl) throw new GraphError(400, 'BadRequest', "Filter on JoinWebUrl is required: $filter=JoinWebUrl eq '{joinWebUrl}'.");
    const meeting = ctx.calendars.onlineMeeting({ joinUrl });
    // Only the meetings this person organised are theirs to read.
    const found = meeting && meeting.organizerId === person.user.id ? [meeting] : [];
    const value: OnlineMeeting[] = found.map(({ event, threadId }) => ({
      id: Buffer.from(`1*${person.user.id}*0**${threadId}`).toString('base64'),
      subject: event.subject ?? null,
      startDateTime: `${event.start?.dateTime ?? ''}Z`,
      endDateTime: `${event.end?.dateTime ?? ''}Z`,
      joinWebUrl: event.onlineMeeting!.joinUrl!,
      chatInfo: { threadId, messageId: '0', replyChainMessageId: null },
    }));
    res.json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#users('${person.user.id}')/onlineMeetings`, value });
  });

  router.post('/chats/:chatId/installedApps', (req, res) => {
    const caller = callerOf(res);
    const { chatId } = meetingChat(req, caller);
    const teamsAppId = catalogAppId(req.body);
    if (!teamsAppId) throw badBind();
    if (!store.install(chatId, { teamsAppId, grantedToAppId: caller.kind === 'app' ? caller.appId : null })) throw new GraphError(409, 'Conflict', 'The app is already installed in this chat.');
    res.status(201).end();
  });

  router.get('/chats/:chatId/tabs', (req, res) => {
    const { chatId } = meetingChat(req, callerOf(res));
    const query = queryOf(req);
    const expand = query.get('$expand');
    if (expand !== null && expand !== 'teamsApp') throw new GraphError(400, 'BadRequest', `Could not expand '${expand}': a tab expands only teamsApp.`);
    const filter = query.get('$filter');
    const appId = filter === null ? null : /^\s*teamsApp\/id\s+eq\s+'([^']+)'\s*$/i.exec(filter)?.[1];
    if (appId === undefined) throw new GraphError(400, 'BadRequest', "Only $filter=teamsApp/id eq '{teamsAppId}' is supported on a chat's tabs.");
    const tabs = store.tabsOf(chatId).filter((tab) => appId === null || tab.teamsApp?.id === appId);
    // teamsApp is a navigation property: Graph returns it only when expanded.
    const value = tabs.map(({ teamsApp, ...tab }) => (expand ? { ...tab, teamsApp } : tab));
    res.json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#chats('${encodeURIComponent(chatId)}')/tabs${expand ? '(teamsApp())' : ''}`, '@odata.count': value.length, value });
  });

  router.post('/chats/:chatId/tabs', (req, res) => {
    const caller = callerOf(res);
    const { chatId } = meetingChat(req, caller);
    const teamsAppId = catalogAppId(req.body);
    if (!teamsAppId) throw badBind();
    const installed = store.installedApps(chatId).find((a) => a.teamsAppId === teamsAppId);
    // Graph: "The corresponding app must already be installed in the chat."
    if (!installed) throw new GraphError(404, 'NotFound', `The app ${teamsAppId} is not installed in the chat ${chatId}.`);
    if (caller.kind === 'app' && !TAB_CREATE_ROLES.some((role) => caller.roles.includes(role)) && installed.grantedToAppId !== caller.appId) {
      throw new GraphError(403, 'Forbidden', `Missing role permissions on the request. API requires one of '${TAB_CREATE_ROLES.join(', ')}', or the chat's TeamsTab.Create.Chat consent (the app installed in the chat).`);
    }
    const body = req.body as { displayName?: unknown; configuration?: { entityId?: unknown; contentUrl?: unknown; websiteUrl?: unknown; removeUrl?: unknown } };
    const configuration = body.configuration ?? {};
    if (typeof body.displayName !== 'string' || !body.displayName.trim() || typeof configuration.contentUrl !== 'string' || !/^https:\/\//.test(configuration.contentUrl)) {
      throw new GraphError(400, 'BadRequest', 'A configurable tab needs a displayName and a configuration with an https contentUrl.');
    }
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    const tab: TeamsTab = {
      id: randomUUID(),
      displayName: body.displayName,
      webUrl: `https://teams.microsoft.com/l/entity/${teamsAppId}/_djb2_msteams_prefix_${encodeURIComponent(text(configuration.entityId) ?? '')}?context=${encodeURIComponent(JSON.stringify({ chatId }))}`,
      configuration: { entityId: text(configuration.entityId), contentUrl: configuration.contentUrl, websiteUrl: text(configuration.websiteUrl), removeUrl: text(configuration.removeUrl) },
      teamsApp: { id: teamsAppId, externalId: null, displayName: 'Upward', distributionMethod: 'organization' },
    };
    store.addTab(chatId, tab);
    res.status(201).json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#chats('${chatId}')/tabs/$entity`, ...tab });
  });
  return router;
}
