/**
 * The locale a session's event subject was worded in (decision 0071), so the API (the add-in's
 * pane, the appointment it fills) names the subject the partner really received. Earlier events
 * were all English: null reads as English.
 */
export const statements = [`alter table sessions add column event_locale text`];
