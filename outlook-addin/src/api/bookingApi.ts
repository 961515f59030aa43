import { createApiClient } from '../../../shared/api/apiClient';
import type { BookedSession, SuggestionList, SuggestionView, UpcomingSessions } from '../../../shared/api/booking';
import type { PairList, PairView } from '../../../shared/api/pairs';
import { ApiProblem } from '../../../shared/api/problem';
import { currentLocale, t } from '../i18n';

export type MeetingMode = 'any' | 'in-person' | 'room' | 'offsite' | 'online';

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

/** A booking refused because the pair already has a session then (409 sessionExists) carries that session. */
export function existingSession(problem: ApiProblem): BookedSession | null {
  const session = problem.extensions.session;
  return problem.code === 'sessionExists' && typeof session === 'object' && session !== null ? (session as BookedSession) : null;
}

const pairPath = (pairId: string) => `/pairs/${encodeURIComponent(pairId)}`;

/** The parts of the Upward API the task pane uses. */
export function createBookingApi(getToken: () => Promise<string>, baseUrl = '/api') {
  // Problems come back in the person's language (the service reads Accept-Language).
  const api = createApiClient({
    fetch: (url, init) => fetch(url, init),
    getToken,
    baseUrl,
    texts: { title: t('errors.title'), network: t('errors.network'), unknown: t('errors.unknown') },
    acceptLanguage: currentLocale(),
  });
  return {
    pairs: () => api.get<PairList>('/pairs').then((r) => r.pairs.filter((p): p is PairView => p.status === 'accepted' || p.status === 'active')),
    upcoming: (pairId: string) => api.get<UpcomingSessions>(`${pairPath(pairId)}/sessions`).then((r) => r.sessions),
    /** Suggestions to book, or, with `reschedule`, to move that session to (its own time then does not count against the spacing); from now, or from `from`. */
    suggestions: (pairId: string, mode: MeetingMode, options: { reschedule?: string | undefined; from?: string | undefined } = {}) => {
      const query = new URLSearchParams({ mode });
      if (options.reschedule) query.set('reschedule', options.reschedule);
      if (options.from) query.set('from', options.from);
      return api.get<SuggestionList>(`${pairPath(pairId)}/booking/suggestions?${query.toString()}`);
    },
    book: (pairId: string, s: SuggestionView) => api.send<BookedSession>('POST', `${pairPath(pairId)}/sessions`, { start: s.start, end: s.end, venue: { kind: s.venue.kind, ref: s.venue.ref } }),
    reschedule: (pairId: string, sessionId: string, s: Pick<SuggestionView, 'start' | 'end'>) =>
      api.send<BookedSession>('PATCH', `${pairPath(pairId)}/sessions/${encodeURIComponent(sessionId)}`, { start: s.start, end: s.end }),
    cancel: (pairId: string, sessionId: string) => api.send<BookedSession>('POST', `${pairPath(pairId)}/sessions/${encodeURIComponent(sessionId)}/cancel`),
  };
}

export type BookingApi = ReturnType<typeof createBookingApi>;
