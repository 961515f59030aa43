import { BatchRequestContent, type BatchRequestStep, type Client } from '@microsoft/microsoft-graph-client';

/** Graph accepts at most 20 requests in one `$batch`. */
export const maxBatchSize = 20;

export interface BatchStep {
  /** Unique among the steps of one call; the outcome is keyed by it. */
  id: string;
  /** Relative to the version root, e.g. `/users/{id}?$select=id`. */
  path: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchOutcome {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface BatchResponseBody {
  responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
}

export interface BatchOptions {
  /** How often throttled steps (429/503 inside a batch) are sent again. */
  maxRetries: number;
  /** Seconds to wait before resending a throttled step that names no Retry-After. */
  defaultDelaySeconds: number;
}

function retryAfterSeconds(headers: Record<string, string> | undefined, fallback: number): number {
  const value = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : fallback;
}

/**
 * Sends many requests as few `$batch` calls as Graph allows (20 a call). The SDK's retry handler
 * covers a throttled `$batch` as a whole; a step throttled inside an accepted batch comes back as
 * its own 429, so those steps are gathered and sent again after the longest Retry-After.
 */
export async function sendBatched(
  client: Client,
  graphOrigin: string,
  steps: readonly BatchStep[],
  options: BatchOptions,
): Promise<Map<string, BatchOutcome>> {
  const outcomes = new Map<string, BatchOutcome>();
  let pending = [...steps];
  for (let attempt = 0; pending.length > 0; attempt++) {
    const byId = new Map(pending.map((step) => [step.id, step]));
    const throttled: BatchStep[] = [];
    let waitSeconds = 0;
    for (let start = 0; start < pending.length; start += maxBatchSize) {
      const chunk = pending.slice(start, start + maxBatchSize);
      // BatchRequestContent keeps only the path of each request's URL, which Graph reads relative
      // to the version root; the origin is there because a Request needs an absolute URL.
      const content = new BatchRequestContent(chunk.map(toBatchRequestStep(graphOrigin)));
      const response = (await client.api('/$batch').post(await content.getContent())) as BatchResponseBody;
      for (const r of response.responses) {
        const step = byId.get(r.id);
        if (step && (r.status === 429 || r.status === 503) && attempt < options.maxRetries) {
          throttled.push(step);
          waitSeconds = Math.max(waitSeconds, retryAfterSeconds(r.headers, options.defaultDelaySeconds));
        } else {
          outcomes.set(r.id, { status: r.status, headers: r.headers ?? {}, body: r.body });
        }
      }
    }
    pending = throttled;
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
  }
  return outcomes;
}

function toBatchRequestStep(graphOrigin: string) {
  return (step: BatchStep): BatchRequestStep => {
    const headers = new Headers(step.headers);
    let body: string | undefined;
    if (step.body !== undefined) {
      body = JSON.stringify(step.body);
      headers.set('Content-Type', 'application/json');
    }
    return { id: step.id, request: new Request(`${graphOrigin}${step.path}`, { method: step.method ?? 'GET', headers, body }) };
  };
}
