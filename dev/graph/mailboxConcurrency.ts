import type { NextFunction, Request, Response } from 'express';
import { callerOf } from './context';
import type { DirectoryStore } from './directoryStore';
import { GraphError } from './graphError';

/**
 * Outlook's service limits: an app may have at most 4 requests at a time on one mailbox
 * (learn.microsoft.com/graph/throttling-limits#outlook-service-limits). Exchange answers any
 * more with 429 `ApplicationThrottled` ("Application is over its MailboxConcurrency limit.") and
 * a Retry-After, whether they came alone or as steps of a `$batch`.
 */
const OUTLOOK_MAILBOX_CONCURRENCY = 4;

/** The Outlook resources of a mailbox (calendar, events, mailbox settings, photo, mail), below `/me` or `/users/{id or upn}`. */
const mailboxPath = /^\/(?:me|users\/([^/]+))\/(?:events|calendar|calendars|calendarView|mailboxSettings|photo|photos|messages|mailFolders|contacts)(?:[/(]|$)/i;

/** Counts each app's requests in flight per mailbox and refuses the ones over the limit. */
export function mailboxConcurrency(deps: { directory: Pick<DirectoryStore, 'find'>; limit?: number }) {
  const limit = deps.limit ?? OUTLOOK_MAILBOX_CONCURRENCY;
  const inFlight = new Map<string, number>();
  return (req: Request, res: Response, next: NextFunction) => {
    const match = mailboxPath.exec(req.path);
    if (!match) return void next();
    const caller = callerOf(res);
    const named = match[1] === undefined ? caller.oid : decodeURIComponent(match[1]);
    const mailbox = deps.directory.find(named)?.user.id ?? named.toLowerCase();
    const key = `${caller.appId}:${mailbox}`;
    const count = inFlight.get(key) ?? 0;
    if (count >= limit) throw new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': '1' });
    inFlight.set(key, count + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left > 0) inFlight.set(key, left);
      else inFlight.delete(key);
    };
    // An answer sent, or a caller that gave up: either way the request no longer holds the mailbox.
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}
