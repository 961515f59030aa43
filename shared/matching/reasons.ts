import { z } from 'zod';
import type { PairBlockCode } from '../pairingRules';

/**
 * Why the engine proposed a pair, or left a person unmatched: a stable code and the data it
 * speaks of, never words. Each client words it in its reader's language (`wordPairReason`,
 * `wordUnmatchedReason`), so one stored run reads in French to one admin and German to another.
 */
export const pairReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('goalMatch'), values: z.object({ goals: z.array(z.string()).min(1) }) }),
  z.object({ code: z.literal('differentDepartment') }),
  z.object({ code: z.literal('differentFunction') }),
  z.object({ code: z.literal('seniorityGap'), values: z.object({ levels: z.number().int().positive() }) }),
  z.object({ code: z.literal('sharedLanguage'), values: z.object({ languages: z.array(z.string()).min(1) }) }),
  z.object({ code: z.literal('meetOnline') }),
  z.object({ code: z.literal('meetInPerson') }),
  z.object({ code: z.literal('eligible') }),
]);
export type PairReason = z.infer<typeof pairReasonSchema>;

/**
 * The rules an unmatched person may be told ruled out their candidates. Reporting lines are left
 * out: in a small programme, "ruled out by reporting lines" would tell a person that someone in
 * their own chain has enrolled.
 */
export const ruleTopics = ['same-person', 'role-mismatch', 'chain-unknown', 'seniority-unknown', 'mentor-not-junior', 'gap-too-small', 'already-paired', 'admin-block'] as const satisfies readonly PairBlockCode[];
export type RuleTopic = (typeof ruleTopics)[number];

const partner = z.enum(['mentor', 'mentee']);
export const unmatchedReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('noPartnerEnrolled'), values: z.object({ partner }) }),
  z.object({ code: z.literal('noneEligible'), values: z.object({ partner, topics: z.array(z.enum(ruleTopics)) }) }),
  z.object({ code: z.literal('capacityTaken'), values: z.object({ eligible: z.number().int().positive() }) }),
  z.object({ code: z.literal('noCapacity') }),
  z.object({ code: z.literal('betterElsewhere'), values: z.object({ eligible: z.number().int().positive() }) }),
]);
export type UnmatchedReason = z.infer<typeof unmatchedReasonSchema>;

/**
 * A sentence stored in English by the engine before its reasons were codes (decision 0071). It is
 * shown as it was written, with a note saying so: rewriting it would mean guessing at its data.
 */
export interface RecordedReason {
  code: 'recorded';
  values: { text: string };
}

export type ShownPairReason = PairReason | RecordedReason;
export type ShownUnmatchedReason = UnmatchedReason | RecordedReason;

export type PairReasonKey = `matchReason.${ShownPairReason['code']}`;
export type UnmatchedReasonKey = `matchReason.${ShownUnmatchedReason['code']}` | `matchRule.${RuleTopic}`;

/** What wording a reason needs from a front door's translator (its catalogue holds the keys). */
export interface ReasonWords<K extends string> {
  t(key: K, values?: Record<string, string | number>): string;
  list(items: readonly string[]): string;
}

/** A pair's reason in the reader's words; lists are joined as the reader's language joins them. */
export function wordPairReason(reason: ShownPairReason, words: ReasonWords<PairReasonKey>): string {
  switch (reason.code) {
    case 'goalMatch':
      return words.t('matchReason.goalMatch', { goals: words.list(reason.values.goals) });
    case 'sharedLanguage':
      return words.t('matchReason.sharedLanguage', { languages: words.list(reason.values.languages) });
    case 'seniorityGap':
    case 'recorded':
      return words.t(`matchReason.${reason.code}`, reason.values);
    default:
      return words.t(`matchReason.${reason.code}`);
  }
}

/** Why a person is unmatched, in the reader's words. */
export function wordUnmatchedReason(reason: ShownUnmatchedReason, words: ReasonWords<UnmatchedReasonKey>): string {
  switch (reason.code) {
    case 'noneEligible': {
      const { partner, topics } = reason.values;
      return words.t('matchReason.noneEligible', { partner, topicCount: topics.length, topics: words.list(topics.map((topic) => words.t(`matchRule.${topic}`))) });
    }
    case 'noCapacity':
      return words.t('matchReason.noCapacity');
    default:
      return words.t(`matchReason.${reason.code}`, reason.values);
  }
}
