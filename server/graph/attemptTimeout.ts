import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Gives each attempt of a Graph request its own deadline. It sits after the SDK's retry handler,
 * so a retry after a 429 gets a fresh deadline rather than what is left of the first one, and a
 * Graph that never answers fails the request instead of holding it (and a worker's job) forever.
 */
export class AttemptTimeout implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const given = context.options?.signal;
    context.options = { ...context.options, signal: given ? AbortSignal.any([given, deadline]) : deadline };
    if (!this.next) throw new Error('AttemptTimeout must not be the last middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
