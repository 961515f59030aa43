import type { PairStatus, Role } from '../glossary';
import type { RelationshipTimeline } from '../relationshipTimeline';

/** The phases of a relationship inside the programme, in order. */
export const journeyPhases = ['kick-off', 'training', 'sessions', 'shadowing', 'mid-point', 'closing', 'celebration'] as const;
export type JourneyPhase = (typeof journeyPhases)[number];

/** The one thing this person does next; the tab words it, the bot can point to it. */
export type NextStepKind =
  | 'accept-match'
  | 'read-guide'
  | 'wait-for-partner'
  | 'sign-charter'
  | 'set-agenda'
  | 'prepare-story'
  | 'book-first-session'
  | 'reflect'
  | 'mid-point-review'
  | 'plan-closing'
  | 'book-session'
  | 'resume'
  | 'share-story'
  | 'offer-shadowing'
  | 'answer-shadowing'
  | 'record-observations'
  | 'ready';

export interface JourneyFacts {
  role: Role;
  pairStatus: PairStatus;
  acceptedByMe: boolean;
  /** The person has finished at least one training module (the first is their guide). */
  guideRead: boolean;
  charterSignedByMe: boolean;
  timeline: Pick<RelationshipTimeline, 'phase' | 'progress'>;
  /** Agenda items for the coming session that I put there (mentee) or suggested (mentor). */
  myAgendaItemsAhead: number;
  sessionsBooked: number;
  upcomingSessions: number;
  /** The most recent session that has ended has no reflection of mine. */
  lastSessionUnreflected: boolean;
  midPointSurveyWaiting: boolean;
  storyWritten: boolean;
  shadowing: {
    /** The mentee has offered at least one meeting to shadow. */
    offered: boolean;
    /** An offer waits for the mentor's answer. */
    awaitingAnswer: boolean;
    /** A meeting the mentor accepted has started and has no observations yet. */
    unobserved: boolean;
  };
}

export interface Journey {
  phase: JourneyPhase;
  /** 0-based index of the phase in `journeyPhases`. */
  phaseIndex: number;
  next: NextStepKind;
}

/** Where a relationship is: by its status, and once running by the share of its months elapsed (the bot's planner asks this too). */
export function phaseOf(f: Pick<JourneyFacts, 'pairStatus' | 'timeline'>): JourneyPhase {
  if (f.pairStatus === 'proposed') return 'kick-off';
  if (f.pairStatus === 'accepted') return 'training';
  if (f.pairStatus === 'ended' || f.timeline.phase === 'finished') return 'celebration';
  const p = f.timeline.progress;
  if (p < 1 / 3) return 'sessions';
  if (p < 1 / 2) return 'shadowing';
  if (p < 5 / 6) return 'mid-point';
  return 'closing';
}

function nextOf(f: JourneyFacts, phase: JourneyPhase): NextStepKind {
  if (f.pairStatus === 'proposed' && !f.acceptedByMe) return 'accept-match';
  if (phase === 'celebration') return f.storyWritten ? 'ready' : 'share-story';
  if (!f.guideRead) return 'read-guide';
  if (f.pairStatus === 'proposed') return 'wait-for-partner';
  if (!f.charterSignedByMe) return 'sign-charter';
  if (f.pairStatus === 'accepted') return 'wait-for-partner';
  if (f.pairStatus === 'paused') return 'resume';
  if (f.midPointSurveyWaiting) return 'mid-point-review';
  if (f.lastSessionUnreflected) return 'reflect';
  if (f.role === 'mentor' && f.shadowing.awaitingAnswer) return 'answer-shadowing';
  if (f.role === 'mentor' && f.shadowing.unobserved) return 'record-observations';
  if (f.myAgendaItemsAhead === 0) return f.role === 'mentee' ? 'set-agenda' : 'prepare-story';
  if (f.sessionsBooked === 0) return 'book-first-session';
  if (f.upcomingSessions === 0) return phase === 'closing' ? 'plan-closing' : 'book-session';
  // With the next session prepared, the shadowing phase's own step: a meeting to offer.
  if (phase === 'shadowing' && f.role === 'mentee' && !f.shadowing.offered) return 'offer-shadowing';
  return 'ready';
}

/** The phase a person's relationship is in and the one next step for them in it. */
export function journeyOf(facts: JourneyFacts): Journey {
  const phase = phaseOf(facts);
  return { phase, phaseIndex: journeyPhases.indexOf(phase), next: nextOf(facts, phase) };
}
