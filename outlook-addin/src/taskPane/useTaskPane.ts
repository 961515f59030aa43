import { useCallback, useEffect, useState } from 'react';
import type { BookedSession, SuggestionList, SuggestionView } from '../../../shared/api/booking';
import type { PairView } from '../../../shared/api/pairs';
import { ApiProblem } from '../../../shared/api/problem';
import { type BookingApi, type MeetingMode, nextSuggestion, problemText } from '../api/bookingApi';
import type { AddinHost } from '../host/addinHost';
import { fillAppointment } from '../office/appointment';

export type Outcome =
  | { kind: 'booked'; session: BookedSession }
  | { kind: 'filled'; suggestion: SuggestionView }
  | { kind: 'taken'; message: string; next: SuggestionView | null }
  | { kind: 'error'; message: string };

/** The task pane's state: the pair, the mode, the suggestions, and what happened to the last choice. */
export function useTaskPane(api: BookingApi, host: AddinHost) {
  const [pairs, setPairs] = useState<PairView[] | null>(null);
  const [pairId, setPairId] = useState<string | null>(null);
  const [mode, setMode] = useState<MeetingMode>('room');
  const [list, setList] = useState<SuggestionList | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const fail = (error: unknown) => setOutcome({ kind: 'error', message: problemText(error) });

  useEffect(() => {
    api.pairs().then((found) => {
      setPairs(found);
      setPairId(found[0]?.id ?? null);
    }, fail);
  }, [api]);

  useEffect(() => {
    if (!pairId) return;
    let current = true;
    setLoading(true);
    setList(null);
    api
      .suggestions(pairId, mode)
      .then((found) => current && setList(found), (error: unknown) => current && fail(error))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, pairId, mode]);

  const book = useCallback(
    async (suggestion: SuggestionView) => {
      if (!pairId) return;
      setBusy(true);
      setOutcome(null);
      try {
        setOutcome({ kind: 'booked', session: await api.book(pairId, suggestion) });
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 409) setOutcome({ kind: 'taken', message: problemText(error), next: nextSuggestion(error) });
        else fail(error);
      } finally {
        setBusy(false);
      }
    },
    [api, pairId],
  );

  const fill = useCallback(
    async (suggestion: SuggestionView) => {
      if (!host.appointment || !list) return;
      setBusy(true);
      setOutcome(null);
      try {
        await fillAppointment(host.appointment, {
          start: new Date(suggestion.start),
          end: new Date(suggestion.end),
          location: suggestion.venue.displayName,
          partner: list.partner,
          subject: list.subject,
        });
        setOutcome({ kind: 'filled', suggestion });
      } catch (error) {
        fail(error);
      } finally {
        setBusy(false);
      }
    },
    [host.appointment, list],
  );

  return { pairs, pairId, setPairId, mode, setMode, list, loading, busy, outcome, book, fill, canFill: host.appointment !== null };
}
