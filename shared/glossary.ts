/**
 * The glossary of Upward, as types. In Upward the mentor is the junior colleague and the
 * mentee is the senior leader; never mix them up.
 */

export type Role = 'mentor' | 'mentee';

export type PairStatus = 'proposed' | 'accepted' | 'active' | 'paused' | 'ended';

export type VenueKind = 'room' | 'offsite' | 'online';

export type TakeawayStatus = 'proposed' | 'agreed';

export type Objective = 'inclusion' | 'technology' | 'culture' | 'leadership' | 'wellbeing';

export interface Participant {
  id: string;
  programmeId: string;
  /** Entra ID object id of the person. */
  userId: string;
  role: Role;
  learningGoals: string[];
  offers: string[];
  meetingPreference: 'in-person' | 'online' | 'either';
  languages: string[];
  capacity: number;
  status: 'enrolled' | 'withdrawn';
}

export interface Pair {
  id: string;
  programmeId: string;
  mentorId: string;
  menteeId: string;
  status: PairStatus;
  startedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
}

export interface Charter {
  pairId: string;
  text: string;
  mentorSignedAt: string | null;
  menteeSignedAt: string | null;
}

export interface Venue {
  kind: VenueKind;
  /** Room e-mail address, off-site venue id, or null for online. */
  ref: string | null;
  displayName: string;
  /** Why this place is neutral for the pair, in words a person reads. */
  neutrality: string;
}

export interface Session {
  id: string;
  pairId: string;
  startsAt: string;
  endsAt: string;
  venue: Venue;
  eventId: string | null;
  joinUrl: string | null;
  status: 'planned' | 'held' | 'cancelled';
}

export interface AgendaItem {
  id: string;
  pairId: string;
  sessionId: string | null;
  text: string;
  /** The mentee owns the agenda; a mentor's item stays a suggestion until the mentee accepts it. */
  proposedBy: Role;
  accepted: boolean;
}

export interface Reflection {
  id: string;
  authorUserId: string;
  pairId: string;
  sessionId: string | null;
  text: string;
  /** Private to its author unless the author shares it with the partner. */
  sharedWithPartner: boolean;
  createdAt: string;
}

export interface Takeaway {
  id: string;
  pairId: string;
  sessionId: string;
  text: string;
  proposedByUserId: string;
  status: TakeawayStatus;
}

export interface Commitment {
  id: string;
  pairId: string;
  text: string;
  dueOn: string | null;
  status: 'open' | 'kept' | 'dropped';
}

export interface Praise {
  id: string;
  pairId: string;
  text: string;
  /** The mentor decides whether the praise may be shared with their own manager. */
  shareWithManager: boolean;
  createdAt: string;
}

export type SurveyKind = 'pulse' | 'pairing-fit' | 'mid-point' | 'end';

export interface Survey {
  id: string;
  programmeId: string;
  kind: SurveyKind;
  opensAt: string;
}

export interface SurveyResponse {
  surveyId: string;
  participantId: string;
  rating: number;
  selfAssessment: number | null;
}

export interface Concern {
  id: string;
  programmeId: string;
  raisedByUserId: string;
  kind: 'concern' | 're-pair';
  status: 'open' | 'in-progress' | 'closed';
}

export interface Story {
  id: string;
  pairId: string;
  text: string;
  mentorConsent: boolean;
  menteeConsent: boolean;
}

/** The managers above a person, nearest first, as read from Entra ID. */
export interface ReportingChain {
  userId: string;
  managerIds: string[];
  /** True when the directory showed a cycle, so the chain was cut where it repeated. */
  cycle: boolean;
}

export interface MatchProposal {
  mentorId: string;
  menteeId: string;
  score: number;
  reasons: string[];
}
