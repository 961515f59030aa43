import { useCallback, useEffect, useState } from 'react';
import { type BookedSession, type BookingApi, BookingProblem, type MeetingMode, type PairSummary, type Suggestion, type SuggestionList } from '../api/bookingApi';
import type { AddinHost } from '../host/addinHost';
import { fillAppointment } from '../office/appointment';

export type Outcome =
  | { kind: 'booked'; session: BookedSession }
  | { kind: 'filled'; suggestion: Suggestion }
  | { kind: 'taken'; message: string; next: Suggestion | null }
  | { kind: 'error'; message: string };

/** The task pane's state: the pair, the mode, the suggestions, and what happened to the last choice. */
export function useTaskPane(api: BookingApi, host: AddinHost) {
  const [pairs, setPairs] = useState<PairSummary[] | null>(null);
  const [pairId, setPairId] = useState<string | null>(null);
  const [mode, setMode] = useState<MeetingMode>('room');
  const [list, setList] = useState<SuggestionList | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const fail = (error: unknown) => setOutcome({ kind: 'error', message: error instanceof Error ? error.message : String(error) });

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
    async (suggestion: Suggestion) => {
      if (!pairId) return;
      setBusy(true);
      setOutcome(null);
      try {
        setOutcome({ kind: 'booked', session: await api.book(pairId, suggestion) });
      } catch (error) {
        if (error instanceof BookingProblem && error.status === 409) setOutcome({ kind: 'taken', message: error.message, next: error.next });
        else fail(error);
      } finally {
        setBusy(false);
      }
    },
    [api, pairId],
  );

  const fill = useCallback(
    async (suggestion: Suggestion) => {
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
