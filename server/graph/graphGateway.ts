import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import type { Caller } from '../auth/caller';
import { AttemptTimeout } from './attemptTimeout';
import { BearerToken } from './bearerToken';
import { type BatchOutcome, type BatchStep, sendBatched } from './graphBatch';
import type { GraphTokens } from './graphTokens';

export interface GraphList<T> {
  items: T[];
  /** Present at the end of a delta round: where to ask for the next changes. */
  deltaLink: string | null;
  pages: number;
}

/** Microsoft Graph as one identity sees it. Paths are relative to the version root (`/users/...`). */
export interface GraphSession {
  get<T>(path: string, headers?: Record<string, string>): Promise<T>;
  /** Every page of a collection, following `@odata.nextLink`. A delta link may be passed as the path. */
  list<T>(path: string, headers?: Record<string, string>): Promise<GraphList<T>>;
  /** A write (POST, PATCH, DELETE); resolves to the response body, or undefined when there is none. */
  send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  /** Many requests in as few `$batch` calls as Graph allows; outcomes keyed by step id. */
  batch(steps: readonly BatchStep[]): Promise<Map<string, BatchOutcome>>;
}

export interface GraphGateway {
  /** The app's own identity, for background work. */
  forApp(tenantId: string): GraphSession;
  /** On behalf of the signed-in caller, where the user acts. */
  forUser(caller: Pick<Caller, 'tenantId' | 'accessToken'>): GraphSession;
}

export interface GraphGatewayOptions {
  /** The version root, e.g. `https://graph.microsoft.com/v1.0` or the stand-in's. */
  baseUrl: string;
  tokens: GraphTokens;
  retry?: { maxRetries?: number; delaySeconds?: number };
  /** How long one attempt may wait for Graph's answer. */
  attemptTimeoutMs?: number;
}

/**
 * The one way server code reaches Microsoft Graph: the official client with its retry handler
 * (which honours Retry-After on 429 and 503), against a configurable base URL, so real Graph and
 * the local stand-in are the same code path.
 */
export function createGraphGateway(options: GraphGatewayOptions): GraphGateway {
  const base = new URL(options.baseUrl.replace(/\/+$/, ''));
  const version = base.pathname.split('/').pop() ?? '';
  const host = `${base.origin}${base.pathname.slice(0, base.pathname.length - version.length).replace(/\/+$/, '')}`;
  const root = `${host}/${version}`;
  const maxRetries = options.retry?.maxRetries ?? 3;
  const delaySeconds = options.retry?.delaySeconds ?? 3;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 20_000;

  /** Graph's links are absolute; they are followed only when they point back at the configured Graph. */
  function relative(link: string): string {
    if (link.startsWith('/')) return link;
    if (!link.startsWith(`${root}/`)) throw new Error(`Graph returned a link outside ${root}; refusing to send a token there.`);
    return link.slice(root.length);
  }

  function session(acquire: () => Promise<string>): GraphSession {
    // The Graph client turns an error thrown while getting the token into a status-less GraphError
    // (which reads as "Microsoft 365 did not answer"); keep the token's own failure (consent or MFA
    // needed) so the caller sees that instead.
    let tokenFailure: unknown;
    const token = () =>
      acquire().catch((error: unknown) => {
        tokenFailure = error;
        throw error;
      });
    async function unwrapped<T>(call: () => Promise<T>): Promise<T> {
      try {
        return await call();
      } catch (error) {
        throw tokenFailure ?? error;
      }
    }
    const client = Client.initWithMiddleware({
      baseUrl: host,
      defaultVersion: version,
      middleware: [
        new BearerToken(base.origin, token),
        new RetryHandler(new RetryHandlerOptions(delaySeconds, maxRetries)),
        new AttemptTimeout(attemptTimeoutMs),
        new TelemetryHandler(),
        new HTTPMessageHandler(),
      ],
    });
    return {
      get: (path, headers = {}) => unwrapped(() => client.api(relative(path)).headers(headers).get()),
      list: <T>(path: string, headers: Record<string, string> = {}) => unwrapped(() => listAll<T>(path, headers)),
      send: (method, path, body, headers = {}) => unwrapped(() => sendOne(method, path, body, headers)),
      batch: (steps) => unwrapped(() => sendBatched(client, base.origin, steps, { maxRetries, defaultDelaySeconds: delaySeconds })),
    };

    async function listAll<T>(path: string, headers: Record<string, string>): Promise<GraphList<T>> {
      const items: T[] = [];
      let next: string | undefined = path;
      let deltaLink: string | null = null;
      let pages = 0;
      while (next) {
        const page = (await client.api(relative(next)).headers(headers).get()) as {
          value?: T[];
          '@odata.nextLink'?: string;
          '@odata.deltaLink'?: string;
        };
        pages++;
        items.push(...(page.value ?? []));
        next = page['@odata.nextLink'];
        deltaLink = page['@odata.deltaLink'] ?? deltaLink;
      }
      return { items, deltaLink, pages };
    }

    async function sendOne(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, headers: Record<string, string>) {
      const request = client.api(relative(path)).headers(headers);
      if (method === 'POST') return request.post(body ?? {});
      if (method === 'PATCH') return request.patch(body ?? {});
      return request.delete();
    }
  }

  return {
    forApp: (tenantId) => session(() => options.tokens.appOnly(tenantId)),
    forUser: (caller) => session(() => options.tokens.onBehalfOf(caller.tenantId, caller.accessToken)),
  };
}
