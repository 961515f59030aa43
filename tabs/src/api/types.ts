/**
 * The shapes the tab reads from the service, mirroring the server's presenters. Only fields the
 * tab uses are listed. (The presenters live in server/, which the tab may not import.)
 */
import type { RelationshipTimeline } from '../../../shared/relationshipTimeline';

export type Role = 'mentor' | 'mentee';

export interface Me {
  userId: string;
  displayName: string;
  isAdmin: boolean;
  directory: { department: string | null; jobTitle: string | null; officeLocation: string | null; hasPhoto: boolean } | null;
}

export interface PairAbilities {
  accept: boolean;
  decline: boolean;
  pause: boolean;
  resume: boolean;
  requestRepair: boolean;
}

export interface PairView {
  id: string;
  programme: { id: string; name: string };
  myRole: Role;
  status: 'proposed' | 'accepted' | 'active' | 'paused' | 'ended';
  partner: { userId: string; role: Role; displayName: string; department: string | null; jobTitle: string | null };
  mentorAccepted: boolean;
  menteeAccepted: boolean;
  startedAt: string | null;
  endedAt: string | null;
  abilities: PairAbilities;
}

export interface WorkspaceAbilities {
  signCharter: boolean;
  editAgenda: boolean;
  suggestAgendaItem: boolean;
  writeReflection: boolean;
  proposeTakeaway: boolean;
  recordCommitment: boolean;
  thank: boolean;
  decidePraiseSharing: boolean;
}

export interface Charter {
  text: string;
  mentorSignedAt: string | null;
  menteeSignedAt: string | null;
  signedByMe: boolean;
  signedByPartner: boolean;
}

export interface Session {
  id: string;
  startsAt: string;
  endsAt: string;
  status: 'planned' | 'held' | 'cancelled';
  venue: { kind: string | null; displayName: string | null };
  joinUrl: string | null;
}

export interface AgendaItem {
  id: string;
  sessionId: string | null;
  text: string;
  proposedBy: Role;
  state: 'on-agenda' | 'declined' | 'suggested';
  position: number;
  canAnswer: boolean;
}

export interface Reflection {
  id: string;
  sessionId: string | null;
  author: 'me' | 'partner';
  text: string;
  sharedWithPartner: boolean;
  createdAt: string;
  canChange: boolean;
}

export interface Takeaway {
  id: string;
  sessionId: string | null;
  text: string;
  status: 'proposed' | 'agreed';
  proposedBy: 'me' | 'partner';
  canConfirm: boolean;
}

export interface Commitment {
  id: string;
  sessionId: string | null;
  text: string;
  dueOn: string | null;
  status: 'open' | 'kept' | 'dropped';
}

export interface Praise {
  id: string;
  from: 'me' | 'partner';
  text: string;
  shareWithManager: boolean;
  createdAt: string;
  canDecideSharing: boolean;
}

export interface Workspace {
  pair: PairView;
  timeline: RelationshipTimeline;
  charter: Charter;
  nextSession: Session | null;
  upcomingSessions: Session[];
  pastSessions: Session[];
  agenda: AgendaItem[];
  takeaways: Takeaway[];
  commitments: Commitment[];
  /** My own entries, and the entries my partner shared with me. */
  journal: Reflection[];
  praise: { received: Praise[]; given: Praise[] };
  guide: string;
  abilities: WorkspaceAbilities;
}

export interface EnrolmentProgramme {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: string;
  enrolment: { role: Role; status: 'enrolled' | 'withdrawn' } | null;
}

/** Our story, as one of its two authors sees it: published only when both consent to the same version. */
export interface MemberStory {
  id: string;
  text: string;
  version: number;
  consentedByMe: boolean;
  consentedByPartner: boolean;
  publishedAt: string | null;
  updatedAt: string | null;
  abilities: { edit: boolean; consent: boolean; withdrawConsent: boolean };
}
