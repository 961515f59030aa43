import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The real Graph client pointed at the stand-in. Its AuthenticationHandler only adds tokens to
 * https hosts, and the stand-in is plain http on 127.0.0.1, so a tiny middleware adds the bearer
 * token instead; the retry handler and message handler are the library's own.
 */
export function graphClientFor(graphBaseUrl: string, token: () => Promise<string>): Client {
  const bearer: Middleware & { next?: Middleware } = {
    async execute(context: Context) {
      const headers = new Headers(context.options?.headers as HeadersInit | undefined);
      headers.set('Authorization', `Bearer ${await token()}`);
      context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
      await bearer.next!.execute(context);
    },
    setNext(next: Middleware) {
      bearer.next = next;
    },
  };
  const retry = new RetryHandler(new RetryHandlerOptions(1, 3));
  bearer.setNext!(retry);
  retry.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ baseUrl: graphBaseUrl.replace(/\/v1\.0$/, ''), defaultVersion: 'v1.0', middleware: bearer });
}
