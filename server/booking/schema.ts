import { z } from 'zod';
import { says } from '../../shared/schemas/messages';
import { idSchema, isoDateTime as instant } from '../../shared/schemas/common';

export const pairParams = z.object({ id: idSchema });
export const sessionParams = z.object({ id: idSchema, sessionId: idSchema });

export const suggestionsQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  mode: z.enum(['any', 'in-person', 'room', 'offsite', 'online'], { message: says('schema.venueMode') }).default('any'),
  /** Suggestions for moving this session: its own time does not count against the spacing rule. */
  reschedule: idSchema.optional(),
});

const slot = { start: instant, end: instant };
const endsAfterStart = (s: { start: string; end: string }) => Date.parse(s.end) > Date.parse(s.start);
const lengthOk = (s: { start: string; end: string }) => Date.parse(s.end) - Date.parse(s.start) <= 4 * 3_600_000;

export const bookSchema = z
  .object({
    ...slot,
    venue: z.object({ kind: z.enum(['room', 'offsite', 'online']), ref: z.string().trim().min(1).max(320).nullable() }).strict(),
    /** Whose calendar holds the event: the mentee's (they own the agenda) unless the caller books it in their own. */
    organizer: z.enum(['mentee', 'me']).default('mentee'),
  })
  .strict()
  .refine(endsAfterStart, { message: says('schema.afterStart'), path: ['end'] })
  .refine(lengthOk, { message: says('schema.sessionTooLong'), path: ['end'] });

export const rescheduleSchema = z
  .object(slot)
  .strict()
  .refine(endsAfterStart, { message: says('schema.afterStart'), path: ['end'] })
  .refine(lengthOk, { message: says('schema.sessionTooLong'), path: ['end'] });
