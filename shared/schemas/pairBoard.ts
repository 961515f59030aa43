import { z } from 'zod';
import { says } from './messages';
import { pairFlags } from '../pairHealth';
import { idSchema } from './common';

export const pairStatusSchema = z.enum(['proposed', 'accepted', 'active', 'paused', 'ended']);
export const pairFlagSchema = z.enum(pairFlags);

/** The pairs board's filters: a status, a health flag, and part of either person's name. */
export const pairBoardQuery = z
  .object({
    status: pairStatusSchema.optional(),
    flag: pairFlagSchema.optional(),
    q: z.string().trim().max(100, says('schema.tooLong')).optional(),
  })
  .strict();
export type PairBoardQuery = z.infer<typeof pairBoardQuery>;

/** Why an admin ends a pair: each blames nobody. A re-pair is its own action. */
export const adminEndReasonSchema = z.enum(['completed', 'withdrawn', 'reporting-line-change']);
export type AdminEndReason = z.infer<typeof adminEndReasonSchema>;

export const adminPairActionParams = z.object({
  id: idSchema,
  action: z.enum(['pause', 'resume', 'end', 're-pair'], { message: says('schema.pairAction') }),
});
export type AdminPairAction = z.infer<typeof adminPairActionParams>['action'];

/** Only ending asks for a reason. */
export const adminPairActionBody = z.object({ reason: adminEndReasonSchema.optional() }).strict();
