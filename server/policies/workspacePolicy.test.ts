import type { PairMember } from './pairPolicy';
import { pairPolicy } from './pairPolicy';
import { authorize } from './policy';
import { mentee, mentor, pairIn } from './policyTestFixtures';
import { type AgendaItemRow, type PraiseRow, recordRules, type ReflectionRow, type TakeawayRow } from './workspacePolicy';

const at = new Date('2026-03-09T09:00:00Z');
const base = { tenant_id: 'tenant-a', pair_id: 'pair-1', session_id: null, created_at: at };
const member = (caller: typeof mentor, status: 'active' | 'ended' = 'active'): PairMember => authorize(pairPolicy, caller, 'view', pairIn(status, { mentor: true, mentee: true }));

const reflection = (author: string, shared: boolean): ReflectionRow => ({ ...base, id: 'r', author_user_id: author, text: 'x', shared_with_partner: shared });
const item = (proposedBy: 'mentor' | 'mentee', accepted: boolean, declined: boolean): AgendaItemRow => ({ ...base, id: 'a', text: 'x', proposed_by: proposedBy, accepted, position: 1, declined_at: declined ? at : null });
const takeaway = (by: string, status: 'proposed' | 'agreed'): TakeawayRow => ({ ...base, id: 't', text: 'x', proposed_by_user_id: by, confirmed_by_user_id: null, status, confirmed_at: null });
const praise = (from: string): PraiseRow => ({ tenant_id: 'tenant-a', id: 'p', pair_id: 'pair-1', from_user_id: from, text: 'x', share_with_manager: false, created_at: at });

describe('workspace policy: who may read or change each record of a pair', () => {
  const table: [string, () => boolean, boolean][] = [
    ['the author reads their private reflection', () => recordRules.readReflection(member(mentor), reflection(mentor.userId, false)), true],
    ['the partner does not read a private reflection', () => recordRules.readReflection(member(mentee), reflection(mentor.userId, false)), false],
    ['the partner reads a shared reflection', () => recordRules.readReflection(member(mentee), reflection(mentor.userId, true)), true],
    ['the author changes their reflection', () => recordRules.changeReflection(member(mentee), reflection(mentee.userId, true)), true],
    ['the partner never changes a shared reflection', () => recordRules.changeReflection(member(mentor), reflection(mentee.userId, true)), false],
    ['nobody changes a reflection once the pair ended', () => recordRules.changeReflection(member(mentee, 'ended'), reflection(mentee.userId, false)), false],
    ['both read an open suggestion', () => recordRules.readAgendaItem(member(mentee), item('mentor', false, false)), true],
    ['the mentee does not see a suggestion they declined', () => recordRules.readAgendaItem(member(mentee), item('mentor', false, true)), false],
    ['the mentor still sees their declined suggestion', () => recordRules.readAgendaItem(member(mentor), item('mentor', false, true)), true],
    ['the mentee answers an open suggestion', () => recordRules.answerSuggestion(member(mentee), item('mentor', false, false)), true],
    ['the mentor does not answer their own suggestion', () => recordRules.answerSuggestion(member(mentor), item('mentor', false, false)), false],
    ['an accepted item is no longer answered', () => recordRules.answerSuggestion(member(mentee), item('mentor', true, false)), false],
    ['the partner confirms a proposed take-away', () => recordRules.confirmTakeaway(member(mentee), takeaway(mentor.userId, 'proposed')), true],
    ['nobody confirms their own take-away', () => recordRules.confirmTakeaway(member(mentor), takeaway(mentor.userId, 'proposed')), false],
    ['an agreed take-away is not confirmed again', () => recordRules.confirmTakeaway(member(mentee), takeaway(mentor.userId, 'agreed')), false],
    ['the mentor decides whether praise they received is shared', () => recordRules.decidePraiseSharing(member(mentor), praise(mentee.userId)), true],
    ['the mentee does not decide on praise they gave', () => recordRules.decidePraiseSharing(member(mentee), praise(mentee.userId)), false],
    ['nothing is decided once the pair ended', () => recordRules.decidePraiseSharing(member(mentor, 'ended'), praise(mentee.userId)), false],
  ];

  it.each(table)('%s', (_rule, check, allowed) => {
    expect(check()).toBe(allowed);
  });
});
