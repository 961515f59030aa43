import { z } from 'zod';
import { says } from './messages';
import { idSchema } from './common';

const userId = z.string().trim().min(1).max(64);

export const matchConstraintSchema = z
  .object({ mentorUserId: userId, menteeUserId: userId, kind: z.enum(['block', 'pin'], { message: says('schema.blockOrPin') }) })
  .strict();

export const removeConstraintSchema = z.object({ mentorUserId: userId, menteeUserId: userId }).strict();

const proposalRef = z.object({ mentorParticipantId: idSchema, menteeParticipantId: idSchema }).strict();

/** Swap the partners of two proposals: the admin pins the two crossed pairs and runs again. */
export const swapSchema = z
  .object({ first: proposalRef, second: proposalRef })
  .strict()
  .refine((s) => s.first.mentorParticipantId !== s.second.mentorParticipantId && s.first.menteeParticipantId !== s.second.menteeParticipantId, {
    message: says('schema.twoDifferentProposals'),
    path: ['second'],
  });

export const runParams = z.object({ id: idSchema, runId: idSchema });

/** Apply the re-run an admin previewed: refused when its inputs changed since (a stale preview). */
export const applyPreviewSchema = z.object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'must be the fingerprint of a preview') }).strict();
