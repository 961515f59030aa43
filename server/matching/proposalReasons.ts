import { z } from 'zod';
import { pairReasonSchema, unmatchedReasonSchema, type RecordedReason, type ShownPairReason, type ShownUnmatchedReason } from '../../shared/matching';
import { noteUnreadable } from '../store/json';

// Runs stored before reasons were codes hold English sentences: shown as written, marked so (decision 0071).
const recorded = z.string().min(1).transform((text): RecordedReason => ({ code: 'recorded', values: { text } }));
const pairReasonsSchema = z.array(z.union([pairReasonSchema, recorded]));
const unmatchedReasonsSchema = z.tuple([z.union([unmatchedReasonSchema, recorded])]);

type Row = { tenant_id: string; id: string };

function read<T>(schema: z.ZodType<T>, raw: unknown, proposal: Row): T | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  noteUnreadable({ table: 'match_proposals', column: 'reasons', id: `${proposal.tenant_id}/${proposal.id}` }, parsed.error.issues.map((i) => i.path.join('.') || '(reasons)'), 'stored proposal reasons do not parse; none are shown');
  return null;
}

/**
 * The reasons stored with a proposed pair. Reasons that no longer parse are logged and read as
 * none: a proposal is shown without reasons rather than with text the engine may not have written.
 */
export const pairReasonsOf = (raw: unknown, proposal: Row): ShownPairReason[] => read(pairReasonsSchema, raw, proposal) ?? [];

/** Why a person was left unmatched, as stored with the run; null (and logged) when it no longer parses. */
export const unmatchedReasonOf = (raw: unknown, proposal: Row): ShownUnmatchedReason | null => read(unmatchedReasonsSchema, raw, proposal)?.[0] ?? null;
