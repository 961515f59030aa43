/// <reference types="office-js" />
import { connectBrowser } from '../../../tabs/src/host/browserHost';
import type { TokenRequest } from '../../../tabs/src/host/host';
import { fetchPublishedAuthConfig } from '../../../tabs/src/host/publishedAuthConfig';
import { nestedAppAuthTokens } from '../../../tabs/src/host/teamsTokens';
import { type PaneTheme, paneThemeOf } from './officeTheme';
import { officeTokens, type SignInDeps } from './officeSignIn';
import { optionalSets, tooOldMessage } from './requirements';

/** Where the task pane runs: inside Outlook (Office.js, the open appointment) or a plain browser (local development). */
export interface AddinHost {
  kind: 'outlook' | 'browser';
  getToken(request?: TokenRequest): Promise<string>;
  /** The appointment being organised, when there is one to fill. */
  appointment: Office.AppointmentCompose | null;
  theme: PaneTheme;
  onThemeChange(handler: (theme: PaneTheme) => void): void;
  /** Set when this Outlook lacks a requirement set the pane needs: what to tell the person instead of the pane. */
  tooOld: string | null;
}

type OfficeApi = Pick<typeof Office, 'onReady' | 'context' | 'HostType' | 'EventType'>;

/** Loads the pane's language for Outlook's display language (`fr-FR`; the browser's languages after it); runs before any text is worded. */
export type UseLanguage = (displayLanguage: string | undefined) => Promise<void>;

const prefersDark = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;

/**
 * Connects to Outlook through Office.js (loaded from Microsoft's CDN in the page's head): null
 * when the page is not in Outlook. Speaks Outlook's display language, checks the requirement sets,
 * signs in as Outlook supports (officeSignIn.ts), then follows Outlook's theme.
 */
export async function connectOutlook(office: OfficeApi, signIn: SignInDeps, useLanguage: UseLanguage): Promise<AddinHost | null> {
  const info = await office.onReady();
  if (info.host !== office.HostType.Outlook) return null;
  const { context } = office;
  await useLanguage(context.displayLanguage);
  const tooOld = tooOldMessage(context.requirements);
  const item = context.mailbox?.item as Office.AppointmentCompose | undefined;
  const isCompose = item !== undefined && typeof (item as Partial<Office.AppointmentCompose>).start?.setAsync === 'function';
  const themed = !tooOld && context.requirements.isSetSupported(optionalSets.sensitivityAndTheme.name, optionalSets.sensitivityAndTheme.version);
  const getToken = tooOld ? () => Promise.reject(new Error(tooOld)) : (await officeTokens(office, signIn)).getToken;
  return {
    kind: 'outlook',
    getToken,
    appointment: isCompose && !tooOld ? item : null,
    theme: paneThemeOf(themed ? context.officeTheme : undefined, prefersDark()),
    onThemeChange(handler) {
      if (!themed) return;
      context.mailbox.addHandlerAsync(office.EventType.OfficeThemeChanged, (event: Office.OfficeThemeChangedEventArgs) => handler(paneThemeOf(event.officeTheme, prefersDark())));
    },
    tooOld,
  };
}

/** Outlook when Office.js loaded and says so; otherwise a plain browser signing in through the tab's browser sign-in. */
export async function connectAddinHost(useLanguage: UseLanguage): Promise<AddinHost> {
  // Office.js in the head defines `Office` wherever it loads; outside Outlook onReady reports no host.
  const office = (globalThis as { Office?: OfficeApi }).Office;
  if (office) {
    const signIn: SignInDeps = { nestedAppAuth: nestedAppAuthTokens, config: fetchPublishedAuthConfig, origin: window.location.origin };
    // A failure inside Outlook (sign-in settings unreadable) is shown as such, never a browser sign-in inside Outlook.
    const outlook = await connectOutlook(office, signIn, useLanguage);
    if (outlook) return outlook;
  }
  const browser = await connectBrowser();
  return {
    kind: 'browser',
    getToken: (request) => browser.getToken(request),
    appointment: null,
    theme: browser.theme === 'dark' ? 'dark' : 'light',
    onThemeChange: (handler) => browser.onThemeChange((t) => handler(t === 'dark' ? 'dark' : 'light')),
    tooOld: null,
  };
}
