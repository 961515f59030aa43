import { useCallback, useEffect, useState } from 'react';
import type { BookedSession, SuggestionList, SuggestionView } from '../../../shared/api/booking';
import type { PairView } from '../../../shared/api/pairs';
import { ApiProblem } from '../../../shared/api/problem';
import { type BookingApi, existingSession, type MeetingMode, nextSuggestion, problemText } from '../api/bookingApi';
import type { AddinHost } from '../host/addinHost';
import { fillAppointment, type FillResult } from '../office/appointment';

export type Outcome =
  | { kind: 'booked'; session: BookedSession }
  | { kind: 'moved'; session: BookedSession }
  | { kind: 'cancelled'; session: BookedSession }
  | { kind: 'exists'; message: string; session: BookedSession }
  | { kind: 'filled'; suggestion: SuggestionView; left: FillResult }
  | { kind: 'taken'; message: string; next: SuggestionView | null }
  | { kind: 'error'; message: string };

/**
 * The task pane's state: the pair, its upcoming sessions, the mode, the suggestions (to book, or to
 * move one session to), and what happened to the last choice. Every change reloads the sessions and
 * the suggestions, so a booked time is never offered again.
 */
export function useTaskPane(api: BookingApi, host: AddinHost) {
  const [pairs, setPairs] = useState<PairView[] | null>(null);
  const [pairId, setPairId] = useState<string | null>(null);
  // In person by default: neutral rooms and off-site venues lead, fallback rooms follow, labelled.
  const [mode, setMode] = useState<MeetingMode>('in-person');
  const [from, setFrom] = useState<string | null>(null);
  const [moving, setMoving] = useState<BookedSession | null>(null);
  const [upcoming, setUpcoming] = useState<BookedSession[] | null>(null);
  const [list, setList] = useState<SuggestionList | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Bumped after every booking change: sessions and suggestions are read again.
  const [version, setVersion] = useState(0);

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
    api.upcoming(pairId).then((found) => current && setUpcoming(found), (error: unknown) => current && fail(error));
    return () => {
      current = false;
    };
  }, [api, pairId, version]);

  useEffect(() => {
    if (!pairId) return;
    let current = true;
    setLoading(true);
    setList(null);
    api
      .suggestions(pairId, mode, { reschedule: moving?.id, from: from ?? undefined })
      .then((found) => current && setList(found), (error: unknown) => current && fail(error))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, pairId, mode, moving, from, version]);

  /** Runs one change to the pair's sessions, then reloads what the pane shows. */
  const change = useCallback(async (run: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await run());
    } catch (error) {
      const existing = error instanceof ApiProblem ? existingSession(error) : null;
      if (existing) setOutcome({ kind: 'exists', message: problemText(error), session: existing });
      else if (error instanceof ApiProblem && error.status === 409 && error.code !== 'invalidTransition') setOutcome({ kind: 'taken', message: problemText(error), next: nextSuggestion(error) });
      else fail(error);
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
    }
  }, []);

  const book = useCallback(
    (suggestion: SuggestionView) => {
      if (!pairId) return Promise.resolve();
      const target = moving;
      if (target) {
        return change(async () => {
          const session = await api.reschedule(pairId, target.id, suggestion);
          setMoving(null);
          return { kind: 'moved', session };
        });
      }
      return change(async () => ({ kind: 'booked', session: await api.book(pairId, suggestion) }));
    },
    [api, pairId, moving, change],
  );

  const cancel = useCallback(
    (session: BookedSession) => {
      if (!pairId) return Promise.resolve();
      return change(async () => {
        if (moving?.id === session.id) setMoving(null);
        return { kind: 'cancelled', session: await api.cancel(pairId, session.id) };
      });
    },
    [api, pairId, moving, change],
  );

  const fill = useCallback(
    async (suggestion: SuggestionView) => {
      if (!host.appointment || !list) return;
      setBusy(true);
      setOutcome(null);
      try {
        const left = await fillAppointment(host.appointment, {
          start: new Date(suggestion.start),
          end: new Date(suggestion.end),
          venue: suggestion.venue,
          partner: list.partner,
          subject: list.subject,
          workspaceUrl: list.workspaceUrl,
        });
        setOutcome({ kind: 'filled', suggestion, left });
      } catch (error) {
        fail(error);
      } finally {
        setBusy(false);
      }
    },
    [host.appointment, list],
  );

  const choosePair = (id: string) => {
    setPairId(id);
    setMoving(null);
    setFrom(null);
    setUpcoming(null);
  };
  const chooseMode = (next: MeetingMode) => {
    setMode(next);
    setFrom(null);
  };
  const startMoving = (session: BookedSession | null) => {
    setMoving(session);
    // A move keeps the place: look for times when that kind of place can be had.
    const kind = session?.venue.kind;
    if (kind === 'room' || kind === 'offsite' || kind === 'online') setMode(kind);
    setFrom(null);
    setOutcome(null);
  };

  return {
    pairs,
    pairId,
    setPairId: choosePair,
    mode,
    setMode: chooseMode,
    from,
    lookFrom: setFrom,
    moving,
    startMoving,
    upcoming,
    list,
    loading,
    busy,
    outcome,
    book,
    cancel,
    fill,
    canFill: host.appointment !== null && moving === null,
  };
}
