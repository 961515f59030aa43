/** The parts of the Upward API the task pane uses, with problem documents kept whole (a 409 carries the next suggestion). */

export interface PairSummary {
  id: string;
  status: 'proposed' | 'accepted' | 'active' | 'paused' | 'ended';
  myRole: 'mentor' | 'mentee';
  programme: { name: string };
  partner: { displayName: string };
}

export interface Suggestion {
  start: string;
  end: string;
  venue: { kind: 'room' | 'offsite' | 'online'; ref: string | null; displayName: string };
  neutrality: string;
  fallback: boolean;
  why: string;
}

export interface SuggestionList {
  subject: string;
  suggestions: Suggestion[];
  partner: { displayName: string; mail: string };
}

export interface BookedSession {
  id: string;
  startsAt: string;
  endsAt: string;
  venue: { kind: string | null; displayName: string | null };
  joinUrl: string | null;
  subject: string;
}

export class BookingProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly next: Suggestion | null,
  ) {
    super(message);
  }
}

export type MeetingMode = 'any' | 'in-person' | 'room' | 'offsite' | 'online';

export function createBookingApi(getToken: () => Promise<string>, baseUrl = '/api') {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await getToken()}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new BookingProblem(0, 'network', 'Upward cannot be reached. Check your connection and try again.', null);
    }
    const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const text = [payload.title, payload.detail].filter((t) => typeof t === 'string').join('. ');
      throw new BookingProblem(response.status, String(payload.code ?? 'error'), text || 'Something went wrong.', (payload.next as Suggestion | null | undefined) ?? null);
    }
    return payload as T;
  }
  return {
    pairs: () => call<{ pairs: PairSummary[] }>('GET', '/pairs').then((r) => r.pairs.filter((p) => p.status === 'accepted' || p.status === 'active')),
    suggestions: (pairId: string, mode: MeetingMode) => call<SuggestionList>('GET', `/pairs/${pairId}/booking/suggestions?mode=${mode}`),
    book: (pairId: string, s: Suggestion) => call<BookedSession>('POST', `/pairs/${pairId}/sessions`, { start: s.start, end: s.end, venue: { kind: s.venue.kind, ref: s.venue.ref } }),
  };
}

export type BookingApi = ReturnType<typeof createBookingApi>;
