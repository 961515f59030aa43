import type { Participant } from '../glossary';
import type { PairReason } from './reasons';
import type { MatchCandidate, ScoreWeights } from './types';

export const defaultScoreWeights: ScoreWeights = {
  eligible: 10,
  goalMatch: 12,
  maxGoalMatches: 3,
  differentDepartment: 15,
  differentFunction: 10,
  gapLevel: 4,
  maxGapLevels: 3,
  sharedLanguage: 12,
  meetingFit: 10,
};

type MeetingPreference = Participant['meetingPreference'];

/** A candidate's profile and directory facts, normalised once so that both scoring paths agree. */
export interface ScoringProfile {
  /** Normalised learning goals (mentee) or offers (mentor), without duplicates. */
  topics: string[];
  /** Display text for each entry of `topics`. */
  topicLabels: string[];
  languages: string[];
  department: string | null;
  jobFunction: string | null;
  place: string | null;
  meetingPreference: MeetingPreference;
}

/** The facts about a pair that its score is made of. */
export interface PairFeatures {
  /** The mentee's learning goals the mentor offers (display text). */
  goalMatches: string[];
  differentDepartment: boolean;
  differentFunction: boolean;
  seniorityGap: number;
  sharedLanguages: string[];
  meetingFit: 'online' | 'in-person' | null;
}

const seniorityWords = new Set([
  'senior', 'sr', 'junior', 'jr', 'lead', 'principal', 'staff', 'chief', 'head', 'of', 'associate', 'assistant',
  'graduate', 'intern', 'trainee', 'apprentice', 'executive', 'vice', 'vp', 'svp', 'evp', 'i', 'ii', 'iii', 'iv',
]);

/** The kind of work a job title describes, without its level: "Senior Data Analyst II" -> "data analyst". */
export function jobFunctionOf(jobTitle: string | null): string | null {
  if (jobTitle === null) return null;
  const words = jobTitle.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && !seniorityWords.has(w));
  return words.length === 0 ? null : words.join(' ');
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** "en-GB", "en_gb" and "EN" are one language: the primary subtag of a language tag. */
export function languageKey(language: string): string {
  const key = normalise(language);
  const tag = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/.exec(key);
  return tag ? tag[1]! : key;
}

function orNull(text: string | null): string | null {
  if (text === null) return null;
  const value = normalise(text);
  return value === '' ? null : value;
}

export function scoringProfile(candidate: MatchCandidate): ScoringProfile {
  const { participant, directory } = candidate;
  const topics: string[] = [];
  const topicLabels: string[] = [];
  const raw = participant.role === 'mentee' ? participant.learningGoals : participant.offers;
  for (const label of raw) {
    const topic = normalise(label);
    if (topic !== '' && !topics.includes(topic)) {
      topics.push(topic);
      topicLabels.push(label.trim());
    }
  }
  const languages = [...participant.languages, ...(directory.preferredLanguage ? [directory.preferredLanguage] : [])]
    .map(languageKey)
    .filter((l, i, all) => l !== '' && all.indexOf(l) === i);
  return {
    topics,
    topicLabels,
    languages,
    department: orNull(directory.department),
    jobFunction: jobFunctionOf(orNull(directory.jobTitle)),
    place: orNull(directory.city) ?? orNull(directory.officeLocation),
    meetingPreference: participant.meetingPreference,
  };
}

/** How the two can meet the way both prefer, if at all: online first, as it works at any distance. */
export function meetingFit(
  mentor: MeetingPreference,
  mentee: MeetingPreference,
  samePlace: boolean,
): 'online' | 'in-person' | null {
  if (mentor !== 'in-person' && mentee !== 'in-person') return 'online';
  if (mentor !== 'online' && mentee !== 'online' && samePlace) return 'in-person';
  return null;
}

/** The one definition of a pair's score; both the per-pair and the bulk path call it. */
export function pairPoints(
  weights: ScoreWeights,
  goalMatches: number,
  differentDepartment: boolean,
  differentFunction: boolean,
  seniorityGap: number,
  sharedLanguage: boolean,
  canMeet: boolean,
): number {
  const gapLevels = Math.min(Math.max(Math.floor(seniorityGap) - 1, 0), weights.maxGapLevels);
  return (
    weights.eligible +
    weights.goalMatch * Math.min(goalMatches, weights.maxGoalMatches) +
    (differentDepartment ? weights.differentDepartment : 0) +
    (differentFunction ? weights.differentFunction : 0) +
    weights.gapLevel * gapLevels +
    (sharedLanguage ? weights.sharedLanguage : 0) +
    (canMeet ? weights.meetingFit : 0)
  );
}

const differ = (a: string | null, b: string | null) => a !== null && b !== null && a !== b;

export function pairFeatures(
  mentor: ScoringProfile,
  mentorSeniority: number,
  mentee: ScoringProfile,
  menteeSeniority: number,
): PairFeatures {
  return {
    goalMatches: mentee.topicLabels.filter((_, k) => mentor.topics.includes(mentee.topics[k]!)),
    differentDepartment: differ(mentor.department, mentee.department),
    differentFunction: differ(mentor.jobFunction, mentee.jobFunction),
    seniorityGap: menteeSeniority - mentorSeniority,
    sharedLanguages: mentee.languages.filter((l) => mentor.languages.includes(l)),
    meetingFit: meetingFit(
      mentor.meetingPreference,
      mentee.meetingPreference,
      mentor.place !== null && mentor.place === mentee.place,
    ),
  };
}

export function featurePoints(features: PairFeatures, weights: ScoreWeights): number {
  return pairPoints(
    weights,
    features.goalMatches.length,
    features.differentDepartment,
    features.differentFunction,
    features.seniorityGap,
    features.sharedLanguages.length > 0,
    features.meetingFit !== null,
  );
}

/**
 * Why a pair scored well, as codes with the facts they speak of. Only facts about the two people
 * themselves: never a manager, never whose chain anyone is in.
 */
export function pairReasons(features: PairFeatures, weights: ScoreWeights): PairReason[] {
  const reasons: PairReason[] = [];
  if (features.goalMatches.length > 0 && weights.goalMatch > 0) reasons.push({ code: 'goalMatch', values: { goals: features.goalMatches } });
  if (features.differentDepartment && weights.differentDepartment > 0) reasons.push({ code: 'differentDepartment' });
  if (features.differentFunction && weights.differentFunction > 0) reasons.push({ code: 'differentFunction' });
  if (features.seniorityGap > 1 && weights.gapLevel > 0 && weights.maxGapLevels > 0) {
    reasons.push({ code: 'seniorityGap', values: { levels: Math.floor(features.seniorityGap) } });
  }
  if (features.sharedLanguages.length > 0 && weights.sharedLanguage > 0) reasons.push({ code: 'sharedLanguage', values: { languages: features.sharedLanguages } });
  if (features.meetingFit === 'online' && weights.meetingFit > 0) reasons.push({ code: 'meetOnline' });
  if (features.meetingFit === 'in-person' && weights.meetingFit > 0) reasons.push({ code: 'meetInPerson' });
  if (reasons.length === 0) reasons.push({ code: 'eligible' });
  return reasons;
}

/**
 * The score of one pair and why, for any mentor and mentee (for example a pair an admin makes by
 * swapping). It does not check the pairing rules: that is `canPair`.
 */
export function scorePair(
  mentor: MatchCandidate,
  mentee: MatchCandidate,
  weights: ScoreWeights = defaultScoreWeights,
): { score: number; reasons: PairReason[] } {
  const features = pairFeatures(scoringProfile(mentor), mentor.seniority ?? 0, scoringProfile(mentee), mentee.seniority ?? 0);
  return { score: featurePoints(features, weights), reasons: pairReasons(features, weights) };
}
