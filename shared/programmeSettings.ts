import { z } from 'zod';
import { says } from './schemas/messages';

/**
 * Where seniority comes from: by default the depth in the management chain (fewer managers
 * above you means more senior), or a numeric grade in a directory attribute such as an
 * extension attribute (a higher grade means more senior).
 */
export const senioritySourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chain-depth') }),
  z.object({
    kind: z.literal('directory-attribute'),
    attribute: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, says('schema.directoryAttribute')),
  }),
]);
export type SenioritySource = z.infer<typeof senioritySourceSchema>;

export const objectiveSchema = z.enum(['inclusion', 'technology', 'culture', 'leadership', 'wellbeing']);

export const guidelinesSchema = z.object({
  timeCommitment: z.string().trim().max(500),
  frequency: z.string().trim().max(500),
  expectedOutcomes: z.string().trim().max(2000),
});

export const programmeSettingsSchema = z.object({
  objectives: z.array(objectiveSchema).min(1, says('schema.chooseObjective')).max(5),
  durationMonths: z.number().int().min(1).max(36),
  relationshipMonths: z.number().int().min(1).max(36),
  cadenceDays: z.number().int().min(7, says('schema.atMostWeekly')).max(90),
  sessionMinutes: z.number().int().min(15).max(240),
  guidelines: guidelinesSchema,
  minSeniorityGap: z.number().int().min(0).max(20),
  senioritySource: senioritySourceSchema,
  anonymityThreshold: z.number().int().min(3, says('schema.groupTooSmall')).max(100),
});
export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;

/** Sensible defaults: a 9-month programme holding 6-month relationships, meeting every two weeks. */
export const defaultProgrammeSettings: ProgrammeSettings = {
  objectives: ['inclusion'],
  durationMonths: 9,
  relationshipMonths: 6,
  cadenceDays: 14,
  sessionMinutes: 60,
  guidelines: {
    timeCommitment: 'About 2 hours a month, including preparation and reflection.',
    frequency: 'One session every two weeks.',
    expectedOutcomes: 'The mentee understands the mentor’s lived experience and acts on agreed take-aways.',
  },
  minSeniorityGap: 2,
  senioritySource: { kind: 'chain-depth' },
  anonymityThreshold: 5,
};
