import type { ProgrammeSettings } from '../programmeSettings';
import type { EscalationContact } from '../schemas/programme';
import type { Concern, Role, Session as SessionRecord, TakeawayStatus, Commitment as CommitmentRecord } from '../glossary';
import type { Journey } from '../journey/nextStep';
import type { RelationshipTimeline } from '../relationshipTimeline';
import type { ModuleText, TrainingAudience } from '../training/curriculum';
import type { PairView } from './pairs';

/*
 * The pair workspace as one member sees it. Authors are named by relation to the viewer ("me" or
 * "partner"), never by id.
 */

type Relation = 'me' | 'partner';

/** What the viewer may do in the workspace, from the workspace rules. */
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

export interface CharterView {
  text: string;
  mentorSignedAt: string | null;
  menteeSignedAt: string | null;
  signedByMe: boolean;
  signedByPartner: boolean;
}

export interface SessionView {
  id: string;
  startsAt: string;
  endsAt: string;
  status: SessionRecord['status'];
  /** `roomDeclined`: the room declined after the booking and no other neutral room was free; the pair chooses another time or place. */
  venue: { kind: string | null; displayName: string | null; roomDeclined: boolean };
  joinUrl: string | null;
}

export interface AgendaItemView {
  id: string;
  sessionId: string | null;
  text: string;
  proposedBy: Role;
  state: 'on-agenda' | 'declined' | 'suggested';
  position: number;
  canAnswer: boolean;
}

export interface ReflectionView {
  id: string;
  sessionId: string | null;
  author: Relation;
  text: string;
  sharedWithPartner: boolean;
  createdAt: string;
  canChange: boolean;
}

export interface TakeawayView {
  id: string;
  sessionId: string | null;
  text: string;
  status: TakeawayStatus;
  proposedBy: Relation;
  confirmedAt: string | null;
  createdAt: string;
  canConfirm: boolean;
}

export interface CommitmentView {
  id: string;
  sessionId: string | null;
  text: string;
  dueOn: string | null;
  status: CommitmentRecord['status'];
  createdAt: string;
}

export interface PraiseView {
  id: string;
  from: Relation;
  text: string;
  shareWithManager: boolean;
  createdAt: string;
  canDecideSharing: boolean;
}

/** My training, in the order I take it: which modules I marked done (no one else sees this). */
export interface TrainingView {
  /** `text` null: the shipped module, whose words the tab's catalogue holds in my language; otherwise the programme's own words, in the language its admin wrote. */
  modules: { id: string; completed: boolean; text: ModuleText | null }[];
  /** The module due in this phase, if any. */
  next: string | null;
}

/** GET /api/programmes/:id/insight/training: people who finished each module; null where fewer than the threshold did. */
export interface TrainingCounts {
  threshold: number;
  /** The programme's current curriculum; `title` is the admin's for a module they wrote, null for a shipped one (the catalogue's). */
  modules: { id: string; audience: TrainingAudience; title: string | null; completed: number | null }[];
}

/** GET /api/pairs/:id/workspace */
export interface Workspace {
  pair: PairView;
  timeline: RelationshipTimeline;
  /** The phase of the relationship and the one next step for me in it. */
  journey: Journey;
  training: TrainingView;
  charter: CharterView;
  nextSession: SessionView | null;
  upcomingSessions: SessionView[];
  pastSessions: SessionView[];
  agenda: AgendaItemView[];
  takeaways: TakeawayView[];
  commitments: CommitmentView[];
  /** My own entries, and the entries my partner shared with me. */
  journal: ReflectionView[];
  praise: { received: PraiseView[]; given: PraiseView[] };
  /** The programme's guide for my role, as formatted text (a markdown subset the tab sanitises). */
  guide: string;
  /** What the programme asks of every pair, as formatted text. */
  guidelines: ProgrammeSettings['guidelines'];
  abilities: WorkspaceAbilities;
}

/** One step of a concern's history: a status change, a reply to the person who raised it, or (admins only) an internal note. */
export interface ConcernEntryView {
  kind: 'status' | 'reply' | 'note';
  status: Concern['status'] | null;
  text: string | null;
  at: string;
}

/** A concern as the person who raised it follows it: its status, its history and the replies to them; never the admins' notes. */
export interface ConcernView {
  id: string;
  kind: Concern['kind'];
  status: Concern['status'];
  category: Concern['category'];
  severity: Concern['severity'];
  programmeId: string;
  pairId: string | null;
  text: string;
  createdAt: string;
  updatedAt: string;
  history: ConcernEntryView[];
}

/** A concern as a programme admin handles it: who raised it, about which pair, and its whole history; never anything of the workspace. */
export interface AdminConcernView extends ConcernView {
  programmeName: string;
  raisedBy: { userId: string; name: string };
  pair: { mentorName: string; menteeName: string } | null;
  /** Whom the programme names for escalation (for example HR), if anyone. */
  escalationContact: EscalationContact | null;
  history: (ConcernEntryView & { byName: string })[];
}

/** GET /api/concerns/mine */
export interface ConcernList {
  concerns: ConcernView[];
}

/** GET /api/admin/concerns */
export interface AdminConcernList {
  concerns: AdminConcernView[];
}
