import { z } from 'zod';
import { noteUnreadable } from '../store/json';

const storedReasonsSchema = z.array(z.string());

/**
 * The reasons stored with a match proposal (for one left unmatched, why). Reasons that no longer
 * parse are logged and read as none: a proposal is shown without reasons rather than with text
 * the engine may not have written.
 */
export function proposalReasonsOf(raw: unknown, proposal: { tenant_id: string; id: string }): string[] {
  const parsed = storedReasonsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  noteUnreadable({ table: 'match_proposals', column: 'reasons', id: `${proposal.tenant_id}/${proposal.id}` }, parsed.error.issues.map((i) => i.path.join('.') || '(reasons)'), 'stored proposal reasons do not parse; none are shown');
  return [];
}
