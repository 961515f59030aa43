import { Router } from 'express';
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
      throw new ApiError('invalidRequest', `Ask for a window that ends after it starts, in the future, and spans at most ${maxWindowDays} days.`, [{ field: 'to', message: 'out of range' }]);
    }
    const result = await bookingSuggester(booking, { actor: callerOf(req), pairId: id, from: from.toISOString(), to: to.toISOString(), mode: query.mode });
    res.json(presentSuggestions(result));
  });

  router.post('/pairs/:id/sessions', async (req, res) => {
    const { id } = parseParams(pairParams, req);
    const input = parseBody(bookSchema, req);
    const { session, created } = await sessionBooker(booking, { actor: callerOf(req), pairId: id, input, now: deps.clock() });
    res.status(created ? 201 : 200).json(presentBookedSession(session));
  });

  router.patch('/pairs/:id/sessions/:sessionId', async (req, res) => {
    const { id, sessionId } = parseParams(sessionParams, req);
    const { start, end } = parseBody(rescheduleSchema, req);
    const session = await sessionRescheduler(booking, { actor: callerOf(req), pairId: id, sessionId, start, end, now: deps.clock() });
    res.json(presentBookedSession(session));
  });

  router.post('/pairs/:id/sessions/:sessionId/cancel', async (req, res) => {
    const { id, sessionId } = parseParams(sessionParams, req);
    const session = await sessionCanceller(booking, { actor: callerOf(req), pairId: id, sessionId, now: deps.clock() });
    res.json(presentBookedSession(session));
  });

  return router;
}
