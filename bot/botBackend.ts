import type { Role } from '../shared/glossary';
import type { ShownPairReason } from '../shared/matching/reasons';
import type { JourneyPhase } from '../shared/journey/nextStep';
import type { TrainingModule } from '../shared/training/curriculum';

/** Who is writing to the bot, as Teams told it (tenant and Entra object id of the sender). */
export interface Person {
  tenantId: string;
  userId: string;
  name: string;
}

export interface SessionView {
  sessionId: string;
  pairId: string;
  role: Role;
  partnerName: string;
  startsAt: string;
  endsAt: string;
  /** The room's name, or only the kind of place (worded in the reader's language by the card). */
  venue: { name: string | null; kind: string | null };
  joinUrl: string | null;
  /** Accepted agenda items, in order. */
  agenda: string[];
  /** The person's IANA time zone, for showing times. */
  timeZone: string;
}

export interface TakeawayView {
  id: string;
  text: string;
}

export interface ReflectionPrompt {
  sessionId: string;
  pairId: string;
  role: Role;
  partnerName: string;
  endedAt: string;
  /** What the partner proposed and this person may confirm. */
  partnerTakeaways: TakeawayView[];
}

export interface ReflectionSubmission {
  pairId: string;
  sessionId: string;
  reflection: string;
  takeaways: string[];
  commitment: string | null;
  commitmentDueOn: string | null;
  confirmTakeawayIds: string[];
}

export interface PairView {
  pairId: string;
  role: Role;
  partnerName: string;
}

export type SurveyKind = 'pairing-fit' | 'mid-point' | 'end';

/** A proposed partner as the person sees them: directory facts, never their reporting line. */
export interface ProposalView {
  pairId: string;
  role: Role;
  partner: { name: string; jobTitle: string | null; department: string | null };
  /** Why the match scored well, as the matching run explained it (codes the card words). */
  reasons: ShownPairReason[];
}

/** Where a proposal stands after the person answered it. */
export type ProposalOutcome = 'waiting-for-partner' | 'paired' | 'declined';

/**
 * What the bot needs from the service. The service implements it with the same workspace
 * commands the tab calls, so the bot and the tab record the same data the same way.
 */
/** Where a person is in their relationship, for the bot's training offers and prompts (the workspace's own reading). */
export interface JourneyView {
  phase: JourneyPhase;
  /** The training module due for them now, if any. */
  nextModule: Pick<TrainingModule, 'id' | 'text'> | null;
  /** Whether they set the agenda (the mentee), so a prompt can be added with one press. */
  editAgenda: boolean;
}

export interface BotBackend {
  currentPair(person: Person): Promise<PairView | null>;
  /** A proposal this person has still to answer, or null (answered, ended, or not theirs). */
  proposal(person: Person, pairId: string): Promise<ProposalView | null>;
  answerProposal(person: Person, pairId: string, accept: boolean, now: Date): Promise<ProposalOutcome>;
  nextSession(person: Person, now: Date): Promise<SessionView | null>;
  /** The person's journey in this pair, or null when the pair is not theirs to see. */
  journey(person: Person, pairId: string, now: Date): Promise<JourneyView | null>;
  addAgendaItem(person: Person, pairId: string, text: string, now: Date): Promise<'added' | 'suggested'>;
  reflectionPrompt(person: Person, now: Date): Promise<ReflectionPrompt | null>;
  submitReflection(person: Person, submission: ReflectionSubmission, now: Date): Promise<{ agreed: number }>;
  confirmTakeaway(person: Person, pairId: string, takeawayId: string, now: Date): Promise<void>;
  givePraise(person: Person, pairId: string, text: string, now: Date): Promise<void>;
  decidePraiseSharing(person: Person, pairId: string, praiseId: string, share: boolean, now: Date): Promise<void>;
  answerSurvey(person: Person, pairId: string, kind: SurveyKind, answers: Record<string, string>, now: Date): Promise<void>;
  requestRepair(person: Person, pairId: string, reason: string, now: Date): Promise<void>;
  pauseReminders(person: Person, until: Date, now: Date): Promise<void>;
  /** The person's IANA time zone (their mailbox's), for dates on cards. */
  timeZone(person: Person): Promise<string>;
  /** Records that the person answered this sending of a card; false when they already had. */
  claimCard(person: Person, cardId: string, now: Date): Promise<boolean>;
  /** Forgets a claim whose answer could not be recorded, so the card can be answered again. */
  releaseCard(person: Person, cardId: string): Promise<void>;
}
