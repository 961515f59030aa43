import type { Venue } from '../../shared/glossary';
import type { Slot } from './availability';

/**
 * How long the suggestions shown to a pair count as fresh (decision 0075): booking one of them
 * within this time skips the last look at free/busy, because that look would read what the
 * suggestions read a moment ago.
 */
export const freshForMs = 2 * 60_000;

/** Pairs whose offers are kept at once; past this the oldest go first (they would be stale before long anyway). */
const maxPairs = 10_000;

/** What a booking of a fresh suggestion may reuse: each person's mailbox language read with the suggestions (null: none set). */
export interface FreshOffer {
  mailboxLocales: ReadonlyMap<string, string | null>;
}

/**
 * The suggestions each pair was last shown, in this process: when their free/busy was read, which
 * slots and places were offered, and the mailbox languages read in the same round trip. A booking
 * takes the pair's offer once (a booking changes what is free), so only the first booking after a
 * listing counts as fresh; another process, a restart or a later booking books as a stale one does.
 */
export interface Offers {
  remember(tenantId: string, pairId: string, offered: readonly { start: string; end: string; venue: Pick<Venue, 'kind' | 'ref'> }[], mailboxLocales: ReadonlyMap<string, string | null>): void;
  /** The pair's offer, removed, when it is fresh and offered this slot at this place; otherwise null (and removed all the same). */
  take(tenantId: string, pairId: string, booked: { slot: Slot; venue: Pick<Venue, 'kind' | 'ref'> }): FreshOffer | null;
}

interface Offer extends FreshOffer {
  readAt: number;
  slots: Set<string>;
}

const slotKey = (start: string, end: string, venue: Pick<Venue, 'kind' | 'ref'>) => `${Date.parse(start)}/${Date.parse(end)}/${venue.kind}/${(venue.ref ?? '').toLowerCase()}`;

export function createOffers({ clock }: { clock: () => Date }): Offers {
  // Insertion order is reading order: the oldest offers are first.
  const byPair = new Map<string, Offer>();
  return {
    remember(tenantId, pairId, offered, mailboxLocales) {
      const key = `${tenantId}/${pairId}`;
      byPair.delete(key);
      if (byPair.size >= maxPairs) byPair.delete(byPair.keys().next().value!);
      byPair.set(key, { readAt: clock().getTime(), slots: new Set(offered.map((s) => slotKey(s.start, s.end, s.venue))), mailboxLocales });
    },
    take(tenantId, pairId, { slot, venue }) {
      const key = `${tenantId}/${pairId}`;
      const offer = byPair.get(key);
      byPair.delete(key);
      if (!offer || clock().getTime() - offer.readAt > freshForMs || !offer.slots.has(slotKey(slot.start, slot.end, venue))) return null;
      return { mailboxLocales: offer.mailboxLocales };
    },
  };
}
