import { storedSurveyScoresSchema, type StoredSurveyScores } from '../../shared/schemas/survey';
import { readStoredObject } from '../store/json';

/**
 * The scores of a stored survey answer. A score that no longer parses is left out and logged,
 * as a missing one is: counting it as any value would change the dashboard's figures.
 */
export function storedSurveyScoresOf(raw: unknown, response: { survey_id: string; participant_id: string }): StoredSurveyScores {
  return readStoredObject<StoredSurveyScores>(storedSurveyScoresSchema.shape, {}, raw, { table: 'survey_responses', column: 'answers', id: `${response.survey_id}/${response.participant_id}` });
}
