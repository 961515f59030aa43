/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import english from '../../locales/en.json';
import german from '../../locales/de.json';
import { resolveLocale } from '../../../shared/i18n/locales';
import { installCatalogue } from '../i18n';
import { connectOutlook } from './addinHost';
import { dialogPath } from './dialogTokens';
import type { SignInDeps } from './officeSignIn';
import { paneThemeOf } from './officeTheme';
import { requiredSets } from './requirements';

type ThemeHandler = (event: { officeTheme: { bodyBackgroundColor: string } }) => void;
type DialogHandler = (arg: Record<string, unknown>) => void;

const origin = 'https://upward.contoso.com';
const config = { authority: 'https://login.microsoftonline.com/organizations', clientId: '6f1c3c1e-0000-4000-8000-000000000001', scope: '6f1c3c1e-0000-4000-8000-000000000001/access_as_user' };
/** An access token as Entra ID shapes one: only its `exp` is read by the pane. */
const jwt = (exp: number) => `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.sig`;

/** The pane's language as main.tsx loads it, without a page to mark: Outlook's display language (German or English here). */
const speak = async (displayLanguage: string | undefined) => {
  const { language, locale } = resolveLocale([displayLanguage]);
  installCatalogue(language, locale, language === 'de' ? german : english);
};

/** MSAL nested app authentication stands behind this seam (the Teams tab's `nestedAppAuthTokens`); the test sees whether it is chosen. */
function signInDeps() {
  const used: unknown[] = [];
  const deps: SignInDeps = {
    nestedAppAuth: async (c) => {
      used.push(c);
      return async () => 'naa-token';
    },
    config: async () => config,
    origin,
  };
  return { deps, used };
}

/**
 * Office.js as office-addin-mock plays it inside Outlook: `supported` is the highest Mailbox
 * requirement set this Outlook has; the theme API exists only from 1.14, as in Outlook.
 */
function outlook(options: { host?: string; supported: string; background?: string; compose?: boolean; naa?: boolean; displayLanguage?: string }) {
  const handlers: ThemeHandler[] = [];
  /** Each dialog Outlook opened: its address, whether it was closed, and its handlers by event. */
  const dialogs: { url: string; closed: boolean; on: Record<string, DialogHandler> }[] = [];
  const atLeast = (version: string) => Number(options.supported.split('.')[1]) >= Number(version.split('.')[1]);
  const modern = atLeast('1.14');
  const mock = new OfficeMockObject({
    // office-addin-mock plays Outlook (values as they are, no load/sync) when the data names the host.
    host: 'outlook',
    HostType: { Outlook: 'Outlook', Word: 'Word' },
    EventType: { OfficeThemeChanged: 'officeThemeChanged', DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    onReady: async () => ({ host: options.host ?? 'Outlook', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: options.displayLanguage ?? 'en-US',
      requirements: {
        isSetSupported: (name: string, version: string) => (name === 'Mailbox' && atLeast(version)) || (name === 'NestedAppAuth' && version === '1.1' && options.naa === true),
      },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (r: { status: string; value: unknown }) => void) => {
          const dialog = { url, closed: false, on: {} as Record<string, DialogHandler> };
          dialogs.push(dialog);
          const value = {
            addEventHandler: (type: string, handler: DialogHandler) => {
              dialog.on[type] = handler;
            },
            close: () => {
              dialog.closed = true;
            },
          };
          callback({ status: 'succeeded', value });
        },
      },
      ...(modern ? { officeTheme: { bodyBackgroundColor: options.background ?? '#ffffff' } } : {}),
      mailbox: {
        item: options.compose === false ? { subject: 'A received meeting' } : { start: { setAsync: () => undefined } },
        addHandlerAsync: (type: string, handler: ThemeHandler) => {
          if (type === 'officeThemeChanged' && modern) handlers.push(handler);
        },
      },
    },
  });
  return { office: mock as unknown as Parameters<typeof connectOutlook>[0], handlers, dialogs };
}

describe('connecting to Outlook through Office.js', () => {
  it('is not Outlook when Office.js runs in another host or in a plain browser', async () => {
    expect(await connectOutlook(outlook({ host: 'Word', supported: '1.14' }).office, signInDeps().deps, speak)).toBeNull();
  });

  it('on an Outlook with every requirement set: the appointment to fill, Outlook’s dark theme, and its changes followed', async () => {
    const { office, handlers } = outlook({ supported: '1.14', background: '#1f1f1f' });
    const host = (await connectOutlook(office, signInDeps().deps, speak))!;
    expect(host).toMatchObject({ kind: 'outlook', tooOld: null, theme: 'dark' });
    expect(host.appointment).not.toBeNull();
    const seen: string[] = [];
    host.onThemeChange((t) => seen.push(t));
    handlers.forEach((h) => h({ officeTheme: { bodyBackgroundColor: '#fafafa' } }));
    expect(seen).toEqual(['light']);
  });

  it(`on an Outlook with Mailbox ${requiredSets.mailbox} but not 1.14: the pane runs, light, without following a theme it cannot read`, async () => {
    const { office, handlers } = outlook({ supported: requiredSets.mailbox });
    const host = (await connectOutlook(office, signInDeps().deps, speak))!;
    expect(host).toMatchObject({ tooOld: null, theme: 'light' });
    host.onThemeChange(() => undefined);
    expect(handlers).toHaveLength(0);
  });

  it(`on an Outlook older than Mailbox ${requiredSets.mailbox}: no pane, a clear message saying what is needed`, async () => {
    const host = (await connectOutlook(outlook({ supported: '1.7' }).office, signInDeps().deps, speak))!;
    expect(host.tooOld).toMatch(/too old for Upward: it needs Outlook with mailbox requirement set 1\.8 or later/);
    expect(host.appointment).toBeNull();
  });

  it('speaks Outlook’s display language before it words anything', async () => {
    const host = (await connectOutlook(outlook({ supported: '1.7', displayLanguage: 'de-DE' }).office, signInDeps().deps, speak))!;
    expect(host.tooOld).toMatch(/^Diese Outlook-Version ist zu alt für Upward: .*Mailbox 1\.8 oder höher/);
  });

  it('offers no appointment to fill when the open item is not one being organised', async () => {
    expect((await connectOutlook(outlook({ supported: '1.14', compose: false }).office, signInDeps().deps, speak))!.appointment).toBeNull();
  });
});

describe('signing in inside Outlook', () => {
  it('uses MSAL nested app authentication where Outlook supports NestedAppAuth 1.1, and opens no dialog', async () => {
    const { office, dialogs } = outlook({ supported: '1.14', naa: true });
    const { deps, used } = signInDeps();
    const host = (await connectOutlook(office, deps, speak))!;
    await expect(host.getToken()).resolves.toBe('naa-token');
    expect(used).toEqual([config]);
    expect(dialogs).toEqual([]);
  });

  it('falls back to the Office dialog running MSAL’s code flow with PKCE where NestedAppAuth is missing; the token comes back as a message, never in an address', async () => {
    const { office, dialogs } = outlook({ supported: '1.14', naa: false });
    const { deps, used } = signInDeps();
    const host = (await connectOutlook(office, deps, speak))!;
    const token = jwt(Math.floor(Date.now() / 1000) + 3600);
    const asked = host.getToken();
    expect(used).toEqual([]);
    expect(dialogs.map((d) => d.url)).toEqual([`${origin}${dialogPath}`]);
    dialogs[0]!.on.dialogMessageReceived!({ message: JSON.stringify({ kind: 'token', token }), origin });
    await expect(asked).resolves.toBe(token);
    expect(dialogs[0]!.closed).toBe(true);
    // Kept until shortly before it expires: the next call opens no dialog.
    await expect(host.getToken()).resolves.toBe(token);
    expect(dialogs).toHaveLength(1);
    expect(dialogs.every((d) => !d.url.includes(token))).toBe(true);
  });

  it('asks again in a dialog for a claims challenge, ignores a message from another origin, and says so when the person closes the dialog', async () => {
    const { office, dialogs } = outlook({ supported: '1.14' });
    const host = (await connectOutlook(office, signInDeps().deps, speak))!;
    const asked = host.getToken({ interactive: true, claims: '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}' });
    const url = new URL(dialogs[0]!.url);
    expect(url.searchParams.get('interactive')).toBe('1');
    expect(url.searchParams.get('claims')).toContain('acrs');
    dialogs[0]!.on.dialogMessageReceived!({ message: JSON.stringify({ kind: 'token', token: 'forged' }), origin: 'https://evil.example' });
    expect(dialogs[0]!.closed).toBe(false);
    dialogs[0]!.on.dialogEventReceived!({ error: 12006 });
    await expect(asked).rejects.toThrow('The sign-in window was closed before you signed in.');
  });

  it('passes on the sign-in page’s own failure', async () => {
    const { office, dialogs } = outlook({ supported: '1.14' });
    const host = (await connectOutlook(office, signInDeps().deps, speak))!;
    const asked = host.getToken();
    dialogs[0]!.on.dialogMessageReceived!({ message: JSON.stringify({ kind: 'error', message: 'AADSTS50020' }), origin });
    await expect(asked).rejects.toThrow('AADSTS50020');
  });

  it('does not sign in on an Outlook too old for the pane', async () => {
    const { office, dialogs } = outlook({ supported: '1.7' });
    const host = (await connectOutlook(office, signInDeps().deps, speak))!;
    await expect(host.getToken()).rejects.toThrow(/too old/);
    expect(dialogs).toEqual([]);
  });
});

describe('the pane’s theme from Outlook’s', () => {
  it('is dark on a dark body background and light on a light one, and the device’s preference without a theme', () => {
    expect(paneThemeOf({ bodyBackgroundColor: '#262626' }, false)).toBe('dark');
    expect(paneThemeOf({ bodyBackgroundColor: '#FFFFFF' }, true)).toBe('light');
    expect(paneThemeOf(undefined, true)).toBe('dark');
    expect(paneThemeOf({ bodyBackgroundColor: 'not a colour' }, false)).toBe('light');
  });
});
