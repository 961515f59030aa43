import { z } from 'zod';

/**
 * How one Teams host stand-in session presents itself: who is signed in, which client and
 * surface, and which failures to act out. Parsed from what a test or `npm start` asks for.
 */
export const hostOptionsSchema = z.object({
  /** Object id or UPN of the signed-in person. */
  userId: z.string().min(1),
  /** The tab's content URL, as the app manifest gives it (the host frames or opens it). */
  contentUrl: z.url(),
  /** The manifest's entity id of the tab, and the sub-entity a deep link carried. */
  entityId: z.string().min(1).default('workspace'),
  subEntityId: z.string().optional(),
  /** `settings`: the configuration page Teams shows when a person adds the configurable tab to a chat or meeting. */
  frameContext: z.enum(['content', 'settings', 'sidePanel', 'meetingStage']).default('content'),
  /** Inside a meeting (side panel, stage): the meeting's id and its chat's thread id, as Teams puts them in the context. */
  meetingId: z.string().min(1).optional(),
  chatId: z.string().min(1).optional(),
  hostClientType: z.enum(['web', 'desktop', 'android', 'ios']).default('web'),
  theme: z.enum(['default', 'dark', 'contrast']).default('default'),
  locale: z.string().min(2).default('en-GB'),
  /** The manifest's validDomains (host names, `*.` for any subdomain): Teams saves a tab only with a contentUrl there. By default the content URL's host. */
  validDomains: z.array(z.string().min(1)).min(1).optional(),
  /** The app's id in the Teams catalogue (context.app.appId). */
  appId: z.string().optional(),
  /** runtimeConfig.isNAAChannelRecommended and supports.nestedAppAuth: new Teams says both. */
  nestedAppAuth: z.boolean().default(true),
  /** The person has not consented to Upward yet: silent requests fail until they accept the host's prompt. */
  consentRequired: z.boolean().default(false),
  /** Conditional Access asks for MFA: silent requests fail until an interactive one completes it. */
  mfaRequired: z.boolean().default(false),
  /** Milliseconds the host waits before answering initialize; null: it never answers. */
  initializeDelayMs: z.number().int().min(0).max(120_000).nullable().default(0),
})
  .refine((o) => o.frameContext === 'content' || o.frameContext === 'settings' || (o.meetingId !== undefined && o.chatId !== undefined), {
    // Teams opens the side panel and the stage only inside a meeting, whose context always names the meeting and its chat.
    message: 'A meeting frame context (sidePanel, meetingStage) needs the meetingId and chatId of the meeting it opens in.',
  })
  .refine((o) => o.frameContext !== 'settings' || o.chatId !== undefined, {
    // Upward's configurable tab has the groupChat scope only: its configuration page opens while adding it to a chat or meeting.
    message: 'The settings frame context needs the chatId of the chat or meeting the tab is being added to.',
  });

export type HostOptionsInput = z.input<typeof hostOptionsSchema>;
export type HostOptions = z.output<typeof hostOptionsSchema>;

export const isMobileClient = (options: Pick<HostOptions, 'hostClientType'>): boolean => options.hostClientType === 'android' || options.hostClientType === 'ios';
