/**
 * The dashboard is drawn from released batches of changes, each cut only when it involves at
 * least the threshold of people (shared/insight/releases.ts). Batches are never rewritten, except
 * to take out a person who asked for their data to be erased.
 */
export const statements = [
  `create table insight_batches (
    tenant_id text not null, programme_id uuid not null, table_id text not null, seq integer not null,
    threshold integer not null, released_at timestamptz not null, events jsonb not null,
    primary key (tenant_id, programme_id, table_id, seq)
  )`,
];
