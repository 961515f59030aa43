import type { WaitingSurvey } from '../schemas/survey';

/** GET /api/surveys/mine */
export interface WaitingSurveyList {
  surveys: WaitingSurvey[];
}

/** POST /api/pairs/:id/surveys/:kind: whether the answers asked for a no-fault re-pair. */
export interface SurveyAnswered {
  repairRequested: boolean;
}
