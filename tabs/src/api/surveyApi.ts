import { surveyAnswerSchemas, type ScheduledSurveyKind, type SurveyQuestion } from '../../../shared/schemas/survey';
import type { ApiClient } from './client';
import type { Role } from './types';
import { checked } from './workspaceApi';

/** A survey due for me in one of my pairs, as GET /api/surveys/mine presents it. */
export interface WaitingSurvey {
  pairId: string;
  kind: ScheduledSurveyKind;
  role: Role;
  dueAt: string;
  partner: { displayName: string };
  questions: SurveyQuestion[];
}

/** The survey calls of the tab; answers are checked with the server's own schema before sending. */
export function surveyApi(api: ApiClient) {
  return {
    mine: () => api.get<{ surveys: WaitingSurvey[] }>('/surveys/mine').then((r) => r.surveys),
    answer: (pairId: string, kind: ScheduledSurveyKind, answers: Record<string, unknown>) =>
      api.send<{ repairRequested: boolean }>('POST', `/pairs/${encodeURIComponent(pairId)}/surveys/${encodeURIComponent(kind)}`, checked(surveyAnswerSchemas[kind], answers)),
  };
}
