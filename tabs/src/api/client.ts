import type { Host } from '../host/host';
import { ApiProblem, problemFrom } from './problem';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, contentType?: string): Promise<T>;
  /** A file the service sends as an attachment (CSV exports), with the name it suggests. */
  download(path: string): Promise<{ blob: Blob; filename: string }>;
  /** A binary resource such as an image; null when the service answers 404 (there is none). */
  blob(path: string, accept: string): Promise<Blob | null>;
}

/**
 * Calls the Upward API with the host's Entra ID token; every failure becomes an ApiProblem. When the
 * service answers interactionRequired (Microsoft 365 needs the person's consent or MFA before Upward
 * may act for them), the host asks the person, with the claims challenge if any, and the request is
 * sent once more with the new token.
 */
export function createApiClient(host: Pick<Host, 'getToken'>, baseUrl = '/api'): ApiClient {
  async function fetchOk(method: string, path: string, body?: unknown, contentType = 'application/json', accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    let payload: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = contentType;
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    async function send(token: string): Promise<Response> {
      try {
        return await fetch(`${baseUrl}${path}`, { method, headers: { ...headers, Authorization: `Bearer ${token}` }, body: payload });
      } catch {
        throw ApiProblem.network();
      }
    }
    const response = await send(await host.getToken());
    if (response.ok) return response;
    const problem = await problemFrom(response);
    if (problem.extensions.code !== 'interactionRequired') throw problem;
    // Declined, closed or failed: the person sees what Microsoft 365 asked for, and can try again.
    const token = await host.getToken({ interactive: true, claims: problem.extensions.claims }).catch(() => {
      throw problem;
    });
    const retried = await send(token);
    if (!retried.ok) throw await problemFrom(retried);
    return retried;
  }
  async function request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const response = await fetchOk(method, path, body, contentType);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  return {
    get: (path) => request('GET', path),
    send: (method, path, body, contentType) => request(method, path, body, contentType),
    async download(path) {
      const response = await fetchOk('GET', path, undefined, undefined, 'text/csv, application/problem+json');
      const filename = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'upward-export.csv';
      return { blob: await response.blob(), filename };
    },
    async blob(path, accept) {
      try {
        return await (await fetchOk('GET', path, undefined, undefined, `${accept}, application/problem+json`)).blob();
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }
    },
  };
}
