/**
 * Meetings a mentee offers their mentor to observe (shadowing), and what the mentor observed.
 * The offer names an event in the mentee's own calendar; the observations are the mentor's alone
 * until `observations_shared_at` is set, and never reach an admin view or export.
 */
export const statements = [
  `create table shadowing_offers (
    tenant_id text not null, id text not null, pair_id text not null, programme_id text not null,
    event_id text not null, subject text not null, starts_at timestamptz not null, ends_at timestamptz not null,
    note text, status text not null check (status in ('offered', 'accepted', 'declined')),
    offered_at timestamptz not null, answered_at timestamptz,
    saw text, effect text, try_next text, observed_at timestamptz, observations_shared_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, pair_id, event_id)
  )`,
];
