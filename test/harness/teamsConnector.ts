import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { teamsRateLimiter } from '../../dev/botConnector/teamsRateLimits';

export interface ReceivedActivity {
  conversationId: string;
  // Activities are read as loosely as Teams would show them; each test asserts the fields it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  activity: any;
}

/** What Teams shows of an activity the bot posted: its first card, else its text. */
function shownText(activity: { text?: string; attachments?: { content?: unknown }[] }): string {
  return JSON.stringify(activity.attachments?.[0]?.content ?? activity.text);
}

/** The tenant a post is for, as the activity names it. */
function tenantOf(activity: { conversation?: { tenantId?: string }; channelData?: { tenant?: { id?: string } } }): string {
  return activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? '';
}

/** A button pressed on a card: its verb, and its data merged with the card's inputs, as Teams sends them. */
export interface CardPress {
  verb: string;
  data: Record<string, unknown>;
}

/** What the connector does with one post instead of answering 201 at once. */
export type ConnectorFault =
  /** Refused (429 with Retry-After, or 5xx): Teams did not take the message. */
  | { status: number; retryAfterSeconds?: number }
  /** Taken, but answered late. */
  | { delayMs: number }
  /** Taken, and never answered while the connector runs (a sender killed meanwhile never learns it was delivered). */
  | { hold: true };

/**
 * The Teams side of the Bot Connector on 127.0.0.1, for tests: it records what the bot posts to a
 * conversation (replies and proactive messages) and can refuse, delay or hold posts as Teams might.
 * `onAccepted` sees each post Teams took, the moment it took it (before answering): where a test
 * puts it into the person's chat as Graph shows it.
 */
export async function startTeamsConnector(
  options: {
    onAccepted?: (taken: ReceivedActivity) => void;
    /** When given, the connector takes only posts this accepts (the bot's token), as the Bot Connector does; others get 401. */
    authorize?: (authorization: string | undefined) => Promise<boolean>;
    /** Refuse posts over Teams' documented bot limits, with 429 and Retry-After, as Teams does. */
    rateLimited?: boolean;
  } = {},
) {
  const limiter = options.rateLimited ? teamsRateLimiter() : null;
  const received: ReceivedActivity[] = [];
  const faults: ConnectorFault[] = [];
  const held: ReceivedActivity[] = [];
  const refused: { conversationId: string; status: number }[] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:replyToId'], async (req, res) => {
    if (options.authorize && !(await options.authorize(req.get('authorization')))) {
      refused.push({ conversationId: String(req.params.conversationId), status: 401 });
      res.status(401).json({ message: 'Authorization has been denied for this request.' });
      return;
    }
    const limit = limiter?.admit(tenantOf(req.body), String(req.params.conversationId));
    if (limit && !limit.ok) {
      refused.push({ conversationId: String(req.params.conversationId), status: 429 });
      res.set('Retry-After', String(limit.retryAfterSeconds)).status(429).json({ error: { code: 'TooManyRequests', message: 'Too many requests.' } });
      return;
    }
    const fault = faults.shift();
    if (fault && 'status' in fault) {
      refused.push({ conversationId: String(req.params.conversationId), status: fault.status });
      if (fault.retryAfterSeconds !== undefined) res.set('Retry-After', String(fault.retryAfterSeconds));
      res.status(fault.status).json({ error: { code: fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'Not now.' } });
      return;
    }
    const conversationId = String(req.params.conversationId);
    const entry = { conversationId, activity: req.body };
    received.push(entry);
    options.onAccepted?.(entry);
    const answer = { id: `${conversationId}:${received.length}` };
    if (fault && 'hold' in fault) held.push(entry);
    else if (fault) setTimeout(() => res.status(201).json(answer), fault.delayMs);
    else res.status(201).json(answer);
  });
  /** The next posts meet these faults, one each, in order; posts after them are answered normally. */
  const inject = (next: readonly ConnectorFault[]) => {
    faults.splice(0, faults.length, ...next);
  };
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    received,
    /** Posts taken but never answered (see `{ hold: true }`). */
    held,
    /** Posts refused by an injected status (Teams did not take them). */
    refused,
    /** The next `times` posts are refused with 429 and Retry-After. */
    throttleNext(times: number, retryAfterSeconds: number) {
      inject(Array.from({ length: times }, () => ({ status: 429, retryAfterSeconds })));
    },
    inject,
    /**
     * A person writes to the bot in their 1:1 chat, as Teams would post it (through the Bot
     * Connector, which signs it) to the service's /api/messages; answers the HTTP status and what the bot posted back meanwhile (each card's
     * content, or the text, as JSON), all of it in that person's conversation.
     */
    async chat(
      bot: { postActivity(activity: Record<string, unknown>): Promise<Response> },
      from: { tenantId: string; userId: string; name: string; at: Date },
      fields: { text?: string; value?: Record<string, unknown>; press?: CardPress; locale?: string },
    ) {
      const before = received.length;
      const conversationId = `a:personal-${from.userId}`;
      const { press, ...messageFields } = fields;
      // A pressed button arrives as Teams sends a Universal Action: an invoke, answered in the HTTP response.
      const kind = press
        ? { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: press.verb, data: press.data }, trigger: 'manual' } }
        : { type: 'message' };
      const response = await bot.postActivity({
          ...kind,
          id: randomUUID(),
          timestamp: from.at.toISOString(),
          channelId: 'msteams',
          serviceUrl: url,
          from: { id: `29:${from.userId}`, name: from.name, aadObjectId: from.userId },
          recipient: { id: '28:upward-bot', name: 'Upward' },
          conversation: { id: conversationId, conversationType: 'personal', tenantId: from.tenantId },
          channelData: { tenant: { id: from.tenantId } },
          ...messageFields,
      });
      const answers = received.slice(before);
      const invokeAnswer = press && response.ok ? ((await response.json()) as { type?: string; value?: unknown }) : null;
      return {
        status: response.status,
        conversations: answers.map((r) => r.conversationId).filter((c) => c !== conversationId),
        /** The card that replaced the pressed one (or the message Teams shows beside it), then what was posted. */
        cards: [...(invokeAnswer ? [JSON.stringify(invokeAnswer.value)] : []), ...answers.map((r) => shownText(r.activity))],
        answerType: invokeAnswer?.type,
      };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TeamsConnector = Awaited<ReturnType<typeof startTeamsConnector>>;
