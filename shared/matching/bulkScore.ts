import { meetingFit, pairPoints, type ScoringProfile } from './score';
import type { ScoreWeights } from './types';

/**
 * Scores a whole row (one mentee against every mentor) with integers and inverted indexes instead
 * of string comparisons, calling the same `pairPoints` as the per-pair path (memoised).
 */
export interface BulkScorer {
  /** Writes into `scores[i]` the score of mentor i with mentee j where `allowed[i]` is 1, else 0. */
  scoreRow(menteeIndex: number, allowed: Uint8Array, scores: Int32Array): void;
}

export function createBulkScorer(
  mentors: readonly ScoringProfile[],
  mentorSeniority: readonly (number | null)[],
  mentees: readonly ScoringProfile[],
  menteeSeniority: readonly (number | null)[],
  weights: ScoreWeights,
): BulkScorer {
  const ids = new Map<string, number>();
  const intern = (value: string | null) => {
    if (value === null) return -1;
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size));
    return id;
  };
  const department = Int32Array.from(mentors, (m) => intern(m.department));
  const jobFunction = Int32Array.from(mentors, (m) => intern(m.jobFunction));
  const place = Int32Array.from(mentors, (m) => intern(m.place));
  const offeredBy = invert(mentors, (m) => m.topics);
  const spokenBy = invert(mentors, (m) => m.languages);

  const goalHits = new Int32Array(mentors.length);
  const sharesLanguage = new Uint8Array(mentors.length);

  // `pairPoints` depends on a handful of small facts per pair, so each distinct combination is
  // computed once per mentee seniority and looked up after that: goal hits, different department,
  // different function, the mentor's seniority level, shared language, can meet.
  const preferences = ['in-person', 'online', 'either'] as const;
  const preferenceCode = Int32Array.from(mentors, (m) => preferences.indexOf(m.meetingPreference));
  const levels = [...new Set(mentorSeniority.map((s) => s ?? 0))];
  const levelIndex = new Map(levels.map((level, k) => [level, k]));
  const mentorLevel = Int32Array.from(mentorSeniority, (s) => levelIndex.get(s ?? 0)!);
  const goalValues = 1 + mentees.reduce((most, m) => Math.max(most, m.topics.length), 0);
  const tableSize = goalValues * 16 * levels.length;
  const tables = new Map<number, Int32Array>();
  // With very many seniority levels a memo would cost more than it saves.
  const memo = tableSize <= maxTableEntries;
  const canMeet = new Uint8Array(preferences.length * 2);

  return {
    scoreRow(j, allowed, scores) {
      const mentee = mentees[j]!;
      goalHits.fill(0);
      sharesLanguage.fill(0);
      for (const topic of mentee.topics) for (const i of offeredBy.get(topic) ?? []) goalHits[i]!++;
      for (const language of mentee.languages) for (const i of spokenBy.get(language) ?? []) sharesLanguage[i] = 1;
      const menteeDepartment = intern(mentee.department);
      const menteeFunction = intern(mentee.jobFunction);
      const menteePlace = intern(mentee.place);
      const seniority = menteeSeniority[j] ?? 0;
      preferences.forEach((preference, k) => {
        canMeet[2 * k] = meetingFit(preference, mentee.meetingPreference, false) === null ? 0 : 1;
        canMeet[2 * k + 1] = meetingFit(preference, mentee.meetingPreference, true) === null ? 0 : 1;
      });
      let table = memo ? tables.get(seniority) : undefined;
      if (memo && !table) {
        // Bounded memory when seniorities are many and fine-grained: start the memo afresh.
        if (tables.size * tableSize > maxMemoEntries) tables.clear();
        tables.set(seniority, (table = new Int32Array(tableSize).fill(-1)));
      }
      for (let i = 0; i < mentors.length; i++) {
        if (allowed[i] !== 1) {
          scores[i] = 0;
          continue;
        }
        const mentorDepartment = department[i]!;
        const mentorFunction = jobFunction[i]!;
        const mentorPlace = place[i]!;
        const differentDepartment = mentorDepartment !== -1 && menteeDepartment !== -1 && mentorDepartment !== menteeDepartment ? 1 : 0;
        const differentFunction = mentorFunction !== -1 && menteeFunction !== -1 && mentorFunction !== menteeFunction ? 1 : 0;
        const meet = canMeet[2 * preferenceCode[i]! + (mentorPlace !== -1 && mentorPlace === menteePlace ? 1 : 0)]!;
        const key = ((((goalHits[i]! * 2 + differentDepartment) * 2 + differentFunction) * levels.length + mentorLevel[i]!) * 2 + sharesLanguage[i]!) * 2 + meet;
        let points = table ? table[key]! : -1;
        if (points < 0) {
          points = pairPoints(
            weights,
            goalHits[i]!,
            differentDepartment === 1,
            differentFunction === 1,
            seniority - levels[mentorLevel[i]!]!,
            sharesLanguage[i] === 1,
            meet === 1,
          );
          if (table) table[key] = points;
        }
        scores[i] = points;
      }
    },
  };
}

const maxMemoEntries = 1 << 22;
const maxTableEntries = 1 << 16;

function invert<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const key of keys(item)) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  return index;
}
