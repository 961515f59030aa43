import { ApiProblem, problemFrom, type ProblemTexts } from './problem';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, contentType?: string): Promise<T>;
  /** A file the service sends as an attachment (CSV exports), with the name it suggests. */
  download(path: string): Promise<{ blob: Blob; filename: string }>;
  /** A binary resource such as an image; null when the service answers 404 (there is none). */
  blob(path: string, accept: string): Promise<Blob | null>;
}

export interface ApiClientOptions {
  /** The page's fetch: the client does no I/O of its own, so it can live in shared/. */
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** The caller's Entra ID token for the Upward API, from the host. */
  getToken(): Promise<string>;
  /**
   * When the service answers interactionRequired (Microsoft 365 needs the person's consent or MFA
   * before Upward may act for them): ask the person, with the claims challenge, for a new token.
   * A host that cannot ask leaves it out, and the problem reaches the page.
   */
  reauthenticate?(claims: string | undefined): Promise<string>;
  baseUrl?: string;
  texts: ProblemTexts;
  /** The reader's locale, so the service words its problems in their language (the codes stay the same). */
  acceptLanguage?: string;
}

/**
 * The one client of the Upward API, for the tab and the add-in: the token on every call, every
 * failure as an ApiProblem that keeps the catalogue code and the problem's other members.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { texts, baseUrl = '/api' } = options;
  async function fetchOk(method: string, path: string, body?: unknown, contentType = 'application/json', accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, ...(options.acceptLanguage ? { 'Accept-Language': options.acceptLanguage } : {}) };
    let payload: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = contentType;
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    async function send(token: string): Promise<Response> {
      try {
        return await options.fetch(`${baseUrl}${path}`, { method, headers: { ...headers, Authorization: `Bearer ${token}` }, body: payload });
      } catch {
        throw ApiProblem.network(texts);
      }
    }
    const response = await send(await options.getToken());
    if (response.ok) return response;
    const problem = await problemFrom(response, texts);
    if (problem.code !== 'interactionRequired' || !options.reauthenticate) throw problem;
    // Declined, closed or failed: the person sees what Microsoft 365 asked for, and can try again.
    const token = await options.reauthenticate(problem.text('claims')).catch(() => {
      throw problem;
    });
    const retried = await send(token);
    if (!retried.ok) throw await problemFrom(retried, texts);
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
