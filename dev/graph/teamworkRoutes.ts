import express from 'express';
import type { Request, Response } from 'express';
import type { GraphContext } from './context';
import { callerOf, queryOf } from './context';
import { GraphError, notFound } from './graphError';
import type { TeamsChatStore } from './teamsChats';
import { mailboxOwner } from './usersRoutes';

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
    const filter = queryOf(req).get('$filter');
    const appId = filter ? /teamsApp\/id eq '([^']+)'/.exec(filter)?.[1] : undefined;
    res.json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#users('${person.user.id}')/teamwork/installedApps`, value: chats.installationsOf(person.user.id, appId) });
  });
  router.get('/users/:id/teamwork/installedApps/:installationId/chat', (req, res) => {
    const person = mailboxOwner(ctx, req, callerOf(res));
    const chatId = chats.chatOf(person.user.id, req.params.installationId as string);
    if (!chatId) throw notFound(req.params.installationId as string);
    res.json({ '@odata.context': `${ctx.graphBaseUrl}/$metadata#chats/$entity`, id: chatId, chatType: 'oneOnOne' });
  });
  return router;
}
