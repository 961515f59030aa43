import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * A JSON column read as it is stored: only its repository's reader turns it into its type (with
 * defaults for rows written before a field existed), so nothing else can use it unread.
 */
type StoredJson = ColumnType<unknown, string, string>;

/** A timestamp: read as a Date, written as a Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A timestamp added by a later migration: null until set, and optional when inserting. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/**
 * The database, table by table. Every table leads its primary key with tenant_id so that no
 * query can cross tenants by accident and a deployment can be distributed by tenant.
 */
export interface Database {
  directory_users: DirectoryUserTable;
  reporting_chains: ReportingChainTable;
  sync_state: SyncStateTable;
  programmes: ProgrammeTable;
  participants: ParticipantTable;
  match_constraints: MatchConstraintTable;
  match_runs: MatchRunTable;
  match_proposals: MatchProposalTable;
  pairs: PairTable;
  charters: CharterTable;
  sessions: SessionTable;
  booking_intents: BookingIntentTable;
  agenda_items: AgendaItemTable;
  reflections: ReflectionTable;
  takeaways: TakeawayTable;
  commitments: CommitmentTable;
  praise: PraiseTable;
  surveys: SurveyTable;
  survey_responses: SurveyResponseTable;
  concerns: ConcernTable;
  concern_entries: ConcernEntryTable;
  stories: StoryTable;
  domain_events: DomainEventTable;
  jobs: JobTable;
  conversation_references: ConversationReferenceTable;
  bot_preferences: BotPreferencesTable;
  audit_log: AuditLogTable;
  insight_batches: InsightBatchTable;
  rate_limit_windows: RateLimitWindowTable;
  answered_cards: AnsweredCardTable;
  send_pace: SendPaceTable;
  training_completions: TrainingCompletionTable;
  shadowing_offers: ShadowingOfferTable;
}

export interface DirectoryUserTable {
  tenant_id: string;
  user_id: string;
  display_name: string;
  mail: string | null;
  department: string | null;
  job_title: string | null;
  office_location: string | null;
  city: string | null;
  country: string | null;
  preferred_language: string | null;
  grade: string | null;
  account_enabled: boolean;
  synced_at: Timestamp;
}

export interface ReportingChainTable {
  tenant_id: string;
  user_id: string;
  manager_ids: StoredJson;
  cycle: boolean;
  synced_at: Timestamp;
}

export interface SyncStateTable {
  tenant_id: string;
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface ProgrammeTable {
  tenant_id: string;
  id: string;
  name: string;
  settings: StoredJson;
  details: StoredJson;
  starts_on: string;
  ends_on: string;
  status: 'draft' | 'open' | 'running' | 'closed';
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ParticipantTable {
  tenant_id: string;
  id: string;
  programme_id: string;
  user_id: string;
  role: 'mentor' | 'mentee';
  profile: StoredJson;
  capacity: Generated<number>;
  status: Generated<'enrolled' | 'withdrawn'>;
  enrolled_by: string;
  created_at: CreatedAt;
}

export interface MatchConstraintTable {
  tenant_id: string;
  programme_id: string;
  mentor_user_id: string;
  mentee_user_id: string;
  kind: 'block' | 'pin';
  created_by: string;
  created_at: CreatedAt;
}

export interface MatchRunTable {
  tenant_id: string;
  id: string;
  programme_id: string;
  total_score: number;
  created_by: string;
  created_at: Timestamp;
  published_at: Timestamp | null;
  published_by: string | null;
}

export interface MatchProposalTable {
  tenant_id: string;
  id: string;
  programme_id: string;
  run_id: string;
  mentor_participant_id: string | null;
  mentee_participant_id: string | null;
  score: number | null;
  reasons: StoredJson;
  pinned: Generated<boolean>;
  /** For a person left unmatched: why, as the engine's code. */
  unmatched_code: string | null;
  created_at: CreatedAt;
}

export interface PairTable {
  tenant_id: string;
  id: string;
  programme_id: string;
  mentor_participant_id: string;
  mentee_participant_id: string;
  mentor_user_id: string;
  mentee_user_id: string;
  status: 'proposed' | 'accepted' | 'active' | 'paused' | 'ended';
  mentor_accepted_at: Timestamp | null;
  mentee_accepted_at: Timestamp | null;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface CharterTable {
  tenant_id: string;
  pair_id: string;
  text: string;
  mentor_signed_at: Timestamp | null;
  mentee_signed_at: Timestamp | null;
}

export interface SessionTable {
  tenant_id: string;
  id: string;
  pair_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  venue: StoredJson;
  event_id: string | null;
  /** The locale the event's subject was worded in (the partner of whoever booked); null for English, as every event before 0025 was. */
  event_locale: string | null;
  join_url: string | null;
  transaction_id: string | null;
  status: 'planned' | 'held' | 'cancelled';
  created_at: CreatedAt;
  /** Whose mailbox holds the event (null for sessions not booked through Graph). */
  organizer_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: NullableTimestamp;
}

export interface BookingIntentTable {
  tenant_id: string;
  transaction_id: string;
  pair_id: string;
  created_at: Timestamp;
  /** The event this booking was about to create: whose calendar, and when (for finding it again). */
  organizer_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  starts_at: NullableTimestamp;
  ends_at: NullableTimestamp;
}

export interface AgendaItemTable {
  tenant_id: string;
  id: string;
  pair_id: string;
  session_id: string | null;
  text: string;
  proposed_by: 'mentor' | 'mentee';
  accepted: boolean;
  position: number;
  /** Set when the mentee declined a mentor's suggestion; the mentor still sees it, marked declined. */
  declined_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface ReflectionTable {
  tenant_id: string;
  id: string;
  pair_id: string;
  session_id: string | null;
  author_user_id: string;
  text: string;
  shared_with_partner: boolean;
  created_at: CreatedAt;
}

export interface TakeawayTable {
  tenant_id: string;
  id: string;
  pair_id: string;
  session_id: string | null;
  text: string;
  proposed_by_user_id: string;
  confirmed_by_user_id: string | null;
  status: 'proposed' | 'agreed';
  confirmed_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface CommitmentTable {
  tenant_id: string;
  id: string;
  pair_id: string;
  session_id: string | null;
  text: string;
  due_on: string | null;
  status: 'open' | 'kept' | 'dropped';
  created_at: CreatedAt;
}

export interface PraiseTable {
  tenant_id: string;
  id: string;
  pair_id: string;
  from_user_id: string;
  text: string;
  share_with_manager: boolean;
  created_at: CreatedAt;
}

export interface SurveyTable {
  tenant_id: string;
  id: string;
  programme_id: string;
  kind: 'pulse' | 'pairing-fit' | 'mid-point' | 'end';
  opens_at: Timestamp;
}

export interface SurveyResponseTable {
  tenant_id: string;
  survey_id: string;
  participant_id: string;
  answers: StoredJson;
  submitted_at: Timestamp;
}

export interface ConcernTable {
  tenant_id: string;
  id: string;
  programme_id: string;
  pair_id: string | null;
  raised_by_user_id: string;
  kind: 'concern' | 're-pair';
  text: string;
  status: 'open' | 'in-progress' | 'closed';
  category: Generated<'relationship' | 'conduct' | 'wellbeing' | 'logistics' | 'other'>;
  severity: Generated<'low' | 'medium' | 'high'>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A concern's history: a status change, a reply the person who raised it reads, or an admin's internal note. */
export interface ConcernEntryTable {
  tenant_id: string;
  id: string;
  concern_id: string;
  kind: 'status' | 'reply' | 'note';
  author_user_id: string;
  text: string | null;
  status: 'open' | 'in-progress' | 'closed' | null;
  created_at: Timestamp;
  /** Insertion order, for entries written in the same instant. */
  seq: Generated<number>;
}

export interface StoryTable {
  tenant_id: string;
  id: string;
  pair_id: string;
  text: string;
  mentor_consent: boolean;
  mentee_consent: boolean;
  published_at: Timestamp | null;
  created_at: CreatedAt;
  /** Raised by every edit; a consent names the version it agrees to. */
  version: Generated<number>;
  drafted_by: string | null;
  updated_at: NullableTimestamp;
  posted_at: NullableTimestamp;
  posted_by: string | null;
  teams_message_id: string | null;
}

export interface DomainEventTable {
  tenant_id: string;
  id: string;
  kind: string;
  /** What the kind is about: a pair, a story, a programme or a concern (see `domainEventKinds`). */
  subject_id: string;
  /** The pair the event concerns, if any, whatever its subject. */
  pair_id: string | null;
  /** The programme the event concerns, when it names one. */
  programme_id: string | null;
  payload: StoredJson;
  created_at: CreatedAt;
}

export interface JobTable {
  tenant_id: string;
  id: string;
  kind: string;
  /** Unique per tenant: the same reminder can never be scheduled, or sent, twice. */
  dedupe_key: string;
  payload: JSONColumnType<Record<string, unknown>>;
  run_at: Timestamp;
  attempts: Generated<number>;
  locked_until: Timestamp | null;
  /** The worker that holds the claim; only it may finish the job. */
  locked_by: string | null;
  done_at: Timestamp | null;
  outcome: 'sent' | 'skipped' | 'failed' | null;
  last_error: string | null;
  /** Set when an attempt began handing its message to Teams and did not see how that ended. */
  send_started_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface ConversationReferenceTable {
  tenant_id: string;
  user_id: string;
  reference: StoredJson;
  updated_at: Timestamp;
}

export interface BotPreferencesTable {
  tenant_id: string;
  user_id: string;
  reminders_paused_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface InsightBatchTable {
  tenant_id: string;
  programme_id: string;
  table_id: string;
  seq: number;
  threshold: number;
  released_at: Timestamp;
  events: StoredJson;
}

export interface RateLimitWindowTable {
  tenant_id: string;
  key: string;
  window_start: Timestamp;
  hits: number;
}

/** When the bot's next message to a tenant, or to one conversation, is on schedule (see server/bot/sendPace.ts). */
export interface SendPaceTable {
  tenant_id: string;
  /** 'tenant', or 'conversation:' and a hash of the conversation id. */
  scope: string;
  theoretical_arrival: Timestamp;
}

export interface AnsweredCardTable {
  tenant_id: string;
  user_id: string;
  card_id: string;
  answered_at: Timestamp;
}

export interface AuditLogTable {
  tenant_id: string;
  id: string;
  actor_user_id: string;
  action: string;
  target: string;
  at: Timestamp;
  /** What a settings change changed, field by field (old and new values). */
  changes: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface TrainingCompletionTable {
  tenant_id: string;
  programme_id: string;
  user_id: string;
  module_id: string;
  completed_at: Timestamp;
}

export interface ShadowingOfferTable {
  tenant_id: string;
  id: string;
  pair_id: string;
  programme_id: string;
  /** The event in the mentee's calendar (they organise it). */
  event_id: string;
  subject: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** What the mentee asked to tell the other attendees when the mentor joins. */
  note: string | null;
  status: 'offered' | 'accepted' | 'declined';
  offered_at: Timestamp;
  answered_at: NullableTimestamp;
  /** The mentor's observations: private to them until shared. */
  saw: string | null;
  effect: string | null;
  try_next: string | null;
  observed_at: NullableTimestamp;
  observations_shared_at: NullableTimestamp;
}
