import { createApiClient } from '../../../shared/api/apiClient';
import type { BookedSession, SuggestionList, SuggestionView } from '../../../shared/api/booking';
import type { PairList, PairView } from '../../../shared/api/pairs';
import { ApiProblem } from '../../../shared/api/problem';

export type MeetingMode = 'any' | 'in-person' | 'room' | 'offsite' | 'online';

const texts = {
  title: 'Something went wrong',
  network: 'Upward cannot be reached. Check your connection and try again.',
  unknown: 'Something went wrong.',
};

/** What the pane shows for a failure: the problem's title and detail, or the error's own words. */
export function problemText(error: unknown): string {
  if (error instanceof ApiProblem) return [error.title, error.detail].filter(Boolean).join('. ');
  return error instanceof Error ? error.message : String(error);
}

/** A booking conflict (409) carries the next free suggestion, when there is one. */
export function nextSuggestion(problem: ApiProblem): SuggestionView | null {
  const next = problem.extensions.next;
  return typeof next === 'object' && next !== null ? (next as SuggestionView) : null;
}

/** The parts of the Upward API the task pane uses. */
export function createBookingApi(getToken: () => Promise<string>, baseUrl = '/api') {
  const api = createApiClient({ fetch: (url, init) => fetch(url, init), getToken, baseUrl, texts });
  return {
    pairs: () => api.get<PairList>('/pairs').then((r) => r.pairs.filter((p): p is PairView => p.status === 'accepted' || p.status === 'active')),
    suggestions: (pairId: string, mode: MeetingMode) => api.get<SuggestionList>(`/pairs/${encodeURIComponent(pairId)}/booking/suggestions?mode=${mode}`),
    book: (pairId: string, s: SuggestionView) =>
      api.send<BookedSession>('POST', `/pairs/${encodeURIComponent(pairId)}/sessions`, { start: s.start, end: s.end, venue: { kind: s.venue.kind, ref: s.venue.ref } }),
  };
}

export type BookingApi = ReturnType<typeof createBookingApi>;
