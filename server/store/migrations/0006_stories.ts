/**
 * Stories: one per pair, drafted by either member and editable until published; consent is to a
 * version of the text, so an edit withdraws it. Posting to the programme's Teams channel is
 * recorded once. The audit log is read by time for its export.
 */
export const statements = [
  `alter table stories add column version integer not null default 0`,
  `alter table stories add column drafted_by text`,
  `alter table stories add column updated_at timestamptz`,
  `alter table stories add column posted_at timestamptz`,
  `alter table stories add column posted_by text`,
  `alter table stories add column teams_message_id text`,
  `create unique index stories_one_per_pair on stories (tenant_id, pair_id)`,
  `create index audit_log_by_time on audit_log (tenant_id, at)`,
];
