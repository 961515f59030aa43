import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

function setHeader(context: Context, name: string, value: string): void {
  if (typeof context.request !== 'string') {
    context.request.headers.set(name, value);
    return;
  }
  context.options ??= {};
  const headers = context.options.headers;
  if (!headers) context.options.headers = { [name]: value };
  else if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) headers.push([name, value]);
  else (headers as Record<string, string>)[name] = value;
}

/**
 * Puts a bearer token on requests to the configured Graph endpoint and on no other host. It
 * replaces the SDK's AuthenticationHandler, which only recognises https Graph hosts and so would
 * send the local stand-in (plain http on 127.0.0.1) no token at all.
 */
export class BearerToken implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly graphOrigin: string,
    private readonly token: () => Promise<string>,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin === this.graphOrigin) setHeader(context, 'Authorization', `Bearer ${await this.token()}`);
    if (!this.next) throw new Error('BearerToken must not be the last middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
