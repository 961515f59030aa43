import { createHash } from 'node:crypto';
import express from 'express';
import type { Request, Response } from 'express';
import type { TeamsAppInstallation } from '@microsoft/microsoft-graph-types';
import type { GraphContext } from './context';
import { callerOf, queryOf } from './context';
import { GraphError, notFound } from './graphError';
import { mailboxOwner } from './usersRoutes';

interface Installation {
  installation: TeamsAppInstallation;
  chatId: string;
}

/** Teams app installation in a person's personal scope: how a bot gets a 1:1 chat to message proactively. */
export function teamworkRouter(ctx: GraphContext): express.Router {
  const router = express.Router();
  const installed = new Map<string, Installation[]>();

  const install = (req: Request, res: Response) => {
    const person = mailboxOwner(ctx, req, callerOf(res));
    const bind = (req.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    const appId = typeof bind === 'string' ? /teamsApps\/([^/?]+)/.exec(bind)?.[1] : undefined;
    if (!appId) throw new GraphError(400, 'BadRequest', "The 'teamsApp@odata.bind' property must reference /appCatalogs/teamsApps/{id}.");
    const list = installed.get(person.user.id) ?? [];
    if (list.some((i) => i.installation.teamsApp?.id === appId)) throw new GraphError(409, 'Conflict', 'The app is already installed for this user.');
    const digest = createHash('sha256').update(`${person.user.id}:${appId}`).digest('base64url');
    list.push({
      installation: { id: digest, teamsApp: { id: appId, externalId: null, displayName: 'Upward', distributionMethod: 'organization' }, teamsAppDefinition: { id: `${digest}-def`, teamsAppId: appId, displayName: 'Upward', version: '1.0.0' } },
      chatId: `19:${person.user.id}_${appId}@unq.gbl.spaces`,
    });
    installed.set(person.user.id, list);
    res.status(201).end();
  };
  router.post('/users/:id/teamwork/installedApps', install);
  router.post('/me/teamwork/installedApps', install);

  router.get('/users/:id/teamwork/installedApps', (req, res) => {
    const person = mailboxOwner(ctx, req, callerOf(res));
    const filter = queryOf(req).get('$filter');
    const appId = filter ? /teamsApp\/id eq '([^']+)'/.exec(filter)?.[1] : undefined;
    const value = (installed.get(person.user.id) ?? []).filter((i) => !appId || i.installation.teamsApp?.id === appId).map((i) => i.installation);
    res.json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#users('${person.user.id}')/teamwork/installedApps`, value });
  });
  router.get('/users/:id/teamwork/installedApps/:installationId/chat', (req, res) => {
    const person = mailboxOwner(ctx, req, callerOf(res));
    const found = (installed.get(person.user.id) ?? []).find((i) => i.installation.id === req.params.installationId);
    if (!found) throw notFound(req.params.installationId as string);
    res.json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#chats/$entity`, id: found.chatId, chatType: 'oneOnOne' });
  });
  return router;
}
