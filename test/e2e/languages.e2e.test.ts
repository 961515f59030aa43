import path from 'node:path';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { Browser, FrameLocator } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aSession } from '../harness/factories';
import { graphGatewayFor } from '../harness/m365';
import { startTestService, type TestService } from '../harness/testService';
import { depthIn, launchChromium, nameOf, openTabAs, recordPersonas, screenshot, tabAddress } from './support/tabBrowser';
import { apiStrings, catalogueAt, readable, truncated, withoutData, wordsOf } from './support/languageChecks';
import { openInTeamsHost } from './support/teamsHost';

/*
 * The tab in the language Teams gives it (context.app.locale, set on the Teams host stand-in):
 * every page a person or an admin opens, read as a whole, has no English left in French or German,
 * and in the pseudo-locale (accented, 40 % longer) no plain ASCII word (text that skipped the
 * catalogues) and nothing cut off or overflowing. People's own data (names, programme names,
 * agenda items) comes from the API and is set aside first: only Upward's own words are judged.
 * The data gives every screen something to say: a shadowing offer, a concern, a pair's history,
 * a matching run with proposals, a pin and a block.
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
  await withScreenData(programme.body.id, pair.id);
  browser = await launchChromium();
});

/** What the newer screens show only with data: a shadowing offer, a concern, a pair's history, a matching run with proposals, a pin and a block. */
async function withScreenData(programmeId: string, pairId: string): Promise<void> {
  const tenantId = service.standIn.tenantId;
  const call = async (method: string, url: string, as: string, body?: unknown) => {
    const response = await service.api(method, `/api${url}`, { as, body });
    if (response.status >= 300) throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCHours(14, 0, 0, 0);
  const meeting = await graphGatewayFor(service.standIn)
    .forApp(tenantId)
    .send<Event>('POST', `/users/${mentee.id}/events`, {
      subject: 'Product leadership sync',
      start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + 3_600_000).toISOString().slice(0, 19), timeZone: 'UTC' },
      attendees: service.standIn.org.people.slice(30, 32).map(({ user }) => ({ type: 'required', emailAddress: { address: user.mail, name: user.displayName } })),
    });
  await call('POST', `/pairs/${pairId}/shadowing/offers`, mentee.id, { eventId: meeting.id, note: 'Jun joins to learn.' });
  await call('POST', '/concerns', mentor.id, { pairId, text: 'We have cancelled three sessions in a row.' });
  await call('POST', `/admin/pairs/${pairId}/pause`, admin.id, {});
  await call('POST', `/admin/pairs/${pairId}/resume`, admin.id, {});
  await call('PATCH', `/programmes/${programmeId}`, admin.id, { status: 'open' });
  const personas = new Set<string>(Object.values(DEMO_PERSONAS).map((p) => p.id));
  const others = service.standIn.org.people.filter((p) => !personas.has(p.user.id!) && p.managerId && p.user.department && p.user.givenName);
  const depth = depthIn(service.standIn.org.people);
  const [engineer, third] = others.filter((p) => p.user.department === 'Engineering').sort((a, b) => depth(a) - depth(b));
  const financier = others.filter((p) => p.user.department === 'Finance').sort((a, b) => depth(b) - depth(a))[0]!;
  for (const [person, role] of [[engineer!, 'mentee'], [financier, 'mentor'], [third!, 'mentee']] as const) {
    await call('POST', `/programmes/${programmeId}/participants`, admin.id, { userId: person.user.id, role, languages: ['en'] });
  }
  await call('PUT', `/programmes/${programmeId}/matching/constraints`, admin.id, { mentorUserId: financier.user.id, menteeUserId: engineer!.user.id, kind: 'pin' });
  await call('PUT', `/programmes/${programmeId}/matching/constraints`, admin.id, { mentorUserId: financier.user.id, menteeUserId: third!.user.id, kind: 'block' });
  const run = (await call('POST', `/programmes/${programmeId}/matching/runs`, admin.id)) as { proposals: unknown[] };
  expect(run.proposals.length).toBeGreaterThan(0);
}

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

/**
 * What to open on an admin tab, by its value, before reading it again: the
 * programme editor, a pair's history and then its end dialog. Each step is judged as it leaves the page.
 */
const adminSteps: Record<string, ((tab: FrameLocator) => Promise<void>)[]> = {
  programmes: [(tab) => tab.getByRole('table').getByRole('button').first().click()],
  pairs: [
    (tab) => tab.locator('li[aria-label]').first().getByRole('button', { expanded: false }).first().click(),
    async (tab) => {
      // An active pair's last action is ending it, whose dialog asks for a reason.
      await tab.locator('li[aria-label]').first().getByRole('button').last().click();
      await tab.getByRole('alertdialog').waitFor();
    },
  ],
};

/** Opens each page in the host's locale and hands what it shows to `check`, page by page (each admin tab and what it opens too). */
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
        for (const [step, open] of (adminSteps[(await tabs.nth(i).getAttribute('value')) ?? ''] ?? []).entries()) {
          await open(tab);
          await page.waitForTimeout(600);
          await check(`${where} tab ${i + 1} step ${step + 1}`, tab, data);
        }
        await page.keyboard.press('Escape');
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

