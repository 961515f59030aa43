import type { WorkspaceAbilities } from '../../shared/api/workspace';
import type { Selectable } from 'kysely';
import type { Role } from '../../shared/glossary';
import type { Caller } from '../auth/caller';
import { ApiError } from '../http/errors';
import type { PairRow } from '../pairs/pairRepository';
import type { AgendaItemTable, PraiseTable, ReflectionTable, TakeawayTable } from '../store/schema';

/**
 * Who may do what inside a pair's workspace, written once. Membership itself is checked first by
 * authorizePairMember (a stranger or an admin sees a 404); these rules decide between the two
 * members, by role, and by who wrote a record.
 */
export interface Member {
  userId: string;
  role: Role;
  pair: PairRow;
}

export type ReflectionRow = Selectable<ReflectionTable>;
export type TakeawayRow = Selectable<TakeawayTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;
export type PraiseRow = Selectable<PraiseTable>;

const open = (m: Member) => m.pair.status !== 'ended';
const mentee = (m: Member) => open(m) && m.role === 'mentee';
const mentor = (m: Member) => open(m) && m.role === 'mentor';

const rules = {
  signCharter: (m: Member) => m.pair.status === 'accepted' || m.pair.status === 'active',
  editAgenda: mentee,
  suggestAgendaItem: mentor,
  writeReflection: open,
  proposeTakeaway: open,
  recordCommitment: mentee,
  thank: mentee,
  decidePraiseSharing: mentor,
} satisfies Record<keyof WorkspaceAbilities, (m: Member) => boolean>;

export type WorkspaceAction = keyof typeof rules;

const refusals: Record<WorkspaceAction, string> = {
  signCharter: 'The charter is signed once both people have accepted the pair, and before it ends.',
  editAgenda: 'The mentee owns the agenda; as the mentor, suggest an item instead.',
  suggestAgendaItem: 'Only the mentor suggests agenda items; as the mentee, add the item to the agenda.',
  writeReflection: 'This pair has ended; its journal is kept but cannot change.',
  proposeTakeaway: 'This pair has ended; its take-aways are kept but cannot change.',
  recordCommitment: 'Commitments are the mentee’s to record and follow up.',
  thank: 'Praise goes from the mentee to the mentor.',
  decidePraiseSharing: 'Only the mentor who received the praise decides whether their manager may see it.',
};

export function can(member: Member, action: WorkspaceAction): boolean {
  return rules[action](member);
}

export function authorizeWorkspace(member: Member, action: WorkspaceAction): void {
  if (!can(member, action)) throw new ApiError(member.pair.status === 'ended' ? 'pairEnded' : 'notYourRole', refusals[action]);
}

/** Record-level rules: a refused record reads as a missing one, except where the member can see it. */
export const recordRules = {
  readReflection: (m: Member, r: ReflectionRow) => r.author_user_id === m.userId || r.shared_with_partner,
  changeReflection: (m: Member, r: ReflectionRow) => open(m) && r.author_user_id === m.userId,
  /** Accepted items and open suggestions are seen by both; a declined suggestion only by the mentor who made it. */
  readAgendaItem: (m: Member, item: AgendaItemRow) => item.accepted || item.declined_at === null || item.proposed_by === m.role,
  answerSuggestion: (m: Member, item: AgendaItemRow) => mentee(m) && !item.accepted && item.declined_at === null,
  confirmTakeaway: (m: Member, t: TakeawayRow) => open(m) && t.status === 'proposed' && t.proposed_by_user_id !== m.userId,
  decidePraiseSharing: (m: Member, p: PraiseRow) => mentor(m) && p.from_user_id !== m.userId,
};

export function memberOf(actor: Caller, pair: PairRow, role: Role): Member {
  return { userId: actor.userId, role, pair };
}

/** What the caller may do in the workspace, sent with it so the tab hides what is not allowed. */
export function workspaceAbilities(member: Member): WorkspaceAbilities {
  return Object.fromEntries(Object.keys(rules).map((a) => [a, can(member, a as WorkspaceAction)])) as Record<WorkspaceAction, boolean>;
}
