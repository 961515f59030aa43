import { createServer, type Server } from 'node:http';
import type { RequestListener } from 'node:http';

export interface HttpLimits {
  /** Time for a whole request, headers and body: a slow body is cut off with 408. */
  requestTimeoutMs: number;
  /** Time for the headers alone (Slowloris). */
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections one process accepts; beyond it new ones are refused at once. */
  maxConnections: number;
}

export const defaultHttpLimits: HttpLimits = { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000, maxConnections: 1000 };

/**
 * An HTTP server that cuts off slow clients. Node checks its timeouts only every
 * `connectionsCheckingInterval` (30 s by default), so the interval follows the shortest limit.
 */
export function listenWithLimits(app: RequestListener, limits: HttpLimits, port: number, host: string): Promise<Server> {
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(250, Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4),
    },
    app,
  );
  server.maxConnections = limits.maxConnections;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
