import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { GRAPH_RESOURCE } from '../demoOrg/tenant';
import type { TokenIssuer } from '../identity/tokenIssuer';
import { BATCH_ITEM_HEADER, batchRouter } from './batchRoute';
import { calendarRouter } from './calendarRoutes';
import { channelRouter, type ChannelStore } from './channelRoutes';
import type { Caller, GraphContext } from './context';
import type { FaultInjector } from './faults';
import { GraphError, sendGraphError } from './graphError';
import { mailboxConcurrency } from './mailboxConcurrency';
import { meetingChatRouter, type MeetingChatStore } from './meetingChatRoutes';
import { requirePermissions } from './permissions';
import { placesRouter } from './placesRoutes';
import type { RequestStats } from './requestStats';
import { chatRouter, type TeamsChatStore } from './teamsChats';
import { teamworkRouter } from './teamworkRoutes';
import { usersRouter } from './usersRoutes';

/** Graph's own application id: tokens for Graph may carry it or the resource URL as `aud`. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface GraphAppConfig extends GraphContext {
  issuer: TokenIssuer;
  /** Concurrent requests an app may have on one mailbox (Outlook's limit, 4, by default). */
  mailboxConcurrency?: number;
  faults: FaultInjector;
  stats: RequestStats;
  channels: ChannelStore;
  chats: TeamsChatStore;
  meetingChats: MeetingChatStore;
}

function authenticate(issuer: TokenIssuer) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    let claims;
    try {
      claims = await issuer.verify(token, [GRAPH_RESOURCE, GRAPH_APP_ID]);
    } catch (error) {
      throw new GraphError(401, 'InvalidAuthenticationToken', `Access token validation failure. ${(error as Error).message}`);
    }
    const caller: Caller = {
      kind: claims.idtyp === 'app' ? 'app' : 'user',
      oid: String(claims.oid ?? ''),
      appId: String(claims.azp ?? claims.appid ?? ''),
      scopes: typeof claims.scp === 'string' ? claims.scp.split(' ') : [],
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
    };
    res.locals.caller = caller;
    next();
  };
}

interface RouteLayer {
  match(path: string): boolean;
  route?: { methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

/**
 * A known resource asked with a method it does not support: Graph answers 405, not "resource not
 * found". Reads the routes the stand-in registered, so the rule follows them.
 */
function methodNotAllowed(router: express.Router) {
  const routes = (layers: RouteLayer[]): RouteLayer[] => layers.flatMap((layer) => (layer.route ? [layer] : layer.handle?.stack ? routes(layer.handle.stack) : []));
  return (req: Request, _res: Response, next: NextFunction) => {
    const known = routes((router as unknown as { stack: RouteLayer[] }).stack).filter((layer) => layer.match(req.path));
    const method = req.method === 'HEAD' ? 'get' : req.method.toLowerCase();
    if (known.length > 0 && !known.some((layer) => layer.route!.methods[method])) {
      throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
    }
    next();
  };
}

/** Microsoft Graph v1.0 as Upward uses it, to be mounted at `/v1.0`. */
export function createGraphRouter(config: GraphAppConfig): express.Router {
  const router = express.Router();
  router.use((req, _res, next) => {
    config.stats.record(req.method, req.path, req.get(BATCH_ITEM_HEADER) === '1');
    next();
  });
  router.use(express.json({ limit: '1mb' }));
  router.use(authenticate(config.issuer));
  router.use(mailboxConcurrency({ directory: config.directory, limit: config.mailboxConcurrency }));
  // After the concurrency count: a request made slow holds its mailbox while it waits, as a slow Exchange call does.
  router.use((req, res, next) => {
    const fault = config.faults.take(req.method, req.path);
    if (!fault) {
      next();
      return;
    }
    setTimeout(() => {
      if (fault.status === undefined) {
        next();
        return;
      }
      const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
      const code = fault.status === 429 ? 'TooManyRequests' : fault.status === 503 ? 'ServiceUnavailable' : 'InjectedFault';
      const message = fault.status === 429 ? 'Too many requests. Please retry after the time given in the Retry-After header.' : 'The service is temporarily unavailable.';
      sendGraphError(res, new GraphError(fault.status, code, message, headers), req.get('client-request-id'));
      // A late answer nobody waits for any more must not keep the process alive.
    }, fault.delayMs ?? 0).unref();
  });
  router.use(requirePermissions(config));
  router.use(usersRouter(config));
  router.use(placesRouter(config));
  router.use(calendarRouter(config));
  router.use(teamworkRouter(config, config.chats));
  router.use(chatRouter(config, config.chats));
  router.use(meetingChatRouter(config, config.meetingChats));
  router.use(channelRouter(config, config.channels));
  router.use(batchRouter(() => config.graphBaseUrl));
  router.use(methodNotAllowed(router));
  router.use((req) => {
    throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${req.path.split('/').filter(Boolean).pop() ?? ''}'.`);
  });
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof GraphError) {
      sendGraphError(res, error, req.get('client-request-id'));
    } else if (error instanceof SyntaxError || (error as { type?: string }).type === 'entity.parse.failed') {
      sendGraphError(res, new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'));
    } else {
      sendGraphError(res, new GraphError(500, 'generalException', (error as Error).message ?? 'An unexpected error occurred.'));
    }
  });
  return router;
}
