import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface ReceivedActivity {
  conversationId: string;
  // Activities are read as loosely as Teams would show them; each test asserts the fields it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  activity: any;
}

/**
 * The Teams side of the Bot Connector on 127.0.0.1, for tests: it records what the bot posts to a
 * conversation (replies and proactive messages) and can answer 429 with Retry-After, as Teams does.
 */
export async function startTeamsConnector() {
  const received: ReceivedActivity[] = [];
  let throttle: { remaining: number; retryAfterSeconds: number } = { remaining: 0, retryAfterSeconds: 0 };
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:replyToId'], (req, res) => {
    if (throttle.remaining > 0) {
      throttle.remaining--;
      res.set('Retry-After', String(throttle.retryAfterSeconds)).status(429).json({ error: { code: 'TooManyRequests', message: 'Slow down.' } });
      return;
    }
    const conversationId = String(req.params.conversationId);
    received.push({ conversationId, activity: req.body });
    res.status(201).json({ id: `${conversationId}:${received.length}` });
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    /** The next `times` posts are refused with 429 and Retry-After. */
    throttleNext(times: number, retryAfterSeconds: number) {
      throttle = { remaining: times, retryAfterSeconds };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TeamsConnector = Awaited<ReturnType<typeof startTeamsConnector>>;
