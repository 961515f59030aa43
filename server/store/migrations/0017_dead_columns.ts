/**
 * Columns nothing reads: an event's `handled_at` was never set (the reporting-line sync asked
 * for it to be null, which it always was); a conversation's `claims` and `conversation_id` were
 * written from what the SDK stored but never read back (the bot speaks with its own identity,
 * and finds a conversation by person, never by conversation id).
 */
export const statements = [
  `alter table domain_events drop column handled_at`,
  `alter table conversation_references drop column claims, drop column conversation_id`,
];
