import type { NextFunction, Request, Response } from 'express';
import type { Caller, GraphContext } from './context';
import { callerOf } from './context';
import { GraphError } from './graphError';

/** Which service answers a refusal, and so in which words: each answers 403 its own way. */
type Service = 'directory' | 'exchange' | 'teams';

interface OperationPermissions {
  operation: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below `/v1.0`; `{user}` is `/me` or `/users/{id | userPrincipalName}`, `{id}` any one segment. */
  path: string;
  /** Delegated permissions Graph accepts, least privileged first; empty when delegated calls are not supported. */
  delegated: readonly string[];
  /** Of `delegated`, those that reach only the signed-in person's own object (`User.Read` reads only oneself). */
  delegatedSelfOnly?: readonly string[];
  application: readonly string[];
  /**
   * A resource-specific permission the resource's owner grants the app (Teams RSC, granted when the
   * app is installed): an app without the tenant-wide role may still be let in, and the route
   * decides by the grant on that resource.
   */
  resourceSpecific?: string;
  service: Service;
  /** The Graph v1.0 reference page whose permissions table this entry copies. */
  source: string;
}

const REF = 'https://learn.microsoft.com/graph/api';
const USER_READ_ANY = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const USER_READ_ALL_APP = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const CALENDAR_READ = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'];
const CALENDAR_WRITE = ['Calendars.ReadWrite'];
const INSTALLATION_READ = ['TeamsAppInstallation.ReadSelfForUser', 'TeamsAppInstallation.ReadForUser', 'TeamsAppInstallation.ReadWriteSelfForUser', 'TeamsAppInstallation.ReadWriteForUser'];
const INSTALLATION_WRITE = ['TeamsAppInstallation.ReadWriteSelfForUser', 'TeamsAppInstallation.ReadWriteForUser'];
/** Application roles that add a tab to any chat (chat-post-tabs); the chat's own grant is TeamsTab.Create.Chat. */
export const TAB_CREATE_ROLES = ['TeamsTab.Create', 'TeamsTab.ReadWrite.All', 'TeamsTab.ReadWriteForChat.All', 'TeamsTab.ReadWriteSelfForChat.All'];
const allTenant = (permissions: readonly string[]) => permissions.map((p) => `${p}.All`);

/**
 * Every operation the stand-in serves, with the permissions Graph's reference lists for it (the
 * "Permissions" table of each page, from least to most privileged). Upward's own tokens carry
 * the permissions of its app registration (`aad.manifest.json`, `dev/demoOrg/tenant.ts`); when a
 * call of Upward's is refused here, the registration lacks what Graph requires.
 */
export const OPERATION_PERMISSIONS: readonly OperationPermissions[] = [
  { operation: 'list users', method: 'GET', path: '/users', delegated: USER_READ_ANY, application: USER_READ_ALL_APP, service: 'directory', source: `${REF}/user-list` },
  {
    operation: 'user delta',
    method: 'GET',
    path: '/users/delta',
    delegated: ['User.Read', 'User.ReadWrite', ...USER_READ_ANY],
    application: USER_READ_ALL_APP,
    service: 'directory',
    source: `${REF}/user-delta`,
  },
  {
    operation: 'get user',
    method: 'GET',
    path: '{user}',
    delegated: ['User.Read', 'User.ReadWrite', ...USER_READ_ANY],
    delegatedSelfOnly: ['User.Read', 'User.ReadWrite'],
    application: USER_READ_ALL_APP,
    service: 'directory',
    source: `${REF}/user-get`,
  },
  {
    operation: 'list manager',
    method: 'GET',
    path: '{user}/manager',
    delegated: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
    application: USER_READ_ALL_APP,
    service: 'directory',
    source: `${REF}/user-list-manager`,
  },
  {
    operation: 'list directReports',
    method: 'GET',
    path: '{user}/directReports',
    delegated: ['User.Read', ...USER_READ_ANY],
    delegatedSelfOnly: ['User.Read'],
    application: USER_READ_ALL_APP,
    service: 'directory',
    source: `${REF}/user-list-directreports`,
  },
  ...['{user}/photo', '{user}/photo/$value'].map(
    (path): OperationPermissions => ({
      operation: 'get profilePhoto',
      method: 'GET',
      path,
      delegated: ['User.Read', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite', 'User.ReadWrite.All'],
      delegatedSelfOnly: ['User.Read', 'User.ReadWrite'],
      application: ['User.Read.All', 'User.ReadWrite.All'],
      service: 'exchange',
      source: `${REF}/profilephoto-get`,
    }),
  ),
  {
    operation: 'get mailboxSettings',
    method: 'GET',
    path: '{user}/mailboxSettings',
    delegated: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
    application: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
    service: 'exchange',
    source: `${REF}/user-get-mailboxsettings`,
  },
  ...['/places/microsoft.graph.room', '/places/microsoft.graph.roomlist', '/places/{id}/microsoft.graph.roomlist/rooms'].map(
    (path): OperationPermissions => ({
      operation: 'list places',
      method: 'GET',
      path,
      delegated: ['Place.Read.All', 'Place.ReadWrite.All'],
      application: ['Place.Read.All', 'Place.ReadWrite.All'],
      service: 'exchange',
      source: `${REF}/place-list`,
    }),
  ),
  { operation: 'calendar: getSchedule', method: 'POST', path: '{user}/calendar/getSchedule', delegated: CALENDAR_READ, application: CALENDAR_READ, service: 'exchange', source: `${REF}/calendar-getschedule` },
  ...['{user}/events', '{user}/calendar/events'].map(
    (path): OperationPermissions => ({ operation: 'create event', method: 'POST', path, delegated: CALENDAR_WRITE, application: CALENDAR_WRITE, service: 'exchange', source: `${REF}/user-post-events` }),
  ),
  ...['{user}/calendarView', '{user}/calendar/calendarView'].map(
    (path): OperationPermissions => ({ operation: 'list calendarView', method: 'GET', path, delegated: CALENDAR_READ, application: CALENDAR_READ, service: 'exchange', source: `${REF}/user-list-calendarview` }),
  ),
  { operation: 'get event', method: 'GET', path: '{user}/events/{id}', delegated: CALENDAR_READ, application: CALENDAR_READ, service: 'exchange', source: `${REF}/event-get` },
  { operation: 'update event', method: 'PATCH', path: '{user}/events/{id}', delegated: CALENDAR_WRITE, application: CALENDAR_WRITE, service: 'exchange', source: `${REF}/event-update` },
  { operation: 'delete event', method: 'DELETE', path: '{user}/events/{id}', delegated: CALENDAR_WRITE, application: CALENDAR_WRITE, service: 'exchange', source: `${REF}/event-delete` },
  { operation: 'event: cancel', method: 'POST', path: '{user}/events/{id}/cancel', delegated: CALENDAR_WRITE, application: CALENDAR_WRITE, service: 'exchange', source: `${REF}/event-cancel` },
  {
    operation: 'install app for user',
    method: 'POST',
    path: '{user}/teamwork/installedApps',
    delegated: INSTALLATION_WRITE,
    application: allTenant(INSTALLATION_WRITE),
    service: 'teams',
    source: `${REF}/userteamwork-post-installedapps`,
  },
  {
    operation: 'list apps installed for user',
    method: 'GET',
    path: '{user}/teamwork/installedApps',
    delegated: INSTALLATION_READ,
    application: allTenant(INSTALLATION_READ),
    service: 'teams',
    source: `${REF}/userteamwork-list-installedapps`,
  },
  {
    operation: 'get chat between user and app',
    method: 'GET',
    path: '{user}/teamwork/installedApps/{id}/chat',
    delegated: INSTALLATION_READ,
    application: allTenant(INSTALLATION_READ),
    service: 'teams',
    source: `${REF}/userscopeteamsappinstallation-get-chat`,
  },
  ...['/chats/{id}/messages', '{user}/chats/{id}/messages'].map(
    (path): OperationPermissions => ({
      operation: 'list messages in a chat',
      method: 'GET',
      path,
      delegated: ['Chat.Read', 'Chat.ReadWrite'],
      application: ['Chat.Read.All', 'Chat.ReadWrite.All'],
      resourceSpecific: 'ChatMessage.Read.Chat',
      service: 'teams',
      source: `${REF}/chat-list-messages`,
    }),
  ),
  {
    operation: 'list onlineMeetings (by JoinWebUrl)',
    method: 'GET',
    path: '{user}/onlineMeetings',
    delegated: ['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite'],
    application: ['OnlineMeetings.Read.All', 'OnlineMeetings.ReadWrite.All'],
    service: 'teams',
    source: `${REF}/onlinemeeting-get`,
  },
  {
    operation: 'add app to chat',
    method: 'POST',
    path: '/chats/{id}/installedApps',
    delegated: ['TeamsAppInstallation.ReadWriteSelfForChat', 'TeamsAppInstallation.ReadWriteForChat'],
    application: ['TeamsAppInstallation.ReadWriteSelfForChat.All', 'TeamsAppInstallation.ReadWriteForChat.All'],
    service: 'teams',
    source: `${REF}/chat-post-installedapps`,
  },
  {
    // The v1.0 page lists tenant-wide roles only: no chat-scoped (RSC) permission lists a chat's tabs.
    operation: 'list tabs in chat',
    method: 'GET',
    path: '/chats/{id}/tabs',
    delegated: ['TeamsTab.Read.All', 'TeamsTab.ReadWrite.All', 'TeamsTab.ReadWriteForChat', 'TeamsTab.ReadWriteSelfForChat'],
    application: ['TeamsTab.Read.All', 'TeamsTab.ReadWrite.All', 'TeamsTab.ReadWriteForChat.All', 'TeamsTab.ReadWriteSelfForChat.All'],
    service: 'teams',
    source: `${REF}/chat-list-tabs`,
  },
  {
    operation: 'add tab to chat',
    method: 'POST',
    path: '/chats/{id}/tabs',
    delegated: ['TeamsTab.Create', 'TeamsTab.ReadWrite.All', 'TeamsTab.ReadWriteForChat', 'TeamsTab.ReadWriteSelfForChat'],
    application: TAB_CREATE_ROLES,
    resourceSpecific: 'TeamsTab.Create.Chat',
    service: 'teams',
    source: `${REF}/chat-post-tabs`,
  },
  {
    operation: 'send chatMessage in a channel',
    method: 'POST',
    path: '/teams/{id}/channels/{id}/messages',
    delegated: ['ChannelMessage.Send', 'Group.ReadWrite.All'],
    // Application permission only for importing messages (migration), which the route refuses otherwise.
    application: ['Teamwork.Migrate.All'],
    service: 'teams',
    source: `${REF}/channel-post-messages`,
  },
];

function patternOf(path: string): RegExp {
  const escaped = path.replace(/[.$]/g, (c) => `\\${c}`);
  return new RegExp(`^${escaped.replace('{user}', '/(?:me|users/(?<user>[^/]+))').replace(/\{id\}/g, '[^/]+')}$`);
}

const COMPILED = OPERATION_PERMISSIONS.map((entry) => ({ entry, pattern: patternOf(entry.path) }));

/** The operation a request is, by method and path (`/users/delta` before `/users/{id}`, as Graph reads it). */
export function operationOf(method: string, path: string): { entry: OperationPermissions; userSegment?: string } | undefined {
  const verb = method === 'HEAD' ? 'GET' : method.toUpperCase();
  for (const { entry, pattern } of COMPILED) {
    if (entry.method !== verb) continue;
    const match = pattern.exec(path);
    if (match) return { entry, userSegment: match.groups?.user };
  }
  return undefined;
}

function refusal(entry: OperationPermissions, caller: Caller): GraphError {
  if (entry.service === 'directory') return new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  if (entry.service === 'exchange') return new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  const [kind, required, held] = caller.kind === 'app' ? ['role', entry.application, caller.roles] : ['scope', entry.delegated, caller.scopes];
  return new GraphError(403, 'Forbidden', `Missing ${kind} permissions on the request. API requires one of '${required.join(', ')}'. ${kind === 'role' ? 'Roles' : 'Scopes'} on the request '${held.join(', ')}'.`);
}

/**
 * Refuses, before any route runs, a caller whose token holds none of the permissions Graph
 * requires for the operation: delegated scopes (`scp`) for a person, application roles (`roles`)
 * for the app. Requests that are no operation here (unknown paths, `$batch` itself) pass on: a
 * batch's steps come back through this check one by one.
 */
export function requirePermissions(ctx: GraphContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    const found = operationOf(req.method, req.path);
    if (!found) {
      next();
      return;
    }
    const { entry, userSegment } = found;
    const caller = callerOf(res);
    if (caller.kind === 'app') {
      if (!entry.resourceSpecific && !entry.application.some((role) => caller.roles.includes(role))) throw refusal(entry, caller);
      next();
      return;
    }
    const held = entry.delegated.filter((scope) => caller.scopes.includes(scope));
    const self = userSegment === undefined ? req.path.startsWith('/me') : ctx.directory.find(decodeURIComponent(userSegment))?.user.id === caller.oid;
    const reaching = self ? held : held.filter((scope) => !entry.delegatedSelfOnly?.includes(scope));
    if (reaching.length === 0) throw refusal(entry, caller);
    next();
  };
}

