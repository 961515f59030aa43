import type { PairAbilities } from '../../shared/api/pairs';
import type { Role } from '../../shared/glossary';
import type { Caller } from '../auth/caller';
import { notFound } from '../http/errors';
import type { PairRow } from '../pairs/pairRepository';

/** The caller's role in a pair, or null when they are not in it. Admins are never "in" a pair by office. */
export function roleInPair(caller: Caller, pair: PairRow): Role | null {
  if (pair.mentor_user_id === caller.userId) return 'mentor';
  if (pair.mentee_user_id === caller.userId) return 'mentee';
  return null;
}

export function partnerOf(pair: PairRow, role: Role): string {
  return role === 'mentor' ? pair.mentee_user_id : pair.mentor_user_id;
}

/**
 * Only the two people of a pair may open its workspace; anyone else, admins included, is told
 * the pair does not exist, exactly as if it did not.
 */
export function authorizePairMember(caller: Caller, pair: PairRow | undefined): asserts pair is PairRow {
  if (!pair || roleInPair(caller, pair) === null) throw notFound();
}

/** What the caller may do in a pair, sent with the data so the tab shows only what is allowed. */
export function pairAbilities(caller: Caller, pair: PairRow): PairAbilities {
  const role = roleInPair(caller, pair);
  const live = pair.status !== 'ended';
  return {
    accept: live && pair.status === 'proposed' && ((role === 'mentor' && !pair.mentor_accepted_at) || (role === 'mentee' && !pair.mentee_accepted_at)),
    decline: live && pair.status === 'proposed',
    signCharter: pair.status === 'accepted' || pair.status === 'active',
    editAgenda: live && role === 'mentee',
    suggestAgendaItem: live && role === 'mentor',
    thank: live && role === 'mentee',
    pause: pair.status === 'active',
    resume: pair.status === 'paused',
    requestRepair: pair.status === 'accepted' || pair.status === 'active' || pair.status === 'paused',
  };
}
