/**
 * The bot and its job queue: a claimed job records which worker holds it, so a worker whose lease
 * ran out cannot mark someone else's claim done; a finished job records how it ended. A
 * conversation reference is also found by its conversation id (the SDK's proactive store asks by
 * that), and people can pause their reminders.
 */
export const statements = [
  `alter table jobs add column locked_by text`,
  `alter table jobs add column outcome text check (outcome in ('sent', 'skipped', 'failed'))`,
  `alter table conversation_references add column conversation_id text`,
  `alter table conversation_references add column claims jsonb not null default '{}'`,
  `create unique index conversation_references_by_conversation on conversation_references (conversation_id)`,
  `create table bot_preferences (
    tenant_id text not null, user_id text not null, reminders_paused_until timestamptz, updated_at timestamptz not null,
    primary key (tenant_id, user_id))`,
];
