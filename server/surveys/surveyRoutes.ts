import type { SurveyAnswered, WaitingSurveyList } from '../../shared/api/surveys';
import { Router } from 'express';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { surveyKindSchema } from '../../shared/schemas/survey';
import type { AppDeps } from '../appDeps';
import { callerOf } from '../auth/authenticate';
import { parseBody, parseParams } from '../http/validate';
import { surveyResponder } from './surveyCommands';
import { surveysWaitingReader } from './surveyReader';

const answerParams = z.object({ id: idSchema, kind: surveyKindSchema });

/**
 * Surveys in the tab: the ones waiting for me, and my answer to one (the same command the bot's
 * survey cards use). Answers never leave the server per person; the insight API aggregates them.
 */
export function surveyRoutes({ db, clock }: AppDeps): Router {
  const router = Router();

  router.get('/surveys/mine', async (req, res) => {
    res.json({ surveys: await surveysWaitingReader({ db, actor: callerOf(req), now: clock() }) } satisfies WaitingSurveyList);
  });

  router.post('/pairs/:id/surveys/:kind', async (req, res) => {
    const { id, kind } = parseParams(answerParams, req);
    // The answers' own schema is the survey's, checked by the command the bot uses too.
    const answers = parseBody(z.record(z.string(), z.unknown()), req);
    res.json((await surveyResponder({ db, actor: callerOf(req), pairId: id, kind, answers, now: clock() })) satisfies SurveyAnswered);
  });

  return router;
}
