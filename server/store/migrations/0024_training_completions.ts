/**
 * Which training modules a person marked done, in a programme. Private to the person: the
 * workspace reads only the caller's own rows; admins see counts above the anonymity floor.
 */
export const statements = [
  `create table training_completions (
    tenant_id text not null, programme_id text not null, user_id text not null, module_id text not null,
    completed_at timestamptz not null,
    primary key (tenant_id, programme_id, user_id, module_id)
  )`,
];
