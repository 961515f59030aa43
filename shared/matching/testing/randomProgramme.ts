import type { ReportingChain } from '../../glossary';
import { pairKey } from '../../pairingRules';
import { buildReportingChain } from '../../reportingChain';
import type { MatchCandidate, MatchInput, MatchPin } from '../types';

export interface RandomProgrammeShape {
  seed: number;
  mentors: number;
  mentees: number;
  maxCapacity: number;
  pins: number;
}

/** A small deterministic generator (mulberry32), so a failing case replays from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics = ['ai tools', 'gen z views', 'inclusion', 'social media', 'hybrid work', 'accessibility'];
const departments = ['Sales', 'Finance', 'Engineering', 'HR', null];
const titles = ['Senior Analyst', 'Analyst', 'Engineer', 'Lead Engineer', 'Director', null];
const places = ['Paris', 'Lyon', 'Leeds', null];
const languages = ['en', 'fr', 'de-DE', 'EN-gb'];
const preferences = ['in-person', 'online', 'either'] as const;

/**
 * A random organisation as messy as a real directory: people without managers, managers missing
 * from the directory, manager cycles, people with no chain at all, unknown seniority, and someone
 * enrolled in both roles; profiles drawn from small pools so that scores tie often.
 */
export function randomProgramme(shape: RandomProgrammeShape): MatchInput & { managerIds: Set<string> } {
  const random = seededRandom(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = <T>(items: readonly T[], p: number) => items.filter(() => random() < p);
  const people = shape.mentors + shape.mentees;
  const staff = Math.max(1, Math.ceil(people * 1.3));
  const manager = new Map<string, string | null>();
  for (let k = 0; k < staff; k++) {
    const roll = random();
    // Mostly a tree (a manager with a lower number), sometimes none, a ghost or a cycle.
    const managerId =
      k === 0 || roll < 0.05 ? null : roll < 0.08 ? `ghost${k}` : roll < 0.11 ? `p${Math.floor(random() * staff)}` : `p${Math.floor(random() * k)}`;
    manager.set(`p${k}`, managerId);
  }
  const chains = new Map<string, ReportingChain>();
  for (const id of manager.keys()) {
    if (random() < 0.03) continue; // not synchronised from the directory yet
    chains.set(id, buildReportingChain(id, (m) => manager.get(m)));
  }
  const useGrades = random() < 0.5;
  const seniority = (userId: string): number | null => {
    const chain = chains.get(userId);
    if (useGrades) return random() < 0.05 ? null : Math.floor(random() * 8);
    return !chain || chain.cycle ? null : -chain.managerIds.length;
  };
  const candidate = (k: number, role: 'mentor' | 'mentee', userId: string): MatchCandidate => ({
    participant: {
      id: `${role}${k}`,
      userId,
      role,
      learningGoals: some(topics, 0.3),
      offers: some(topics, 0.3),
      meetingPreference: pick(preferences),
      languages: some(languages, 0.4),
      capacity: Math.floor(random() * (shape.maxCapacity + 1)),
    },
    directory: {
      department: pick(departments),
      jobTitle: pick(titles),
      officeLocation: pick(places),
      city: random() < 0.5 ? pick(places) : null,
      preferredLanguage: random() < 0.5 ? pick(languages) : null,
    },
    seniority: seniority(userId),
  });
  const userOf = () => `p${Math.floor(random() * staff)}`;
  const mentors = Array.from({ length: shape.mentors }, (_, k) => candidate(k, 'mentor', userOf()));
  const mentees = Array.from({ length: shape.mentees }, (_, k) => candidate(k, 'mentee', userOf()));
  const randomPairKey = () => pairKey(pick(mentors).participant.userId, pick(mentees).participant.userId);
  const blockCount = shape.mentors > 0 && shape.mentees > 0 ? people : 0;
  const pins: MatchPin[] = [];
  for (let k = 0; k < shape.pins && shape.mentors > 0 && shape.mentees > 0; k++) {
    pins.push({ mentorId: pick(mentors).participant.id, menteeId: pick(mentees).participant.id });
  }
  return {
    mentors,
    mentees,
    chains: (id) => chains.get(id),
    policy: {
      minSeniorityGap: Math.floor(random() * 3),
      earlierPairs: new Set(Array.from({ length: blockCount }, randomPairKey)),
      adminBlocks: new Set(Array.from({ length: Math.floor(blockCount / 3) }, randomPairKey)),
    },
    pins,
    managerIds: new Set([...manager.values()].filter((m) => m !== null)),
  };
}
