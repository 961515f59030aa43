/**
 * What a process killed mid-flight leaves for the next one to settle. A job records when it began
 * handing its message to Teams, so the next attempt first asks Graph whether it arrived; a booking
 * intent records the event it was about to create (organizer and times), so a booking nobody
 * retried can have that event found and cancelled.
 */
export const statements = [
  `alter table jobs add column send_started_at timestamptz`,
  `alter table booking_intents add column organizer_user_id text`,
  `alter table booking_intents add column starts_at timestamptz`,
  `alter table booking_intents add column ends_at timestamptz`,
];
