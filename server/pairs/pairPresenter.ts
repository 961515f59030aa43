import type { PairView } from '../../shared/api/pairs';
import type { PersonSummary } from '../directory/directoryCache';
import { pairCardAbilities, pairPolicy, partnerOf, type PairMember } from '../policies/pairPolicy';
import { abilitiesOf } from '../policies/policy';

/** A pair as one of its two people sees it: who the partner is (never their reporting line). */
export function presentPair(member: PairMember, people: Map<string, PersonSummary>, programmeName: string): PairView {
  const { pair, role: myRole } = member;
  const partnerId = partnerOf(member);
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
    abilities: abilitiesOf(pairPolicy.rules, member, pairCardAbilities),
  };
}
