import { z } from 'zod';
import { says } from './messages';
import { idSchema } from './common';

export const roleSchema = z.enum(['mentor', 'mentee'], { message: says('schema.role') });

const shortList = z.array(z.string().trim().min(1, says('schema.entryEmpty')).max(100, says('schema.entryTooLong'))).max(20, says('schema.tooManyEntries'));

/** A language tag such as "en" or "pt-BR". */
export const languageSchema = z.string().trim().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, says('schema.language'));

/** What a person tells the programme about themself; directory facts come from Entra ID, never from here. */
export const profileSchema = z.object({
  learningGoals: shortList.default([]),
  offers: shortList.default([]),
  meetingPreference: z.enum(['in-person', 'online', 'either']).default('either'),
  languages: z.array(languageSchema).max(10).default([]),
  capacity: z.number().int().min(1).max(5, says('schema.capacity')).default(1),
});
export type ProfileInput = z.infer<typeof profileSchema>;

/** A participant's profile as stored: the answers without the capacity, which has its own column. */
export const storedProfileSchema = profileSchema.omit({ capacity: true });
export type StoredProfile = z.infer<typeof storedProfileSchema>;
export const defaultProfile: StoredProfile = storedProfileSchema.parse({});

export const enrolSchema = profileSchema.extend({ role: roleSchema }).strict();

export const inviteSchema = profileSchema.extend({ role: roleSchema, userId: z.string().trim().min(1).max(64) }).strict();

export const participantParams = z.object({ id: idSchema, participantId: idSchema });

export const importModeSchema = z.object({
  mode: z.enum(['all-or-nothing', 'valid-rows']).default('all-or-nothing'),
});
