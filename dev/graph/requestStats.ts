export interface RequestStatsSnapshot {
  /** HTTP requests clients sent to Graph (a `$batch` counts once). */
  httpRequests: number;
  /** `POST /$batch` calls. */
  batchCalls: number;
  /** Requests carried inside batches. */
  batchedRequests: number;
  /** Every Graph request handled, direct or inside a batch, by method and path (no query). */
  byPath: Record<string, number>;
}

/** Counters that let tests and benchmarks check how many calls a piece of code made. */
export class RequestStats {
  private snapshot: RequestStatsSnapshot = { httpRequests: 0, batchCalls: 0, batchedRequests: 0, byPath: {} };

  record(method: string, path: string, insideBatch: boolean): void {
    if (insideBatch) this.snapshot.batchedRequests += 1;
    else this.snapshot.httpRequests += 1;
    if (path === '/$batch' && method === 'POST') this.snapshot.batchCalls += 1;
    const key = `${method} ${path}`;
    this.snapshot.byPath[key] = (this.snapshot.byPath[key] ?? 0) + 1;
  }

  get(): RequestStatsSnapshot {
    return { ...this.snapshot, byPath: { ...this.snapshot.byPath } };
  }

  reset(): void {
    this.snapshot = { httpRequests: 0, batchCalls: 0, batchedRequests: 0, byPath: {} };
  }
}
