import type { AddressInfo } from 'node:net';
import { startM365StandIn, type M365StandIn } from '../../dev/m365StandIn';
import type { UserTokenOptions } from '../../dev/identity/tokenIssuer';
import { exposeManagedIdentity, standInEnvironment } from '../../dev/standInEnvironment';
import { createApp } from '../../server/app';
import { listenWithLimits } from '../../server/http/httpServer';
import type { AppDeps } from '../../server/appDeps';
import { composeDeps } from '../../server/composition';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { testEngines, type TestDatabase, type TestEngine } from './databases';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestService {
  url: string;
  standIn: M365StandIn;
  database: TestDatabase;
  deps: AppDeps;
  tokenFor(userId: string, options?: UserTokenOptions): Promise<string>;
  /** Calls the API over real HTTP as a person (their real token) or anonymously. */
  // Tests read response bodies as loosely as a client would; each asserts the fields it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api<T = any>(method: string, path: string, options?: { as?: string; body?: unknown; token?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  /**
   * Posts an activity to /api/messages as the Bot Connector does: signed by the stand-in's Bot
   * Connector for the bot's id, vouching for the activity's service URL (unsigned in anonymous mode).
   */
  postActivity(activity: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the real app with its production wiring (composeDeps) on a random port, against the
 * Microsoft 365 stand-in and a fresh database, for tests that go through real HTTP.
 */
export async function startTestService(
  options: {
    engine?: TestEngine;
    size?: number;
    seed?: string;
    clock?: () => Date;
    standIn?: M365StandIn;
    /** The stand-in's environment the service starts from (its managed identity by default; `certificateEnvironment` for a host without one); `env` overrides it. */
    environment?: (standIn: M365StandIn) => Record<string, string>;
    env?: Record<string, string>;
    databasePoolSize?: number;
  } = {},
): Promise<TestService> {
  const standIn = options.standIn ?? (await startM365StandIn({ port: 0, seed: options.seed ?? 'upward', size: options.size ?? 120 }));
  const database = await (options.engine ?? testEngines()[0]!).create({ maxConnections: options.databasePoolSize });
  // Tests meet the bot endpoint as production does (Bot Framework tokens) unless they ask for the Playground's anonymous mode.
  exposeManagedIdentity(standIn);
  const config = loadConfig({ ...(options.environment ?? standInEnvironment)(standIn), BOT_AUTH: 'entra', PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  const deps = composeDeps(config, database.db, createLogger(config.logLevel), options.clock);
  const app = createApp(deps);
  const server = await listenWithLimits(app, config.http, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    standIn,
    database,
    deps,
    tokenFor: (userId, tokenOptions) => standIn.issueToken(userId, tokenOptions),
    async api(method, path, { as, body, token, headers = {} } = {}) {
      const bearer = token ?? (as ? await standIn.issueToken(as) : undefined);
      const isText = typeof body === 'string';
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...(body !== undefined ? { 'content-type': isText ? 'text/csv' : 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : isText ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      return { status: response.status, headers: response.headers, body: parsed as never };
    },
    async postActivity(activity) {
      const bearer = config.bot.auth === 'anonymous' ? null : await standIn.botConnector.issueActivityToken({ audience: config.bot.connection.clientId, serviceUrl: String(activity.serviceUrl) });
      return fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify(activity),
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.drop();
      if (!options.standIn) await standIn.stop();
    },
  };
}
