/**
 * Booked sessions remember whose calendar holds the event (the organizer), so reschedule and
 * cancel reach the same mailbox whoever asks, and when the event was last changed through Graph.
 */
export const statements = [
  `alter table sessions add column organizer_user_id text`,
  `alter table sessions add column updated_at timestamptz`,
];
