import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { seedDemo } from '../../dev/seedDemo';
import { resolveLocale } from '../../shared/i18n/locales';
import { createTranslator } from '../../shared/i18n/translator';
import { startTestService, type TestService } from '../harness/testService';
import { apiStrings, catalogueAt, readable, truncated, withoutData, wordsOf } from './support/languageChecks';
import { launchChromium, newPersonContext, screenshot, signIn } from './support/tabBrowser';

/*
 * The Outlook add-in's task pane in the person's language, in a real Chromium as a plain browser:
 * without Office the pane speaks the browser's languages (Outlook's display language goes first
 * inside Outlook; addinHost.test.ts checks that through office-addin-mock). Opened, booked and
 * cancelled, the pane has no English left in French or German, and in the pseudo-locale no plain
 * ASCII word and nothing cut off or overflowing. What the API sent (people's names, venues, the
 * service's own explanations) is set aside first: only the pane's words are judged.
 */

jest.setTimeout(240_000);

const leader = DEMO_PERSONAS.seniorLeader;

const catalogue = (language: string) => catalogueAt(path.resolve(__dirname, `../../outlook-addin/locales/${language}.json`));
const english = wordsOf(catalogue('en'));

let service: TestService;
let browser: Browser;

beforeAll(async () => {
  service = await startTestService();
  await seedDemo(service.deps, service.standIn.org, new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** The pane's own words in a locale, to find its regions and buttons by the names it gives them. */
function wordsIn(locale: string) {
  const { language } = resolveLocale([locale]);
  return createTranslator({ language, locale, catalogue: catalogue(language === 'qps-ploc' ? 'en' : language) }).t;
}

/** The message bar the pane shows after a change, by its title. */
const bar = (page: Page, title: string): Locator => page.locator('.fui-MessageBar').filter({ hasText: title });

/**
 * Opens the pane in a task pane's width in `locale`, then books the first suggestion and cancels
 * it (so each step's words show: suggestions, the booked confirmation and the listed session, the
 * confirmation to cancel, the cancellation), handing what the pane shows to `check` at each step.
 */
async function walkThrough(locale: string, check: (step: string, page: Page, data: Set<string>) => Promise<void>): Promise<void> {
  const t = wordsIn(locale);
  const context = await newPersonContext(browser, { width: 420, locale, timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const data = apiStrings(page);
  await signIn(page, `${service.url}/addin/taskpane.html`, `${leader.givenName} ${leader.surname}`);
  await page.getByRole('heading', { name: t('pane.heading'), level: 1 }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe(locale);
  expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
  // The window's title (Outlook shows it for the pane) is worded too.
  expect(await page.title()).toBe(t('pane.title'));
  const suggestions = page.getByRole('region', { name: t('suggestions.label'), exact: true });
  await suggestions.waitFor({ timeout: 60_000 });
  await check('opened', page, data);

  await suggestions.getByRole('button', { name: t('suggestion.book') }).first().click();
  await bar(page, t('outcome.booked')).waitFor({ timeout: 30_000 });
  const upcoming = page.getByRole('region', { name: t('upcoming.heading') });
  await upcoming.getByRole('listitem').first().waitFor();
  await suggestions.waitFor({ timeout: 60_000 });
  await check('booked', page, data);

  await upcoming.getByRole('button', { name: t('upcoming.cancel') }).click();
  const confirm = upcoming.getByRole('group', { name: t('upcoming.confirmLabel') });
  await confirm.waitFor();
  await check('confirming the cancellation', page, data);
  await confirm.getByRole('button', { name: t('upcoming.yesCancel') }).click();
  await bar(page, t('outcome.cancelled')).waitFor({ timeout: 30_000 });
  await upcoming.getByText(t('upcoming.none')).waitFor();
  await check('cancelled', page, data);
  await screenshot(page, `addin-language-${locale}`);
  await context.close();
}

describe.each(['fr-FR', 'de-DE'])('the task pane in %s', (locale) => {
  const own = wordsOf(catalogue(locale.slice(0, 2)));
  const englishOnly = new Set([...english].filter((w) => !own.has(w)));

  test('shows no English left, opened, after booking and after cancelling, with dates in the locale', async () => {
    const leftovers = new Map<string, string[]>();
    let weekdays = '';
    await walkThrough(locale, async (step, page, data) => {
      const text = withoutData(await readable(page.locator('html')), data);
      if (step === 'opened') weekdays = text;
      const words = [...new Set((text.match(/\p{L}{4,}/gu) ?? []).filter((w) => englishOnly.has(w.toLowerCase())))];
      if (words.length) leftovers.set(step, words);
    });
    expect(Object.fromEntries(leftovers)).toEqual({});
    // Suggestions name their day in the person's language (Intl in the locale, not the browser default).
    const days = [0, 1, 2, 3, 4, 5, 6].map((d) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 4 + d)));
    expect(days.some((d) => weekdays.includes(d))).toBe(true);
  });
});

/**
 * Outlook's side of the sign-in window, standing in for Office.js from Microsoft's CDN: ready in
 * Outlook, its display language, and messageParent keeping what the page answers.
 */
const officeInOutlook = (displayLanguage: string) => `window.Office = {
  HostType: { Outlook: 'Outlook' },
  onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
  context: { displayLanguage: ${JSON.stringify(displayLanguage)}, ui: { messageParent: (message) => { window.answered = message; } } },
};`;

describe.each(['de-DE', 'fr-FR'])('the sign-in window in Outlook’s display language %s', (displayLanguage) => {
  test('titles itself and says it is signing in in that language, though the browser speaks English', async () => {
    const t = wordsIn(displayLanguage);
    const context = await newPersonContext(browser, { width: 500, locale: 'en-US' });
    const page = await context.newPage();
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: officeInOutlook(displayLanguage) }));
    // The sign-in itself (MSAL sending the window to Entra ID) answers No Content, so the window stays as the person first sees it.
    await page.route(/\/oauth2\/v2\.0\/authorize/, (route) => route.fulfill({ status: 204 }));
    await page.goto(`${service.url}/addin/auth-dialog.html`);
    await page.getByRole('status').filter({ hasText: t('signIn.signingIn') }).waitFor();
    // The document's own title: while MSAL's navigation is pending, Chromium's tab title is the address it loads.
    expect(await page.evaluate(() => document.title)).toBe(t('signIn.windowTitle'));
    expect(await page.locator('html').getAttribute('lang')).toBe(displayLanguage);
    expect((await page.locator('body').innerText()).trim()).toBe(t('signIn.signingIn'));
    await context.close();
  });
});

describe('the task pane in the pseudo-locale (qps-ploc)', () => {
  test('every word came from a catalogue, and nothing is cut off or overflows the task pane', async () => {
    const plain = new Map<string, string[]>();
    const cut = new Map<string, string[]>();
    await walkThrough('qps-ploc', async (step, page, data) => {
      const words = [...new Set((withoutData(await readable(page.locator('html')), data)).match(/\b[A-Za-z]{2,}\b/g) ?? [])];
      if (words.length) plain.set(step, words);
      const truncations = await truncated(page.locator('html'));
      if (truncations.length) cut.set(step, truncations);
    });
    expect(Object.fromEntries(plain)).toEqual({});
    expect(Object.fromEntries(cut)).toEqual({});
  });
});
