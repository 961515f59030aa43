import type { VenueKind } from '../glossary';
import type { NoSlotFinding } from '../scheduling/slots';
import type { NeutralityCode } from '../venues/venuePolicy';
import type { SessionView } from './workspace';

/** A suggestion as the add-in shows and books it: the time, the place and why that place is neutral. */
export interface SuggestionView {
  start: string;
  end: string;
  /** `address` is an off-site venue's, from the programme's list; rooms and Teams meetings have none. */
  venue: { kind: VenueKind; ref: string | null; displayName: string; address: string | null };
  /** Why the place is neutral, as a code each client words from its catalogue (`neutrality.<code>`, with the place's name). */
  neutralityCode: NeutralityCode;
  fallback: boolean;
}

/**
 * Why no time was suggested, from the availability step: no time free for both in their working
 * hours (`no-shared-free-time`), every free time too close to a past session (`spacing`) or to
 * the coming one (`cadence`), or no neutral place free then (`no-neutral-place`). `session` is the
 * start of the session that rules the window out; `retryFrom` is when looking again can help.
 */
export type NoSlotReason = NoSlotFinding;

/** GET /api/pairs/:id/booking/suggestions */
export interface SuggestionList {
  subject: string;
  /** Best first: neutral places lead, fallbacks (labelled) follow. */
  suggestions: SuggestionView[];
  /** Set exactly when `suggestions` is empty. */
  noSlot: NoSlotReason | null;
  roomsChecked: number;
  roomsRejected: number;
  partner: { displayName: string; mail: string };
  /** The pair's private workspace, for the body of an appointment the person fills in Outlook. */
  workspaceUrl: string;
}

/** The invitation a session sends: whose calendar holds it, and what the partner receives. */
export interface InvitationView {
  subject: string;
  /** Whose calendar the event is in: the caller's or their partner's. */
  organizer: 'me' | 'partner';
  partner: { displayName: string };
  private: true;
}

/** A booked session as the add-in shows it: the place with its address (off-site) or join link (online), and the invitation. */
export interface BookedSession extends SessionView {
  subject: string;
  /** An off-site venue's address, from the programme's list. */
  address: string | null;
  invitation: InvitationView;
  /** Whether the caller can move or cancel it here (the event is in a calendar their booking identity reaches). */
  canChange: boolean;
}

/** GET /api/pairs/:id/sessions: the pair's planned sessions still to come, soonest first. */
export interface UpcomingSessions {
  sessions: BookedSession[];
}
