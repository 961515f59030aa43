import type { Browser, FrameLocator, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import type { DemoPerson } from '../../dev/demoOrg/types';
import { teamsHostAddress } from '../../dev/teamsHost/hostAddress';
import { aPair } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { axeViolations, depthIn, launchChromium, nameOf, recordPersonas, type Persona } from './support/tabBrowser';
import { openInTeamsHost, openInTeamsMobile } from './support/teamsHost';

/*
 * The Teams tab where people use it: inside the Teams host stand-in (dev/teamsHost), with the
 * real teams-js and MSAL (nested app authentication), against the real service and the
 * Microsoft 365 stand-in. The host page is served at https://teams.microsoft.com, the tab framed
 * from the service on 127.0.0.1, under the service's real CSP.
 */

jest.setTimeout(180_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;
const APP_ID = '0f3c2a55-6b1e-4c3a-9d7e-5a4b3c2d1e0f';

let service: TestService;
let browser: Browser;
let pairId: string;
/** The mentor's second pair, with another senior leader: what a deep link chooses between. */
let otherPairId: string;
let otherMentee: Persona;
let publishProgrammeId: string;

const personaOf = (p: DemoPerson): Persona => ({ id: p.user.id!, givenName: p.user.givenName!, surname: p.user.surname! });


beforeAll(async () => {
  service = await startTestService();
  const { db } = service.database;
  const tenantId = service.standIn.tenantId;
  const personas = new Set<string>(Object.values(DEMO_PERSONAS).map((p) => p.id));
  const others = service.standIn.org.people.filter((p) => !personas.has(p.user.id!) && p.managerId && p.user.department && p.user.givenName);
  const depth = depthIn(service.standIn.org.people);
  otherMentee = personaOf([...others].sort((a, b) => depth(a) - depth(b))[0]!);
  await recordPersonas(service, [mentee, mentor, admin, otherMentee]);

  const programme = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Reverse mentoring 2026', startsOn: '2026-01-05' } });
  expect(programme.status).toBe(201);
  pairId = (await aPair(db, tenantId, { status: 'accepted', programmeId: programme.body.id, mentorUserId: mentor.id, menteeUserId: mentee.id })).id;
  const second = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Leaders 2026', startsOn: '2026-02-02' } });
  otherPairId = (await aPair(db, tenantId, { status: 'accepted', programmeId: second.body.id, mentorUserId: mentor.id, menteeUserId: otherMentee.id })).id;

  // A programme whose matching run waits to be published (through the tab, in the last test).
  const toPublish = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Matching 2027', startsOn: '2027-01-04' } });
  publishProgrammeId = toPublish.body.id;
  expect((await service.api('PATCH', `/api/programmes/${publishProgrammeId}`, { as: admin.id, body: { status: 'open' } })).status).toBe(200);
  const shallow = others.filter((p) => p.user.department === 'Engineering').sort((a, b) => depth(a) - depth(b))[0]!;
  const deep = others.filter((p) => p.user.department === 'Finance').sort((a, b) => depth(b) - depth(a))[0]!;
  for (const [person, role] of [
    [shallow, 'mentee'],
    [deep, 'mentor'],
  ] as const) {
    expect((await service.api('POST', `/api/programmes/${publishProgrammeId}/participants`, { as: admin.id, body: { userId: person.user.id, role, languages: ['en'] } })).status).toBe(201);
  }
  const run = await service.api('POST', `/api/programmes/${publishProgrammeId}/matching/runs`, { as: admin.id });
  expect(run.status).toBe(201);
  expect(run.body.proposals.length).toBe(1);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const section = (tab: FrameLocator | Page, name: string) => tab.getByRole('region', { name, exact: true });
const partnerShown = (tab: FrameLocator | Page, person: Persona) => section(tab, 'Your partner').getByText(nameOf(person)).waitFor();

async function agendaTitles(as: string, pair = pairId): Promise<string[]> {
  const workspace = await service.api('GET', `/api/pairs/${pair}/workspace`, { as });
  expect(workspace.status).toBe(200);
  return (workspace.body.agenda as { text: string }[]).map((item) => item.text);
}

/** The page's own background, where no app content covers it (what shows as a frame around the app), beside the app's. */
async function backgrounds(tab: FrameLocator): Promise<{ page: string; app: string; bodyMargin: string }> {
  return tab.locator('html').evaluate(() => ({
    page: getComputedStyle(document.documentElement).backgroundColor,
    app: getComputedStyle(document.querySelector('header')!.parentElement!).backgroundColor,
    bodyMargin: getComputedStyle(document.body).margin,
  }));
}

const WHITE = 'rgb(255, 255, 255)';

describe('the tab inside Teams web and desktop (host stand-in)', () => {
  test('a mentee signs in by nested app authentication, sees the workspace and adds an agenda item that is stored', async () => {
    const { page, tab, calls } = await openInTeamsHost(browser, service, mentee, { hostClientType: 'web', nestedAppAuth: true });
    await partnerShown(tab, mentor);
    const agenda = section(tab, 'Agenda');
    await agenda.getByRole('textbox', { name: 'New agenda item' }).fill('What my team sees in our town halls');
    await agenda.getByRole('button', { name: 'Add to agenda' }).click();
    await agenda.getByRole('listitem').filter({ hasText: 'What my team sees in our town halls' }).waitFor();
    expect(await agendaTitles(mentee.id)).toContain('What my team sees in our town halls');

    const made = await calls();
    const naa = made.filter((c) => c.func === 'nestedAppAuth.execute').map((c) => c.detail?.method);
    expect(naa).toEqual(expect.arrayContaining(['GetInitContext', 'GetToken']));
    expect(made.map((c) => c.func)).not.toContain('authentication.getAuthToken');
    expect(made.map((c) => c.func)).toEqual(expect.arrayContaining(['initialize', 'getContext', 'appInitialization.success']));
    await page.context().close();
  });

  test('a mentor in Teams desktop signs in by getAuthToken where the host does not recommend NAA, and suggests an agenda item', async () => {
    const { page, tab, calls } = await openInTeamsHost(browser, service, mentor, { hostClientType: 'desktop', nestedAppAuth: false, subEntityId: pairId });
    await partnerShown(tab, mentee);
    const agenda = section(tab, 'Agenda');
    await agenda.getByRole('textbox', { name: 'Suggest an agenda item' }).fill('Reverse shadowing in a stand-up');
    await agenda.getByRole('button', { name: 'Suggest' }).click();
    await agenda.getByText('Your suggestion, waiting for your mentee').waitFor();
    expect(await agendaTitles(mentee.id)).toContain('Reverse shadowing in a stand-up');

    const funcs = (await calls()).map((c) => c.func);
    expect(funcs).toContain('authentication.getAuthToken');
    expect(funcs).not.toContain('nestedAppAuth.execute');
    await page.context().close();
  });

  test('a deep link opens the pair it names (the sub-entity), and planning a session links back into Teams', async () => {
    const other = await openInTeamsHost(browser, service, mentor, { subEntityId: otherPairId, appId: APP_ID });
    await partnerShown(other.tab, otherMentee);
    await other.page.context().close();

    const first = await openInTeamsHost(browser, service, mentor, { subEntityId: pairId, appId: APP_ID });
    await partnerShown(first.tab, mentee);
    await first.tab.getByRole('button', { name: 'Plan a session' }).click();
    await first.page.getByRole('list', { name: 'Opened by the tab' }).getByText(/^New meeting/).waitFor();
    const meeting = (await first.calls()).find((c) => c.func === 'calendar.composeMeeting')?.detail?.meeting as { content: string; attendees: string[] };
    expect(meeting.attendees).toEqual([mentee.id]);
    const context = encodeURIComponent(JSON.stringify({ subEntityId: pairId }));
    expect(meeting.content).toContain(`https://teams.microsoft.com/l/entity/${APP_ID}/workspace?context=${context}`);
    await first.page.context().close();
  });

  test('follows a live theme change to dark and to high contrast, with no light frame around the app', async () => {
    const { page, tab, calls } = await openInTeamsHost(browser, service, mentee, { theme: 'default' });
    await partnerShown(tab, mentor);
    expect((await backgrounds(tab)).bodyMargin).toBe('0px');
    await page.getByRole('button', { name: 'Dark' }).click();
    await tab.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    const dark = await backgrounds(tab);
    expect(dark.page).not.toBe(WHITE);
    expect(dark).toEqual({ page: dark.app, app: dark.app, bodyMargin: '0px' });
    await page.getByRole('button', { name: 'High contrast' }).click();
    await tab.locator('html[data-theme="contrast"]').waitFor({ state: 'attached' });
    const contrast = await backgrounds(tab);
    expect(contrast.page).toBe('rgb(0, 0, 0)');
    expect(contrast.app).toBe(contrast.page);
    expect((await calls()).filter((c) => c.func === 'host:themeChange').map((c) => c.detail?.args)).toEqual([['dark'], ['contrast']]);
    await page.context().close();
  });

  test('the workspace inside the host has no axe-core violations', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const { page } = await openInTeamsHost(browser, service, mentee, { context });
    const frame = page.frame({ url: /\/tab\/index\.html/ })!;
    await frame.getByRole('region', { name: 'Your partner', exact: true }).getByText(nameOf(mentor)).waitFor();
    const violations = await axeViolations(frame);
    expect(violations).toEqual([]);
    await context.close();
  });

  test('a slow host is waited for, and a host that never answers initialize gets a clear message', async () => {
    const slow = await openInTeamsHost(browser, service, mentee, { initializeDelayMs: 3000 });
    await slow.tab.getByRole('status').getByText('Loading…').waitFor();
    await partnerShown(slow.tab, mentor);
    await slow.page.context().close();

    const silent = await openInTeamsHost(browser, service, mentee, { initializeDelayMs: null });
    await silent.tab.getByRole('alert').getByText(/Teams did not answer when Upward started/).waitFor({ timeout: 20_000 });
    await silent.page.context().close();
  });

  test('a person who has not consented yet is asked by Teams, accepts, and gets in (NAA and getAuthToken)', async () => {
    for (const nestedAppAuth of [true, false]) {
      const { page, tab, calls } = await openInTeamsHost(browser, service, mentee, { nestedAppAuth, consentRequired: true });
      const prompt = page.getByRole('dialog', { name: 'Permissions requested' });
      await prompt.getByText(/Upward needs your permission/).waitFor();
      await prompt.getByRole('button', { name: 'Accept' }).click();
      await partnerShown(tab, mentor);
      const made = await calls();
      if (nestedAppAuth) expect(made.filter((c) => c.func === 'nestedAppAuth.execute').map((c) => c.detail?.method)).toEqual(expect.arrayContaining(['GetToken', 'GetTokenPopup']));
      else expect(made.filter((c) => c.func === 'authentication.getAuthToken').map((c) => c.detail?.silent)).toEqual(expect.arrayContaining([true, false]));
      await page.context().close();
    }
  });

  test('an admin publishes pairs after confirming in a dialog, not a browser prompt', async () => {
    const { page, tab } = await openInTeamsHost(browser, service, admin, { entityId: 'admin', hash: 'admin' });
    page.on('dialog', (dialog) => {
      throw new Error(`The tab opened a browser ${dialog.type()} dialog`);
    });
    await tab.getByRole('tab', { name: 'Matching', exact: true }).click();
    await tab.getByRole('combobox', { name: 'Programme' }).selectOption({ label: 'Matching 2027' });
    await tab.getByRole('button', { name: 'Publish pairs' }).click();
    const confirm = tab.getByRole('alertdialog', { name: 'Publish these pairs?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await service.api('GET', `/api/programmes/${publishProgrammeId}/matching/runs/latest`, { as: admin.id })).body.publishedAt).toBeNull();

    await tab.getByRole('button', { name: 'Publish pairs' }).click();
    await confirm.getByRole('button', { name: 'Publish', exact: true }).click();
    await tab.getByText(/^Published /).waitFor();
    expect((await service.api('GET', `/api/programmes/${publishProgrammeId}/matching/runs/latest`, { as: admin.id })).body.publishedAt).toEqual(expect.any(String));
    await page.context().close();
  });
});

describe('the local host page that npm start prints', () => {
  test('served by the stand-in on 127.0.0.1, it hosts the tab, which the service allows to frame it and to talk to teams-js', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(teamsHostAddress(service.standIn.teamsHostUrl, `${service.url}/tab/index.html#/workspace`, mentee.id));
    await partnerShown(page.frameLocator('#tab'), mentor);
    await context.close();
  });
});

describe('the tab inside Teams mobile (no frame, the native interface)', () => {
  test('a mentee signs in through the native interface (getAuthToken, then NAA through the injected bridge) and follows a theme change', async () => {
    for (const nestedAppAuth of [false, true]) {
      const { page, calls } = await openInTeamsMobile(browser, service, mentee, { nestedAppAuth });
      await partnerShown(page, mentor);
      expect(await page.evaluate(() => window.top === window.self)).toBe(true);
      const funcs = (await calls()).map((c) => c.func);
      expect(funcs).toContain(nestedAppAuth ? 'nestedAppAuth.execute' : 'authentication.getAuthToken');
      expect(funcs).not.toContain(nestedAppAuth ? 'authentication.getAuthToken' : 'nestedAppAuth.execute');
      await page.evaluate(() => (window as unknown as { upwardTeamsHost: { changeTheme(t: string): void } }).upwardTeamsHost.changeTheme('dark'));
      await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
      await page.context().close();
    }
  });
});
