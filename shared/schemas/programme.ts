import { z } from 'zod';
import { says } from './messages';
import { charterPlaceholders, unknownPlaceholders } from '../charterTemplate';
import { defaultProgrammeSettings, programmeSettingsSchema } from '../programmeSettings';
import { isoDate, text } from './common';
import { storyChannelSchema } from './story';
import { curriculumSchema } from './training';

export const venuePolicySchema = z.object({
  allowRooms: z.boolean(),
  allowOnline: z.boolean(),
  offsiteVenues: z
    .array(z.object({ id: z.string().trim().min(1).max(64), name: text(200), address: text(500), notes: z.string().trim().max(1000).default('') }))
    .max(100),
});

export const surveyScheduleSchema = z.object({
  pairingFitAfterFirstSession: z.boolean(),
  midPoint: z.boolean(),
  end: z.boolean(),
  pulseEveryDays: z.number().int().min(0).max(180),
});

export const guidesSchema = z.object({ mentor: z.string().trim().max(20000), mentee: z.string().trim().max(20000) });

export const defaultVenuePolicy: z.infer<typeof venuePolicySchema> = { allowRooms: true, allowOnline: true, offsiteVenues: [] };
export const defaultSurveySchedule: z.infer<typeof surveyScheduleSchema> = {
  pairingFitAfterFirstSession: true,
  midPoint: true,
  end: true,
  pulseEveryDays: 30,
};
export const defaultCharterText =
  'We meet as equals, every {cadenceDays} days for {sessionMinutes} minutes, from {startsOn} to {endsOn}. What we say stays between us unless we both agree to share it. ' +
  '{mentee} sets the agenda; {mentor}’s experience is what counts. We reflect after every session and agree our take-aways.';

/** The charter as the admin writes it: a template whose placeholders each pair's charter fills (shared/charterTemplate.ts). */
const charterTemplateSchema = text(10000).superRefine((template, ctx) => {
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: says('schema.unknownPlaceholder'), params: { unknown: unknown.map((u) => `{${u}}`), known: charterPlaceholders.map((p) => `{${p}}`) } });
});

/** Whom admins escalate a concern to (for example HR), as the programme names them. */
export const escalationContactSchema = z.object({ name: text(200), email: z.email({ message: says('schema.email') }).max(320) }).strict();
export type EscalationContact = z.infer<typeof escalationContactSchema>;

/** What a programme keeps beside its settings, as stored; the store reads each field into this type. */
export const programmeDetailsSchema = z.object({
  charterText: text(10000),
  guides: guidesSchema,
  venuePolicy: venuePolicySchema,
  surveySchedule: surveyScheduleSchema,
  storyChannel: storyChannelSchema.nullable(),
  escalationContact: escalationContactSchema.nullable(),
  /** The programme's own training curriculum; null follows the shipped one (decision 0078). */
  training: curriculumSchema.nullable(),
});
export type ProgrammeDetails = z.infer<typeof programmeDetailsSchema>;

/** What a programme written before a detail existed reads as. */
export const defaultProgrammeDetails: ProgrammeDetails = {
  charterText: defaultCharterText,
  guides: { mentor: '', mentee: '' },
  venuePolicy: defaultVenuePolicy,
  surveySchedule: defaultSurveySchedule,
  storyChannel: null,
  escalationContact: null,
  training: null,
};

const programmeFields = {
  name: text(120),
  startsOn: isoDate,
  endsOn: isoDate.optional(),
  settings: programmeSettingsSchema.partial().default({}),
  charterText: charterTemplateSchema.default(defaultCharterText),
  guides: guidesSchema.default({ mentor: '', mentee: '' }),
  venuePolicy: venuePolicySchema.default(defaultVenuePolicy),
  surveySchedule: surveyScheduleSchema.default(defaultSurveySchedule),
  /** The Teams channel published stories are posted to; none until the admin names one. */
  storyChannel: storyChannelSchema.nullable().optional(),
  escalationContact: escalationContactSchema.nullable().optional(),
};

/** What an admin sends to create a programme; everything but the name and start has a default. */
export const createProgrammeSchema = z
  .object(programmeFields)
  .strict()
  .refine((p) => !p.endsOn || p.endsOn > p.startsOn, { message: says('schema.afterStartDate'), path: ['endsOn'] })
  .refine(
    (p) => {
      const settings = { ...defaultProgrammeSettings, ...p.settings };
      return settings.relationshipMonths <= settings.durationMonths;
    },
    { message: says('schema.relationshipTooLong'), path: ['settings', 'relationshipMonths'] },
  );
export type CreateProgrammeInput = z.infer<typeof createProgrammeSchema>;

export const programmeStatusSchema = z.enum(['draft', 'open', 'running', 'closed']);

/** An edit changes only the fields it names. */
export const updateProgrammeSchema = z
  .object({
    name: programmeFields.name,
    endsOn: isoDate,
    status: programmeStatusSchema,
    settings: programmeSettingsSchema.partial(),
    charterText: charterTemplateSchema,
    guides: guidesSchema,
    venuePolicy: venuePolicySchema,
    surveySchedule: surveyScheduleSchema,
    storyChannel: storyChannelSchema.nullable(),
    escalationContact: escalationContactSchema.nullable(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: says('schema.nameAField') });
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeSchema>;
