import type { SurveyAnswered, WaitingSurveyList } from '../../../shared/api/surveys';
import type { ScheduledSurveyKind } from '../../../shared/schemas/survey';
import type { ApiClient } from './client';
import { checked } from './workspaceApi';

/** The survey calls of the tab; answers are checked with the server's own schema before sending. */
export function surveyApi(api: ApiClient) {
  return {
    mine: () => api.get<WaitingSurveyList>('/surveys/mine').then((r) => r.surveys),
    answer: async (pairId: string, kind: ScheduledSurveyKind, answers: Record<string, unknown>) => {
      // Loaded with the first answer, so zod stays out of the first view.
      const { surveyAnswerSchemas } = await import('../../../shared/schemas/survey');
      return api.send<SurveyAnswered>('POST', `/pairs/${encodeURIComponent(pairId)}/surveys/${encodeURIComponent(kind)}`, checked(surveyAnswerSchemas[kind], answers));
    },
  };
}
