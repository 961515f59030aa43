import express from 'express';
import { GraphError } from './graphError';

const MAX_REQUESTS = 20;
/** Marks requests the stand-in makes to itself while executing a batch (counted as batched, not as HTTP calls). */
export const BATCH_ITEM_HEADER = 'x-standin-batch-item';

interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * `POST /$batch`: up to 20 requests, each run through the stand-in's own HTTP stack (so faults,
 * auth and counters apply per request, as in Graph). `dependsOn` orders requests; a request whose
 * dependency failed gets 424.
 */
export function batchRouter(graphBaseUrl: () => string): express.Router {
  const router = express.Router();
  router.post('/$batch', async (req, res) => {
    const requests = (req.body as { requests?: BatchRequest[] } | undefined)?.requests;
    if (!Array.isArray(requests)) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > MAX_REQUESTS) throw new GraphError(400, 'BadRequest', `The number of requests in the batch (${requests.length}) exceeds the limit of ${MAX_REQUESTS}.`);
    const ids = new Set<string>();
    for (const r of requests) {
      if (typeof r.id !== 'string' || typeof r.url !== 'string' || typeof r.method !== 'string' || ids.has(r.id)) {
        throw new GraphError(400, 'BadRequest', 'Every batch request needs a unique id, a method and a url.');
      }
      ids.add(r.id);
      // Header names are case-insensitive (the docs write Content-Type); a body needs one, as Graph requires.
      const headerNames = Object.keys(r.headers ?? {}).map((name) => name.toLowerCase());
      if (r.body !== undefined && !headerNames.includes('content-type')) {
        throw new GraphError(400, 'BadRequest', `Request '${r.id}' has a body but no Content-Type header; a batch request with a body must say its content type.`);
      }
    }
    for (const r of requests) {
      for (const dep of r.dependsOn ?? []) if (!ids.has(dep)) throw new GraphError(400, 'BadRequest', `Request '${r.id}' depends on unknown request '${dep}'.`);
    }
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (id: string) => {
      if (done.has(id)) return;
      if (visiting.has(id)) throw new GraphError(400, 'BadRequest', 'The dependsOn values of the batch form a cycle.');
      visiting.add(id);
      for (const dep of requests.find((x) => x.id === id)!.dependsOn ?? []) visit(dep);
      done.add(id);
    };
    for (const r of requests) visit(r.id);
    const authorization = req.get('authorization');
    const results = new Map<string, Promise<BatchResponse>>();
    const run = (r: BatchRequest): Promise<BatchResponse> => {
      const existing = results.get(r.id);
      if (existing) return existing;
      const promise = (async (): Promise<BatchResponse> => {
        const deps = await Promise.all((r.dependsOn ?? []).map((d) => run(requests.find((x) => x.id === d)!)));
        if (deps.some((d) => d.status >= 400)) {
          return { id: r.id, status: 424, headers: {}, body: { error: { code: 'FailedDependency', message: 'A request this request depends on failed.' } } };
        }
        // Graph wants URLs relative to the version; the Graph JS SDK keeps `/v1.0` for a non-Graph host, so accept both.
        const url = r.url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/?(v1\.0\/)?/, '/');
        const headers: Record<string, string> = { ...Object.fromEntries(Object.entries(r.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])), [BATCH_ITEM_HEADER]: '1' };
        if (authorization) headers.authorization = authorization;
        const hasBody = r.body !== undefined && r.method.toUpperCase() !== 'GET';
        const response = await fetch(`${graphBaseUrl()}${url}`, { method: r.method.toUpperCase(), headers, body: hasBody ? JSON.stringify(r.body) : undefined });
        const outHeaders: Record<string, string> = {};
        for (const name of ['content-type', 'retry-after', 'location']) {
          const v = response.headers.get(name);
          if (v) outHeaders[name === 'content-type' ? 'Content-Type' : name === 'retry-after' ? 'Retry-After' : 'Location'] = v;
        }
        const type = response.headers.get('content-type') ?? '';
        const raw = Buffer.from(await response.arrayBuffer());
        let body: unknown;
        if (raw.length > 0) body = type.includes('json') ? JSON.parse(raw.toString('utf8')) : raw.toString('base64');
        return { id: r.id, status: response.status, headers: outHeaders, ...(body === undefined ? {} : { body }) };
      })();
      results.set(r.id, promise);
      return promise;
    };
    const responses = await Promise.all(requests.map(run));
    res.json({ responses });
  });
  return router;
}
