import type { PairView } from '../../shared/api/pairs';
import type { Caller } from '../auth/caller';
import type { PersonSummary } from '../directory/directoryCache';
import { pairAbilities, partnerOf, roleInPair } from '../policies/pairPolicy';
import type { PairRow } from './pairRepository';

/** A pair as one of its two people sees it: who the partner is (never their reporting line). */
export function presentPair(caller: Caller, pair: PairRow, people: Map<string, PersonSummary>, programmeName: string): PairView {
  const myRole = roleInPair(caller, pair)!;
  const partnerId = partnerOf(pair, myRole);
  const partner = people.get(partnerId);
  return {
    id: pair.id,
    programme: { id: pair.programme_id, name: programmeName },
    myRole,
    status: pair.status,
    partner: {
      userId: partnerId,
      role: myRole === 'mentor' ? 'mentee' : 'mentor',
      displayName: partner?.displayName ?? 'Your partner',
      department: partner?.department ?? null,
      jobTitle: partner?.jobTitle ?? null,
    },
    mentorAccepted: pair.mentor_accepted_at !== null,
    menteeAccepted: pair.mentee_accepted_at !== null,
    startedAt: pair.started_at?.toISOString() ?? null,
    endedAt: pair.ended_at?.toISOString() ?? null,
    abilities: pairAbilities(caller, pair),
  };
}
