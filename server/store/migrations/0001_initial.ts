/** The first schema: a table for each part of the glossary, tenant_id leading every key. */
export const statements = [
  `create table directory_users (
    tenant_id text not null, user_id text not null, display_name text not null, mail text,
    department text, job_title text, office_location text, city text, country text,
    preferred_language text, grade text, account_enabled boolean not null default true,
    synced_at timestamptz not null, primary key (tenant_id, user_id))`,
  `create table reporting_chains (
    tenant_id text not null, user_id text not null, manager_ids jsonb not null, cycle boolean not null default false,
    synced_at timestamptz not null, primary key (tenant_id, user_id))`,
  `create table sync_state (
    tenant_id text not null, key text not null, value text not null, updated_at timestamptz not null,
    primary key (tenant_id, key))`,
  `create table programmes (
    tenant_id text not null, id uuid not null, name text not null, settings jsonb not null, details jsonb not null,
    starts_on date not null, ends_on date not null, status text not null default 'draft'
      check (status in ('draft', 'open', 'running', 'closed')),
    created_by text not null, created_at timestamptz not null default now(), updated_at timestamptz not null,
    primary key (tenant_id, id), check (ends_on > starts_on))`,
  `create table participants (
    tenant_id text not null, id uuid not null, programme_id uuid not null, user_id text not null,
    role text not null check (role in ('mentor', 'mentee')), profile jsonb not null,
    capacity integer not null default 1 check (capacity between 1 and 10),
    status text not null default 'enrolled' check (status in ('enrolled', 'withdrawn')),
    enrolled_by text not null, created_at timestamptz not null default now(),
    primary key (tenant_id, id), unique (tenant_id, programme_id, user_id),
    foreign key (tenant_id, programme_id) references programmes (tenant_id, id))`,
  `create table match_constraints (
    tenant_id text not null, programme_id uuid not null, mentor_user_id text not null, mentee_user_id text not null,
    kind text not null check (kind in ('block', 'pin')), created_by text not null, created_at timestamptz not null default now(),
    primary key (tenant_id, programme_id, mentor_user_id, mentee_user_id),
    foreign key (tenant_id, programme_id) references programmes (tenant_id, id))`,
  `create table match_proposals (
    tenant_id text not null, id uuid not null, programme_id uuid not null, run_id uuid not null,
    mentor_participant_id uuid, mentee_participant_id uuid, score double precision, reasons jsonb not null,
    created_at timestamptz not null default now(), primary key (tenant_id, id),
    foreign key (tenant_id, programme_id) references programmes (tenant_id, id))`,
  `create table pairs (
    tenant_id text not null, id uuid not null, programme_id uuid not null,
    mentor_participant_id uuid not null, mentee_participant_id uuid not null,
    mentor_user_id text not null, mentee_user_id text not null,
    status text not null check (status in ('proposed', 'accepted', 'active', 'paused', 'ended')),
    mentor_accepted_at timestamptz, mentee_accepted_at timestamptz, started_at timestamptz, ended_at timestamptz,
    end_reason text, version integer not null default 0, created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, programme_id) references programmes (tenant_id, id),
    foreign key (tenant_id, mentor_participant_id) references participants (tenant_id, id),
    foreign key (tenant_id, mentee_participant_id) references participants (tenant_id, id))`,
  `create index pairs_by_mentor on pairs (tenant_id, mentor_user_id)`,
  `create index pairs_by_mentee on pairs (tenant_id, mentee_user_id)`,
  `create table charters (
    tenant_id text not null, pair_id uuid not null, text text not null,
    mentor_signed_at timestamptz, mentee_signed_at timestamptz, primary key (tenant_id, pair_id),
    foreign key (tenant_id, pair_id) references pairs (tenant_id, id))`,
  `create table sessions (
    tenant_id text not null, id uuid not null, pair_id uuid not null, starts_at timestamptz not null,
    ends_at timestamptz not null, venue jsonb not null, event_id text, join_url text, transaction_id text,
    status text not null default 'planned' check (status in ('planned', 'held', 'cancelled')),
    created_at timestamptz not null default now(), primary key (tenant_id, id),
    unique (tenant_id, transaction_id), check (ends_at > starts_at),
    foreign key (tenant_id, pair_id) references pairs (tenant_id, id))`,
  `create table agenda_items (
    tenant_id text not null, id uuid not null, pair_id uuid not null, session_id uuid, text text not null,
    proposed_by text not null check (proposed_by in ('mentor', 'mentee')), accepted boolean not null,
    position integer not null, created_at timestamptz not null default now(), primary key (tenant_id, id),
    foreign key (tenant_id, pair_id) references pairs (tenant_id, id))`,
  `create table reflections (
    tenant_id text not null, id uuid not null, pair_id uuid not null, session_id uuid, author_user_id text not null,
    text text not null, shared_with_partner boolean not null default false,
    created_at timestamptz not null default now(), primary key (tenant_id, id),
    foreign key (tenant_id, pair_id) references pairs (tenant_id, id))`,
  `create table takeaways (
    tenant_id text not null, id uuid not null, pair_id uuid not null, session_id uuid, text text not null,
    proposed_by_user_id text not null, confirmed_by_user_id text,
    status text not null default 'proposed' check (status in ('proposed', 'agreed')),
    created_at timestamptz not null default now(), primary key (tenant_id, id),
    foreign key (tenant_id, pair_id) references pairs (tenant_id, id))`,
  `create table commitments (
    tenant_id text not null, id uuid not null, pair_id uuid not null, session_id uuid, text text not null,
    due_on date, status text not null default 'open' check (status in ('open', 'kept', 'dropped')),
    created_at timestamptz not null default now(), primary key (tenant_id, id),
    foreign key (tenant_id, pair_id) references pairs (tenant_id, id))`,
  `create table praise (
    tenant_id text not null, id uuid not null, pair_id uuid not null, from_user_id text not null, text text not null,
    share_with_manager boolean not null default false, created_at timestamptz not null default now(),
    primary key (tenant_id, id), foreign key (tenant_id, pair_id) references pairs (tenant_id, id))`,
  `create table surveys (
    tenant_id text not null, id uuid not null, programme_id uuid not null,
    kind text not null check (kind in ('pulse', 'pairing-fit', 'mid-point', 'end')), opens_at timestamptz not null,
    primary key (tenant_id, id), foreign key (tenant_id, programme_id) references programmes (tenant_id, id))`,
  `create table survey_responses (
    tenant_id text not null, survey_id uuid not null, participant_id uuid not null, answers jsonb not null,
    submitted_at timestamptz not null, primary key (tenant_id, survey_id, participant_id),
    foreign key (tenant_id, survey_id) references surveys (tenant_id, id))`,
  `create table concerns (
    tenant_id text not null, id uuid not null, programme_id uuid not null, pair_id uuid, raised_by_user_id text not null,
    kind text not null check (kind in ('concern', 're-pair')), text text not null,
    status text not null default 'open' check (status in ('open', 'in-progress', 'closed')),
    created_at timestamptz not null default now(), updated_at timestamptz not null, primary key (tenant_id, id),
    foreign key (tenant_id, programme_id) references programmes (tenant_id, id))`,
  `create table stories (
    tenant_id text not null, id uuid not null, pair_id uuid not null, text text not null,
    mentor_consent boolean not null default false, mentee_consent boolean not null default false,
    published_at timestamptz, created_at timestamptz not null default now(), primary key (tenant_id, id),
    foreign key (tenant_id, pair_id) references pairs (tenant_id, id))`,
  `create table domain_events (
    tenant_id text not null, id uuid not null, kind text not null, subject_id text not null, payload jsonb not null,
    created_at timestamptz not null default now(), handled_at timestamptz, primary key (tenant_id, id))`,
  `create table jobs (
    tenant_id text not null, id uuid not null, kind text not null, dedupe_key text not null, payload jsonb not null,
    run_at timestamptz not null, attempts integer not null default 0, locked_until timestamptz,
    done_at timestamptz, last_error text, created_at timestamptz not null default now(),
    primary key (tenant_id, id), unique (tenant_id, dedupe_key))`,
  `create index jobs_due on jobs (run_at) where done_at is null`,
  `create table conversation_references (
    tenant_id text not null, user_id text not null, reference jsonb not null, updated_at timestamptz not null,
    primary key (tenant_id, user_id))`,
  `create table audit_log (
    tenant_id text not null, id uuid not null, actor_user_id text not null, action text not null, target text not null,
    at timestamptz not null, primary key (tenant_id, id))`,
];
