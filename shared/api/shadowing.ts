/** A meeting the mentee organises in their own calendar, which they may offer for shadowing. */
export interface OrganisedMeetingView {
  eventId: string;
  subject: string;
  start: string;
  end: string;
  /** People invited besides the mentee. */
  attendees: number;
}

/** What the mentor observed: theirs alone until they share it with the mentee. */
export interface ShadowingObservations {
  saw: string;
  effect: string;
  tryNext: string;
  observedAt: string;
  /** When the mentor shared them with the mentee; null while private. */
  sharedAt: string | null;
}

export type ShadowingStatus = 'offered' | 'accepted' | 'declined';

export interface ShadowingOfferView {
  id: string;
  eventId: string;
  subject: string;
  start: string;
  end: string;
  note: string | null;
  status: ShadowingStatus;
  offeredAt: string;
  answeredAt: string | null;
  /** The meeting has started, by the server's clock: observations may be written. */
  started: boolean;
  /** The mentor always sees their own; the mentee only once shared; null when there are none to see. */
  observations: ShadowingObservations | null;
}

/** The pair's shadowing, as one of its two people sees it. */
export interface ShadowingView {
  offers: ShadowingOfferView[];
  abilities: { offer: boolean; answer: boolean; observe: boolean };
}

/** Admins' counts for a programme: null when below the anonymity threshold. */
export interface ShadowingCounts {
  offers: number | null;
  shadowed: number | null;
  threshold: number;
}
