import { meetingFit, pairPoints, type ScoringProfile } from './score';
import type { ScoreWeights } from './types';

/**
 * Scores a whole row (one mentee against every mentor) with integers and inverted indexes instead
 * of string comparisons, calling the same `pairPoints` as the per-pair path.
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
      for (let i = 0; i < mentors.length; i++) {
        if (allowed[i] !== 1) {
          scores[i] = 0;
          continue;
        }
        const mentorDepartment = department[i]!;
        const mentorFunction = jobFunction[i]!;
        const mentorPlace = place[i]!;
        scores[i] = pairPoints(
          weights,
          goalHits[i]!,
          mentorDepartment !== -1 && menteeDepartment !== -1 && mentorDepartment !== menteeDepartment,
          mentorFunction !== -1 && menteeFunction !== -1 && mentorFunction !== menteeFunction,
          seniority - (mentorSeniority[i] ?? 0),
          sharesLanguage[i] === 1,
          meetingFit(mentors[i]!.meetingPreference, mentee.meetingPreference, mentorPlace !== -1 && mentorPlace === menteePlace) !== null,
        );
      }
    },
  };
}

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
