import type { Selectable } from 'kysely';
import type { AgendaItemTable, PraiseTable, ReflectionTable, TakeawayTable } from '../store/schema';
import { pairPolicy, type PairMember } from './pairPolicy';

/**
 * Who may read or change each record in a pair's workspace, once the pair policy has made the
 * caller a member: by role, and by who wrote the record. A refused record reads as a missing one,
 * except where the member can see it (then the command says why it cannot change).
 */
export type ReflectionRow = Selectable<ReflectionTable>;
export type TakeawayRow = Selectable<TakeawayTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;
export type PraiseRow = Selectable<PraiseTable>;

const may = pairPolicy.rules;

/** Each rule that changes a record is the member's ability in the pair, narrowed by the record. */
export const recordRules = {
  readReflection: (m: PairMember, r: ReflectionRow) => r.author_user_id === m.userId || r.shared_with_partner,
  changeReflection: (m: PairMember, r: ReflectionRow) => may.writeReflection(m) && r.author_user_id === m.userId,
  /** Accepted items and open suggestions are seen by both; a declined suggestion only by the mentor who made it. */
  readAgendaItem: (m: PairMember, item: AgendaItemRow) => item.accepted || item.declined_at === null || item.proposed_by === m.role,
  answerSuggestion: (m: PairMember, item: AgendaItemRow) => may.editAgenda(m) && !item.accepted && item.declined_at === null,
  confirmTakeaway: (m: PairMember, t: TakeawayRow) => may.proposeTakeaway(m) && t.status === 'proposed' && t.proposed_by_user_id !== m.userId,
  decidePraiseSharing: (m: PairMember, p: PraiseRow) => may.decidePraiseSharing(m) && p.from_user_id !== m.userId,
};
