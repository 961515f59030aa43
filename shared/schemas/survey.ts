import { z } from 'zod';
import { says } from './messages';
import type { Role } from '../glossary';

/** The surveys a pair is asked on the programme's schedule (the pulse is programme-wide, not per pair). */
export const scheduledSurveyKinds = ['pairing-fit', 'mid-point', 'end'] as const;
export type ScheduledSurveyKind = (typeof scheduledSurveyKinds)[number];

const score = z.coerce.number({ message: says('schema.score') }).int(says('schema.score')).min(1, says('schema.score')).max(5, says('schema.score'));
const comment = z.string().trim().max(2000, says('schema.tooLong')).optional();
// Adaptive Card toggles submit 'true'/'false' strings; the tab sends booleans.
const yes = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional();

/**
 * What each survey asks, for the bot's cards and the tab's forms alike. The end survey's
 * before/after self-assessment is the mentee's understanding of other cultures and generations,
 * or the mentor's confidence (the role says which).
 */
export const surveyAnswerSchemas = {
  'pairing-fit': z.object({ fit: score, repair: yes }).strict(),
  'mid-point': z.object({ progress: score, comment }).strict(),
  end: z.object({ before: score, after: score, comment }).strict(),
} as const satisfies Record<ScheduledSurveyKind, z.ZodType>;

/**
 * The scores a stored answer carries, whatever its kind (the pulse's rating included): what the
 * dashboard counts. Comments and the re-pair request are not among them, so a reader of scores
 * cannot pass a comment on.
 */
export const storedSurveyScoresSchema = z.object({ rating: score.optional(), fit: score.optional(), progress: score.optional(), before: score.optional(), after: score.optional() });
export type StoredSurveyScores = z.infer<typeof storedSurveyScoresSchema>;

export const surveyKindSchema = z.enum(scheduledSurveyKinds, { message: says('schema.surveyKind') });

/** The questions of each survey, in order, so a form can be drawn from them. */
export type SurveyQuestion = { name: string; type: 'score' | 'text' | 'yes-no'; required: boolean };
export const surveyQuestions: Record<ScheduledSurveyKind, SurveyQuestion[]> = {
  'pairing-fit': [
    { name: 'fit', type: 'score', required: true },
    { name: 'repair', type: 'yes-no', required: false },
  ],
  'mid-point': [
    { name: 'progress', type: 'score', required: true },
    { name: 'comment', type: 'text', required: false },
  ],
  end: [
    { name: 'before', type: 'score', required: true },
    { name: 'after', type: 'score', required: true },
    { name: 'comment', type: 'text', required: false },
  ],
};

/** A survey due for the caller in one of their pairs, as GET /api/surveys/mine presents it. */
export interface WaitingSurvey {
  pairId: string;
  kind: ScheduledSurveyKind;
  /** The caller's role in the pair: the end survey's self-assessment is worded by it. */
  role: Role;
  dueAt: string;
  partner: { displayName: string };
  questions: SurveyQuestion[];
}
