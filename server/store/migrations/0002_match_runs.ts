/** A matching run as a record of its own, so the admin reviews one run and publishes it once. */
export const statements = [
  `create table match_runs (
    tenant_id text not null, id uuid not null, programme_id uuid not null, total_score double precision not null,
    created_by text not null, created_at timestamptz not null, published_at timestamptz, published_by text,
    primary key (tenant_id, id), foreign key (tenant_id, programme_id) references programmes (tenant_id, id))`,
  `alter table match_proposals add column pinned boolean not null default false`,
  `alter table match_proposals add column unmatched_code text`,
];
