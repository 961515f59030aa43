import express from 'express';
import type { Request, Response } from 'express';
import type { GraphContext } from './context';
import { callerOf, queryOf } from './context';
import { DEMO_TENANT_ID } from '../demoOrg/tenant';
import { GraphError, notFound } from './graphError';
import type { TeamsChatStore } from './teamsChats';
import { mailboxOwner } from './usersRoutes';

/** Navigation properties of an installation: Graph returns them only when `$expand` names them. */
const INSTALLATION_NAVIGATION = ['teamsApp', 'teamsAppDefinition'] as const;

function expandedOf(expand: string | null): Set<string> {
  const names = (expand ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  for (const name of names) {
    if (!(INSTALLATION_NAVIGATION as readonly string[]).includes(name)) throw new GraphError(400, 'BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.teamsAppInstallation'.`);
  }
  return new Set(names);
}

/**
 * The one filter the list of a person's apps takes here: the app by its catalog id or its
 * manifest id (`teamsApp/id eq '…'`, `teamsApp/externalId eq '…'`), as Teams' documentation
 * writes it. Any other filter is refused rather than ignored: ignoring it would list every app.
 */
function installedAppFilter(filter: string | null): { id?: string; externalId?: string } | undefined {
  if (filter === null) return undefined;
  const match = /^\s*teamsApp\/(id|externalId)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
  if (!match) throw new GraphError(400, 'BadRequest', `Invalid filter clause: '${filter}' is not supported on installed apps.`);
  return { [match[1] as 'id' | 'externalId']: match[2]!.replace(/''/g, "'") };
}

/** Teams app installation in a person's personal scope: how a bot gets a 1:1 chat to message proactively. */
export function teamworkRouter(ctx: GraphContext, chats: TeamsChatStore): express.Router {
  const router = express.Router();

  const install = (req: Request, res: Response) => {
    const person = mailboxOwner(ctx, req, callerOf(res));
    const bind = (req.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    const appId = typeof bind === 'string' ? /teamsApps\/([^/?]+)/.exec(bind)?.[1] : undefined;
    if (!appId) throw new GraphError(400, 'BadRequest', "The 'teamsApp@odata.bind' property must reference /appCatalogs/teamsApps/{id}.");
    if (!chats.install(person.user.id, appId)) throw new GraphError(409, 'Conflict', 'The app is already installed for this user.');
    res.status(201).end();
  };
  router.post('/users/:id/teamwork/installedApps', install);
  router.post('/me/teamwork/installedApps', install);

  router.get('/users/:id/teamwork/installedApps', (req, res) => {
    const person = mailboxOwner(ctx, req, callerOf(res));
    const query = queryOf(req);
    const expand = expandedOf(query.get('$expand'));
    const value = chats.installationsOf(person.user.id, installedAppFilter(query.get('$filter'))).map((installation) => ({
      id: installation.id,
      ...Object.fromEntries(INSTALLATION_NAVIGATION.filter((name) => expand.has(name)).map((name) => [name, installation[name]])),
    }));
    res.json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#users('${person.user.id}')/teamwork/installedApps`, value });
  });
  router.get('/users/:id/teamwork/installedApps/:installationId/chat', (req, res) => {
    const person = mailboxOwner(ctx, req, callerOf(res));
    const chat = chats.chatOf(person.user.id, req.params.installationId as string);
    if (!chat) throw notFound(req.params.installationId as string);
    res.json({
      '@odata.context': `${ctx.graphBaseUrl}/$metadata#chats/$entity`,
      id: chat.id,
      topic: null,
      createdDateTime: chat.createdDateTime,
      lastUpdatedDateTime: chat.createdDateTime,
      chatType: 'oneOnOne',
      webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0?tenantId=${DEMO_TENANT_ID}`,
      tenantId: DEMO_TENANT_ID,
      onlineMeetingInfo: null,
      viewpoint: null,
    });
  });
  return router;
}
