/**
 * The glossary of Upward, as types. In Upward the mentor is the junior colleague and the
 * mentee is the senior leader; never mix them up.
 */

export type Role = 'mentor' | 'mentee';

export type PairStatus = 'proposed' | 'accepted' | 'active' | 'paused' | 'ended';

export type VenueKind = 'room' | 'offsite' | 'online';

export type TakeawayStatus = 'proposed' | 'agreed';

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

export interface Commitment {
  id: string;
  pairId: string;
  text: string;
  dueOn: string | null;
  status: 'open' | 'kept' | 'dropped';
}

export type SurveyKind = 'pulse' | 'pairing-fit' | 'mid-point' | 'end';

export interface Concern {
  id: string;
  programmeId: string;
  raisedByUserId: string;
  kind: 'concern' | 're-pair';
  status: 'open' | 'in-progress' | 'closed';
  category: 'relationship' | 'conduct' | 'wellbeing' | 'logistics' | 'other';
  severity: 'low' | 'medium' | 'high';
}

/** The managers above a person, nearest first, as read from Entra ID. */
export interface ReportingChain {
  userId: string;
  managerIds: string[];
  /** True when the directory showed a cycle, so the chain was cut where it repeated. */
  cycle: boolean;
}

