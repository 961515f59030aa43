import type { Request, Response } from 'express';
import type { CalendarStore } from './calendarStore';
import type { DirectoryStore } from './directoryStore';
import { GraphError } from './graphError';

/** What every Graph route needs: the stores and the public base URL (for `@odata` links). */
export interface GraphContext {
  directory: DirectoryStore;
  calendars: CalendarStore;
  /** For example `http://127.0.0.1:5100/v1.0`. */
  graphBaseUrl: string;
}

/** The verified caller of a request: a person (delegated token) or the app itself (app-only token). */
export interface Caller {
  kind: 'user' | 'app';
  oid: string;
  /** The calling app's client id (`azp`, or `appid` in v1 tokens): Exchange's limits are per app and mailbox. */
  appId: string;
  scopes: string[];
  roles: string[];
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}

/** The query string as Graph reads it (`$`-prefixed names, repeated keys not merged). */
export function queryOf(req: Request): URLSearchParams {
  const at = req.originalUrl.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
}

/** A delegated token only reaches its own mailbox; an app token reaches any (application permission). */
export function assertMailboxAccess(caller: Caller, mailboxUserId: string): void {
  if (caller.kind === 'user' && caller.oid !== mailboxUserId) {
    throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
}
