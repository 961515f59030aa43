import { z } from 'zod';
import { says } from './messages';
import { idSchema, isoDate, text } from './common';
import { moduleIdSchema } from './training';

/**
 * What people send to the pair workspace, from the tab or from the bot's cards. Every object is
 * strict (an unknown key is refused, not silently dropped) and every text is bounded.
 */

export const pairItemParams = z.object({ id: idSchema, itemId: idSchema });

export const trainingModuleParams = z.object({ id: idSchema, moduleId: moduleIdSchema });

const optionalSessionId = idSchema.nullable().optional();

export const agendaItemSchema = z.object({ text: text(500), sessionId: optionalSessionId }).strict();
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

export const agendaItemEditSchema = z
  .object({ text: text(500), sessionId: idSchema.nullable() })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: says('schema.nameAField') });
export type AgendaItemEdit = z.infer<typeof agendaItemEditSchema>;

export const agendaOrderSchema = z
  .object({
    itemIds: z
      .array(idSchema)
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, { message: says('schema.itemTwice') }),
  })
  .strict();
export type AgendaOrderInput = z.infer<typeof agendaOrderSchema>;

export const suggestionAnswerSchema = z.object({ answer: z.enum(['accept', 'decline'], { message: says('schema.suggestionAnswer') }) }).strict();
export type SuggestionAnswer = z.infer<typeof suggestionAnswerSchema>;

export const reflectionSchema = z.object({ text: text(5000), sessionId: optionalSessionId }).strict();
export type ReflectionInput = z.infer<typeof reflectionSchema>;

export const reflectionEditSchema = z
  .object({ text: text(5000), sharedWithPartner: z.boolean() })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: says('schema.nameAField') });
export type ReflectionEdit = z.infer<typeof reflectionEditSchema>;

export const takeawaySchema = z.object({ text: text(300), sessionId: idSchema }).strict();
export type TakeawayInput = z.infer<typeof takeawaySchema>;

export const commitmentSchema = z.object({ text: text(500), dueOn: isoDate.nullable().optional(), sessionId: optionalSessionId }).strict();
export type CommitmentInput = z.infer<typeof commitmentSchema>;

export const commitmentEditSchema = z
  .object({ text: text(500), dueOn: isoDate.nullable(), status: z.enum(['open', 'kept', 'dropped'], { message: says('schema.actionStatus') }) })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: says('schema.nameAField') });
export type CommitmentEdit = z.infer<typeof commitmentEditSchema>;

export const praiseSchema = z.object({ text: text(1000) }).strict();
export type PraiseInput = z.infer<typeof praiseSchema>;

export const praiseSharingSchema = z.object({ shareWithManager: z.boolean() }).strict();
export type PraiseSharingInput = z.infer<typeof praiseSharingSchema>;

/** A concern is about a pair the person is in, or about a programme they take part in. */
export const concernCategorySchema = z.enum(['relationship', 'conduct', 'wellbeing', 'logistics', 'other'], { message: says('schema.concernCategory') });
export const concernSeveritySchema = z.enum(['low', 'medium', 'high'], { message: says('schema.concernSeverity') });

export const concernSchema = z
  .object({ pairId: idSchema.optional(), programmeId: idSchema.optional(), text: text(4000), category: concernCategorySchema.optional() })
  .strict()
  .refine((c) => (c.pairId === undefined) !== (c.programmeId === undefined), { message: says('schema.pairOrProgramme'), path: ['pairId'] });
export type ConcernInput = z.infer<typeof concernSchema>;

export const concernStatusSchema = z.enum(['open', 'in-progress', 'closed'], { message: says('schema.concernStatus') });

/** An admin moves a concern along, or sorts it: any of its status, category and severity. */
export const concernChangeSchema = z
  .object({ status: concernStatusSchema, category: concernCategorySchema, severity: concernSeveritySchema })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: says('schema.concernChange') });
export type ConcernChange = z.infer<typeof concernChangeSchema>;

/** A reply to the person who raised a concern, or an admin's internal note on it. */
export const concernEntrySchema = z.object({ text: text(4000) }).strict();

export const concernListQuery = z.object({ status: concernStatusSchema.optional() }).strict();

/** Where a session takes place, as stored with it; sessions not booked through Upward may name no kind or place. */
export const sessionVenueSchema = z.object({
  kind: z.enum(['room', 'offsite', 'online']).nullable(),
  /** Room e-mail address or off-site venue id. */
  ref: z.string().nullable(),
  displayName: z.string().nullable(),
  /** The room declined the booking after it was made and no other neutral room was free: the pair was told. */
  roomDeclined: z.boolean().nullable(),
});
export type SessionVenue = z.infer<typeof sessionVenueSchema>;
export const unknownSessionVenue: SessionVenue = { kind: null, ref: null, displayName: null, roomDeclined: null };
