import { z } from 'zod';
import { text } from './common';

/** A pair's story of what changed: a first draft names no version; an edit names the one it changes. */
export const storyDraftSchema = z.object({ text: text(5000), version: z.number().int().min(0).optional() }).strict();
export type StoryDraftInput = z.infer<typeof storyDraftSchema>;

/** Consent is given (or taken back, before publication) to one version of the text. */
export const storyConsentSchema = z.object({ version: z.number().int().min(0), consent: z.boolean() }).strict();
export type StoryConsentInput = z.infer<typeof storyConsentSchema>;

/** The Teams channel a programme posts its published stories to. */
export const storyChannelSchema = z
  .object({ teamId: z.string().trim().min(1).max(200), channelId: z.string().trim().min(1).max(200), displayName: z.string().trim().max(200).default('') })
  .strict();
export type StoryChannel = z.infer<typeof storyChannelSchema>;
