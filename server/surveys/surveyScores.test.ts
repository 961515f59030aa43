import { reportStoredDataTo } from '../store/json';
import { storedSurveyScoresOf } from './surveyScores';

const warn = jest.fn();
beforeAll(() => reportStoredDataTo({ warn }));
beforeEach(() => warn.mockClear());

const response = { survey_id: 's1', participant_id: 'p1' };

describe('reading the scores of a stored survey answer', () => {
  it('keeps the 1-5 scores, as numbers whether stored as numbers or as card text, and drops the comment', () => {
    expect(storedSurveyScoresOf({ before: 2, after: '4', comment: 'private words' }, response)).toEqual({ before: 2, after: 4 });
    expect(storedSurveyScoresOf({ rating: '3' }, response)).toEqual({ rating: 3 });
    expect(warn).not.toHaveBeenCalled();
  });

  it('leaves out a score that no longer parses, keeps the others, and logs which one', () => {
    expect(storedSurveyScoresOf({ fit: 7, progress: 2.5, after: 5 }, response)).toEqual({ after: 5 });
    expect(warn).toHaveBeenCalledWith({ table: 'survey_responses', column: 'answers', id: 's1/p1', fields: ['fit', 'progress'] }, expect.any(String));
  });

  it('reads a value that is not an object as no scores, and logs it', () => {
    expect(storedSurveyScoresOf('4', response)).toEqual({});
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ fields: ['(not an object)'] }), expect.any(String));
  });
});
