import type { Browser, BrowserContext, FrameLocator } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aSession } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { axeViolations, launchChromium, nameOf, recordPersonas, type Persona } from './support/tabBrowser';
import { openInTeamsHost } from './support/teamsHost';

/*
 * The pair's workspace inside their Teams meeting: the tab in the side panel frame context of the
 * Teams host stand-in (the meeting and its chat in the context, as teams-js delivers them), with
 * the real teams-js and sign-in, against the real service. What the pair does there is the
 * workspace's own data.
 */

jest.setTimeout(180_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;
const CHAT_ID = '19:meeting_NjQ2ZTk0ZjAtMzQxYi00Y2Q4@thread.v2';
const MEETING_ID = 'MCMxOTptZWV0aW5nX05qUTJaVGswWmpBdE16UXhZaTAwWTJRNEB0aHJlYWQudjIjMA==';

let service: TestService;
let browser: Browser;
let pairId: string;
let sessionId: string;

beforeAll(async () => {
  service = await startTestService();
  const { db } = service.database;
  await recordPersonas(service, [mentee, mentor, admin]);
  const programme = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Reverse mentoring 2026', startsOn: '2026-01-05' } });
  expect(programme.status).toBe(201);
  pairId = (await aPair(db, service.standIn.tenantId, { status: 'active', programmeId: programme.body.id, mentorUserId: mentor.id, menteeUserId: mentee.id, startedAt: new Date() })).id;
  // The session is under way: it started ten minutes ago.
  sessionId = (await aSession(db, service.standIn.tenantId, { pairId, startsAt: new Date(Date.now() - 10 * 60_000), minutes: 60 })).id;
  for (const text of ['How my team hears about promotions', 'What the new rota means for carers']) {
    expect((await service.api('POST', `/api/pairs/${pairId}/agenda`, { as: mentee.id, body: { text } })).status).toBe(201);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const section = (tab: FrameLocator, name: string) => tab.getByRole('region', { name, exact: true });

function openSidePanel(person: typeof mentee) {
  return openInTeamsHost(browser, service, person, {
    frameContext: 'sidePanel',
    entityId: `upward-meeting-${sessionId}`,
    meetingId: MEETING_ID,
    chatId: CHAT_ID,
    hash: `meeting/${pairId}/${sessionId}`,
  });
}

describe('the workspace in the meeting side panel (Teams host stand-in)', () => {
  test('the panel shows the agenda in order without the app navigation', async () => {
    const { page, tab, calls } = await openSidePanel(mentee);
    const items = section(tab, 'Agenda').getByRole('listitem');
    await items.first().waitFor();
    expect(await items.allInnerTexts()).toEqual([expect.stringContaining('How my team hears about promotions'), expect.stringContaining('What the new rota means for carers')]);
    await expect(tab.getByRole('navigation').count()).resolves.toBe(0);
    expect((await calls()).map((c) => c.func)).toEqual(expect.arrayContaining(['initialize', 'getContext']));
    await page.context().close();
  });

  test('a take-away the mentor proposes is confirmed by the mentee in the side panel, and the workspace shows it agreed', async () => {
    const text = 'Ask the carers before changing the rota';
    expect((await service.api('POST', `/api/pairs/${pairId}/takeaways`, { as: mentor.id, body: { sessionId, text } })).status).toBe(201);

    const panel = await openSidePanel(mentee);
    const outcomes = section(panel.tab, 'Take-aways and commitments');
    await outcomes.getByText(text).waitFor();
    await outcomes.getByRole('button', { name: `Confirm: ${text}` }).click();
    await outcomes.getByRole('button', { name: `Confirm: ${text}` }).waitFor({ state: 'detached' });
    await panel.page.context().close();

    const workspace = await service.api('GET', `/api/pairs/${pairId}/workspace`, { as: mentor.id });
    expect(workspace.body.takeaways).toEqual([expect.objectContaining({ sessionId, text, status: 'agreed', proposedBy: 'me' })]);

    // The mentor's workspace, as the personal tab shows it: the session under way lists the take-away, agreed.
    const personal = await openInTeamsHost(browser, service, mentor, { subEntityId: pairId });
    const next = section(personal.tab, 'Next session');
    await next.getByText(text).waitFor();
    await expect(next.getByText(/waiting for your partner/).count()).resolves.toBe(0);
    await personal.page.context().close();
  });
});

describe('the meeting tab configuration page (Teams host stand-in, settings frame context)', () => {
  function openSetup(person: Persona, context?: BrowserContext) {
    return openInTeamsHost(browser, service, person, { context, frameContext: 'settings', entityId: 'upward-meeting-setup', meetingId: MEETING_ID, chatId: CHAT_ID, hash: 'meeting-setup' });
  }

  beforeAll(async () => {
    // The session was booked online: its join address names the meeting's chat, as Teams' join addresses do.
    await service.database.db.updateTable('sessions').set({ join_url: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT_ID)}/0?context=%7b%7d` }).where('id', '=', sessionId).execute();
  });

  test('a person of the pair reads whose session the tab belongs to, saves, and the saved tab opens the side panel of that pair and session', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const { page, tab, calls } = await openSetup(mentee, context);
    await tab.getByText(`This tab belongs to your mentoring session with ${nameOf(mentor)}`, { exact: false }).waitFor();
    expect(await axeViolations(page.frame({ url: /\/tab\/index\.html/ })!)).toEqual([]);
    const save = page.getByRole('button', { name: 'Save' });
    await expect(save.isEnabled()).resolves.toBe(true);
    await save.click();

    // Teams opened the saved tab in the side panel: the pair's agenda, without the app navigation.
    const items = section(tab, 'Agenda').getByRole('listitem');
    await items.first().waitFor();
    expect(await items.allInnerTexts()).toEqual([expect.stringContaining('How my team hears about promotions'), expect.stringContaining('What the new rota means for carers')]);
    const made = await calls();
    const funcs = made.map((c) => c.func);
    expect(funcs.indexOf('host:settings.save')).toBeLessThan(funcs.indexOf('settings.save.success'));
    expect(made.find((c) => c.func === 'settings.setSettings')?.detail?.config).toEqual({
      entityId: `upward-meeting-${sessionId}`,
      contentUrl: `${service.url}/tab/index.html#/meeting/${pairId}/${sessionId}`,
      websiteUrl: `${service.url}/tab/index.html#/workspace/${pairId}`,
      suggestedDisplayName: 'Upward',
    });
    // The side panel is a new page in its own frame context: teams-js initialised twice.
    expect(funcs.filter((f) => f === 'initialize')).toHaveLength(2);
    await page.context().close();
  });

  test('someone in the meeting who is not of the pair is told why nothing can be added, and Save stays disabled', async () => {
    const { page, tab, calls } = await openSetup(admin);
    await tab.getByRole('status').getByText(/you have no mentoring session in it/).waitFor();
    await expect(page.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    expect((await calls()).filter((c) => c.func === 'settings.setValidityState').map((c) => c.detail?.valid)).toEqual([false, false]);
    await page.context().close();
  });
});
