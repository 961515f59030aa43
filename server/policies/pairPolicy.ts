import type { Role } from '../../shared/glossary';
import type { Caller } from '../auth/caller';
import { ApiError, notFound } from '../http/errors';
import type { PairRow } from '../pairs/pairRepository';
import type { Policy } from './policy';

/** Who the caller is in a pair: one of its two people, by role. Admins are never "in" a pair by office. */
export interface PairMember {
  userId: string;
  role: Role;
  pair: PairRow;
}

const open = (m: PairMember) => m.pair.status !== 'ended';
const mentee = (m: PairMember) => open(m) && m.role === 'mentee';
const mentor = (m: PairMember) => open(m) && m.role === 'mentor';
const notYetAcceptedByMe = (m: PairMember) => (m.role === 'mentor' ? m.pair.mentor_accepted_at : m.pair.mentee_accepted_at) === null;

/**
 * What a member may do in their pair and its workspace. The lifecycle abilities (accept to
 * requestRepair) are what the tab offers; the change itself is decided by the pair lifecycle
 * (shared/pairLifecycle), which refuses with its own reason.
 */
const rules = {
  view: () => true,
  raiseConcern: () => true,
  accept: (m: PairMember) => m.pair.status === 'proposed' && notYetAcceptedByMe(m),
  decline: (m: PairMember) => m.pair.status === 'proposed',
  pause: (m: PairMember) => m.pair.status === 'active',
  resume: (m: PairMember) => m.pair.status === 'paused',
  requestRepair: (m: PairMember) => m.pair.status === 'accepted' || m.pair.status === 'active' || m.pair.status === 'paused',
  signCharter: (m: PairMember) => m.pair.status === 'accepted' || m.pair.status === 'active',
  editAgenda: mentee,
  suggestAgendaItem: mentor,
  writeReflection: open,
  proposeTakeaway: open,
  recordCommitment: mentee,
  thank: mentee,
  decidePraiseSharing: mentor,
  // Shadowing happens while the relationship runs: the mentee offers their meetings, the mentor answers and observes.
  offerShadowing: (m: PairMember) => m.pair.status === 'active' && m.role === 'mentee',
  answerShadowing: (m: PairMember) => m.pair.status === 'active' && m.role === 'mentor',
  recordObservations: mentor,
} satisfies Record<string, (m: PairMember) => boolean>;

export type PairAbility = keyof typeof rules;

/** The abilities whose refusal says more than the code's own detail (`pairRefusal.<ability>` in the problem catalogues). */
const explained = ['signCharter', 'editAgenda', 'suggestAgendaItem', 'writeReflection', 'proposeTakeaway', 'recordCommitment', 'thank', 'decidePraiseSharing', 'offerShadowing', 'answerShadowing', 'recordObservations'] as const satisfies readonly PairAbility[];
const isExplained = (ability: PairAbility): ability is (typeof explained)[number] => (explained as readonly PairAbility[]).includes(ability);

export function relateToPair(caller: Caller, pair: PairRow | undefined): PairMember | null {
  if (!pair) return null;
  const role: Role | null = pair.mentor_user_id === caller.userId ? 'mentor' : pair.mentee_user_id === caller.userId ? 'mentee' : null;
  return role && { userId: caller.userId, role, pair };
}

/**
 * Only the two people of a pair may open it; anyone else, admins included, is told the pair does
 * not exist, exactly as if it did not. Between the two, a refusal says whether the pair has ended
 * (409) or the role does not do this (403).
 */
export const pairPolicy: Policy<PairRow, PairMember, PairAbility> = {
  relate: relateToPair,
  stranger: notFound,
  rules,
  refuse: (m, ability) => new ApiError(m.pair.status === 'ended' ? 'pairEnded' : 'notYourRole', isExplained(ability) ? { key: `pairRefusal.${ability}` } : undefined),
};

/** The abilities the pair card offers (lifecycle and the workspace's headline actions). */
export const pairCardAbilities = ['accept', 'decline', 'signCharter', 'editAgenda', 'suggestAgendaItem', 'thank', 'pause', 'resume', 'requestRepair'] as const satisfies readonly PairAbility[];

/** The abilities the workspace view offers. */
export const workspaceAbilities = ['signCharter', 'editAgenda', 'suggestAgendaItem', 'writeReflection', 'proposeTakeaway', 'recordCommitment', 'thank', 'decidePraiseSharing'] as const satisfies readonly PairAbility[];

export function partnerOf(member: PairMember): string {
  return member.role === 'mentor' ? member.pair.mentee_user_id : member.pair.mentor_user_id;
}
