import { Router } from 'express';
import type { UpcomingSessions } from '../../shared/api/booking';
import type { AppDeps } from '../appDeps';
import { callerOf } from '../auth/authenticate';
import { ApiError } from '../http/errors';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { bookingDeps } from './bookingDeps';
import { bookingSuggester } from './bookingSuggester';
import { presentBookedSession, presentSuggestions } from './bookingPresenter';
import { bookSchema, pairParams, rescheduleSchema, sessionParams, suggestionsQuery } from './schema';
import { sessionBooker } from './sessionBooker';
import { sessionCanceller, sessionRescheduler } from './sessionChanger';
import { upcomingSessions } from './upcomingSessions';

const dayMs = 86_400_000;
/** getSchedule reads at most 62 days at once. */
const maxWindowDays = 62;

/**
 * Booking a pair's sessions through Microsoft Graph: suggestions, book, move, cancel. Pair members
 * only. Each route parses the request, runs its command's steps and presents the result.
 */
export function bookingRoutes(deps: AppDeps): Router {
  const router = Router();
  const booking = bookingDeps(deps);

  router.get('/pairs/:id/booking/suggestions', async (req, res) => {
    const { id } = parseParams(pairParams, req);
    const query = parseQuery(suggestionsQuery, req);
    const now = deps.clock();
    const from = new Date(Math.max(query.from ? Date.parse(query.from) : 0, now.getTime()));
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 14 * dayMs);
    if (to <= from || to.getTime() - from.getTime() > maxWindowDays * dayMs) {
      throw new ApiError('invalidRequest', { key: 'invalidRequest.window', values: { days: maxWindowDays } }, [{ field: 'to', message: { key: 'field.outOfRange' } }]);
    }
    const result = await bookingSuggester(booking, { actor: callerOf(req), pairId: id, from: from.toISOString(), to: to.toISOString(), mode: query.mode, excludeSessionId: query.reschedule });
    res.json(presentSuggestions(result, booking.workspaceUrl));
  });

  router.get('/pairs/:id/sessions', async (req, res) => {
    const { id } = parseParams(pairParams, req);
    const actor = callerOf(req);
    const { sessions, ctx } = await upcomingSessions(booking, { actor, pairId: id, now: deps.clock() });
    const body: UpcomingSessions = { sessions: sessions.map((s) => presentBookedSession(s, { actor, ctx, identity: booking.identity })) };
    res.json(body);
  });

  router.post('/pairs/:id/sessions', async (req, res) => {
    const { id } = parseParams(pairParams, req);
    const input = parseBody(bookSchema, req);
    const actor = callerOf(req);
    const { session, ctx } = await sessionBooker(booking, { actor, pairId: id, input, now: deps.clock() });
    res.status(201).json(presentBookedSession(session, { actor, ctx, identity: booking.identity }));
  });

  router.patch('/pairs/:id/sessions/:sessionId', async (req, res) => {
    const { id, sessionId } = parseParams(sessionParams, req);
    const { start, end } = parseBody(rescheduleSchema, req);
    const actor = callerOf(req);
    const { session, ctx } = await sessionRescheduler(booking, { actor, pairId: id, sessionId, start, end, now: deps.clock() });
    res.json(presentBookedSession(session, { actor, ctx, identity: booking.identity }));
  });

  router.post('/pairs/:id/sessions/:sessionId/cancel', async (req, res) => {
    const { id, sessionId } = parseParams(sessionParams, req);
    const actor = callerOf(req);
    const { session, ctx } = await sessionCanceller(booking, { actor, pairId: id, sessionId, now: deps.clock() });
    res.json(presentBookedSession(session, { actor, ctx, identity: booking.identity }));
  });

  return router;
}
