import path from 'node:path';
import type { Browser, FrameLocator } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aSession } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { launchChromium, nameOf, openTabAs, recordPersonas, screenshot, tabAddress } from './support/tabBrowser';
import { apiStrings, catalogueAt, readable, truncated, withoutData, wordsOf } from './support/languageChecks';
import { openInTeamsHost } from './support/teamsHost';

/*
 * The tab in the language Teams gives it (context.app.locale, set on the Teams host stand-in):
 * every page a person or an admin opens, read as a whole, has no English left in French or German,
 * and in the pseudo-locale (accented, 40 % longer) no plain ASCII word (text that skipped the
 * catalogues) and nothing cut off or overflowing. People's own data (names, programme names,
 * agenda items) comes from the API and is set aside first: only Upward's own words are judged.
 */

jest.setTimeout(240_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;

const catalogue = (language: string) => catalogueAt(path.resolve(__dirname, `../../tabs/locales/${language}.json`));
const english = wordsOf(catalogue('en'));

let service: TestService;
let browser: Browser;
/** Three days ahead, at 09:30 UTC. */
const nextSessionAt = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 2 * 86_400_000 + 9.5 * 3_600_000);

beforeAll(async () => {
  service = await startTestService();
  const { db } = service.database;
  const tenantId = service.standIn.tenantId;
  await recordPersonas(service, [mentee, mentor, admin].map((p) => ({ id: p.id, givenName: p.givenName, surname: p.surname })));
  const programme = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Upward 2026', startsOn: '2026-01-05' } });
  expect(programme.status).toBe(201);
  const pair = await aPair(db, tenantId, { status: 'active', programmeId: programme.body.id, mentorUserId: mentor.id, menteeUserId: mentee.id });
  await aSession(db, tenantId, { pairId: pair.id, startsAt: nextSessionAt });
  for (const body of [{ userId: mentee.id, role: 'mentee' }, { userId: mentor.id, role: 'mentor' }]) {
    await service.api('POST', `/api/programmes/${programme.body.id}/participants`, { as: admin.id, body: { ...body, languages: ['en'] } });
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

type Visit = { as: { id: string; givenName: string; surname: string }; hash: string; adminTabs?: boolean };
const visits: Visit[] = [
  { as: mentee, hash: 'workspace' },
  { as: mentor, hash: 'workspace' },
  { as: mentee, hash: 'guides' },
  { as: admin, hash: 'admin', adminTabs: true },
];

/** Opens each page in the host's locale and hands what it shows to `check`, page by page (each admin tab too). */
async function visitAll(locale: string, check: (where: string, tab: FrameLocator, data: Set<string>) => Promise<void>): Promise<void> {
  for (const visit of visits) {
    const { page, tab } = await openInTeamsHost(browser, service, { id: visit.as.id, givenName: visit.as.givenName, surname: visit.as.surname }, { locale, hash: visit.hash });
    const data = apiStrings(page);
    await tab.locator('main, [role="main"], h1').first().waitFor();
    await tab.locator('[role="status"]:has-text("…")').waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await tab.locator('html').getAttribute('lang')).toBe(locale);
    expect(await tab.locator('html').getAttribute('dir')).toBe('ltr');
    const where = `${nameOf(visit.as)} #/${visit.hash}`;
    if (visit.adminTabs) {
      const tabs = tab.getByRole('tab');
      await tabs.first().waitFor();
      for (let i = 0; i < (await tabs.count()); i += 1) {
        await tabs.nth(i).click();
        await page.waitForTimeout(600);
        await check(`${where} tab ${i + 1}`, tab, data);
      }
    } else {
      await page.waitForTimeout(800);
      await check(where, tab, data);
    }
    await screenshot(page, `language-${locale}-${visit.hash}-${visit.as.givenName}`);
    await page.context().close();
  }
}

describe.each(['fr-FR', 'de-DE'])('the tab in %s', (locale) => {
  const own = wordsOf(catalogue(locale.slice(0, 2)));
  const englishOnly = new Set([...english].filter((w) => !own.has(w)));

  test('the workspace, guides and every admin page show no English left', async () => {
    const leftovers = new Map<string, string[]>();
    await visitAll(locale, async (where, tab, data) => {
      const words = withoutData(await readable(tab.locator('html')), data).match(/\p{L}{4,}/gu) ?? [];
      const english = [...new Set(words.filter((w) => englishOnly.has(w.toLowerCase())))];
      if (english.length) leftovers.set(where, english);
    });
    expect(Object.fromEntries(leftovers)).toEqual({});
  });
});

describe('the tab in the pseudo-locale (qps-ploc)', () => {
  test('every word on every page came from a catalogue, and nothing is cut off or overflows', async () => {
    const plain = new Map<string, string[]>();
    const cut = new Map<string, string[]>();
    await visitAll('qps-ploc', async (where, tab, data) => {
      const words = [...new Set(withoutData(await readable(tab.locator('html')), data).match(/\b[A-Za-z]{2,}\b/g) ?? [])];
      if (words.length) plain.set(where, words);
      const truncations = await truncated(tab.locator('html'));
      if (truncations.length) cut.set(where, truncations);
    });
    expect(Object.fromEntries(plain)).toEqual({});
    expect(Object.fromEntries(cut)).toEqual({});
  });
});

describe('the tab in a plain browser', () => {
  test('follows the browser’s languages down the fallback chain (fr-CA reads French) and shows times in its locale and time zone', async () => {
    const page = await openTabAs(browser, tabAddress(service), { id: mentee.id, givenName: mentee.givenName, surname: mentee.surname }, 'workspace', { locale: 'fr-CA', timezoneId: 'America/Montreal' });
    await page.getByRole('heading', { name: 'Mon mentorat', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr-CA');
    const expected = new Intl.DateTimeFormat('fr-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Montreal' }).format(nextSessionAt);
    await page.getByRole('region', { name: 'Prochaine séance', exact: true }).getByText(expected).waitFor();
    await page.context().close();
  });
});

