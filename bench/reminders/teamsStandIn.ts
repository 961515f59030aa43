import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/**
 * A Teams (Bot Connector) stand-in on 127.0.0.1: it accepts proactive messages like Teams does
 * and throttles like Teams, answering 429 with Retry-After once a conversation-wide rate is passed.
 */
export async function startTeamsStandIn(options: { ratePerSecond: number }) {
  const received = new Map<string, number>();
  let throttled = 0;
  let windowStart = Date.now();
  let inWindow = 0;
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  // Teams takes a new message and a reply to an activity alike.
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:replyToId'], (req, res) => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    if (inWindow >= options.ratePerSecond) {
      throttled++;
      res.set('Retry-After', '1').status(429).json({ error: { code: 'TooManyRequests', message: 'Slow down.' } });
      return;
    }
    inWindow++;
    const id = String(req.params.conversationId);
    received.set(id, (received.get(id) ?? 0) + 1);
    res.status(201).json({ id: `${id}:${received.get(id)}` });
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    received,
    throttledCount: () => throttled,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
