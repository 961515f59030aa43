/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import { connectOutlook } from './addinHost';
import { paneThemeOf } from './officeTheme';
import { requiredSets } from './requirements';

type ThemeHandler = (event: { officeTheme: { bodyBackgroundColor: string } }) => void;

/**
 * Office.js as office-addin-mock plays it inside Outlook: `supported` is the highest Mailbox
 * requirement set this Outlook has; the theme API exists only from 1.14, as in Outlook.
 */
function outlook(options: { host?: string; supported: string; background?: string; compose?: boolean }) {
  const handlers: ThemeHandler[] = [];
  const atLeast = (version: string) => Number(options.supported.split('.')[1]) >= Number(version.split('.')[1]);
  const modern = atLeast('1.14');
  const mock = new OfficeMockObject({
    // office-addin-mock plays Outlook (values as they are, no load/sync) when the data names the host.
    host: 'outlook',
    HostType: { Outlook: 'Outlook', Word: 'Word' },
    EventType: { OfficeThemeChanged: 'officeThemeChanged' },
    onReady: async () => ({ host: options.host ?? 'Outlook', platform: 'OfficeOnline' }),
    auth: { getAccessToken: async () => 'office-sso-token' },
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === 'Mailbox' && atLeast(version) },
      ...(modern ? { officeTheme: { bodyBackgroundColor: options.background ?? '#ffffff' } } : {}),
      mailbox: {
        item: options.compose === false ? { subject: 'A received meeting' } : { start: { setAsync: () => undefined } },
        addHandlerAsync: (type: string, handler: ThemeHandler) => {
          if (type === 'officeThemeChanged' && modern) handlers.push(handler);
        },
      },
    },
  });
  return { office: mock as unknown as Parameters<typeof connectOutlook>[0], handlers };
}

describe('connecting to Outlook through Office.js', () => {
  it('is not Outlook when Office.js runs in another host or in a plain browser', async () => {
    expect(await connectOutlook(outlook({ host: 'Word', supported: '1.14' }).office)).toBeNull();
  });

  it('on an Outlook with every requirement set: the appointment to fill, Outlook’s dark theme, and its changes followed', async () => {
    const { office, handlers } = outlook({ supported: '1.14', background: '#1f1f1f' });
    const host = (await connectOutlook(office))!;
    expect(host).toMatchObject({ kind: 'outlook', tooOld: null, theme: 'dark' });
    expect(host.appointment).not.toBeNull();
    const seen: string[] = [];
    host.onThemeChange((t) => seen.push(t));
    handlers.forEach((h) => h({ officeTheme: { bodyBackgroundColor: '#fafafa' } }));
    expect(seen).toEqual(['light']);
  });

  it(`on an Outlook with Mailbox ${requiredSets.mailbox} but not 1.14: the pane runs, light, without following a theme it cannot read`, async () => {
    const { office, handlers } = outlook({ supported: requiredSets.mailbox });
    const host = (await connectOutlook(office))!;
    expect(host).toMatchObject({ tooOld: null, theme: 'light' });
    host.onThemeChange(() => undefined);
    expect(handlers).toHaveLength(0);
  });

  it(`on an Outlook older than Mailbox ${requiredSets.mailbox}: no pane, a clear message saying what is needed`, async () => {
    const host = (await connectOutlook(outlook({ supported: '1.7' }).office))!;
    expect(host.tooOld).toMatch(/too old for Upward: it needs Outlook with mailbox requirement set 1\.8 or later/);
    expect(host.appointment).toBeNull();
  });

  it('offers no appointment to fill when the open item is not one being organised', async () => {
    expect((await connectOutlook(outlook({ supported: '1.14', compose: false }).office))!.appointment).toBeNull();
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
