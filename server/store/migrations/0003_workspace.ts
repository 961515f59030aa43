/**
 * The pair workspace: a declined agenda suggestion stays visible to the mentor who made it, an
 * agreed take-away records when it was confirmed, things that point at a session point at one
 * that exists, and every workspace list is read by pair.
 */
export const statements = [
  `alter table agenda_items add column declined_at timestamptz`,
  `alter table takeaways add column confirmed_at timestamptz`,
  `alter table agenda_items add foreign key (tenant_id, session_id) references sessions (tenant_id, id)`,
  `alter table reflections add foreign key (tenant_id, session_id) references sessions (tenant_id, id)`,
  `alter table takeaways add foreign key (tenant_id, session_id) references sessions (tenant_id, id)`,
  `alter table commitments add foreign key (tenant_id, session_id) references sessions (tenant_id, id)`,
  `create index sessions_by_pair on sessions (tenant_id, pair_id, starts_at)`,
  `create index agenda_items_by_pair on agenda_items (tenant_id, pair_id, position)`,
  `create index reflections_by_pair on reflections (tenant_id, pair_id, author_user_id)`,
  `create index takeaways_by_pair on takeaways (tenant_id, pair_id)`,
  `create index commitments_by_pair on commitments (tenant_id, pair_id)`,
  `create index praise_by_pair on praise (tenant_id, pair_id)`,
  `create index concerns_by_raiser on concerns (tenant_id, raised_by_user_id)`,
  `create index concerns_by_status on concerns (tenant_id, status, created_at)`,
];
