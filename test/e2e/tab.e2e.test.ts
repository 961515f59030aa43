import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aSession } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { expectNoAxeViolations, launchChromium, screenshot, nameOf, recordPersonas, tabAddress, openTabAs, type Persona } from './support/tabBrowser';

/*
 * The Teams tab in a real Chromium against the real service and the Microsoft 365 stand-in:
 * people sign in through the stand-in's sign-in page, and everything goes through the tab's UI.
 */

jest.setTimeout(180_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;

let service: TestService;
let browser: Browser;
let pairId: string;
let tabUrl: (hash: string) => string;

beforeAll(async () => {
  service = await startTestService();
  const { db } = service.database;
  const tenantId = service.standIn.tenantId;
  await recordPersonas(service, [mentee, mentor, admin]);
  // Programmes are created the way an admin creates them, through the API.
  const running = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Reverse mentoring 2026', startsOn: '2026-01-05', guides: { mentor: 'Guide for reverse mentors.', mentee: 'Guide for leaders.' } } });
  const open = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Reverse mentoring 2027', startsOn: '2027-01-04' } });
  expect([running.status, open.status]).toEqual([201, 201]);
  expect((await service.api('PATCH', `/api/programmes/${open.body.id}`, { as: admin.id, body: { status: 'open' } })).status).toBe(200);
  pairId = (await aPair(db, tenantId, { status: 'accepted', programmeId: running.body.id, mentorUserId: mentor.id, menteeUserId: mentee.id })).id;
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const openAs = (person: Persona, hash = 'workspace', options: { dark?: boolean; width?: number } = {}): Promise<Page> => openTabAs(browser, tabUrl, person, hash, options);

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

describe('the Teams tab in a browser', () => {
  test('a mentee signs the charter and writes an agenda item; the mentor suggests one the mentee accepts', async () => {
    const leader = await openAs(mentee);
    await section(leader, 'Your partner').getByText(nameOf(mentor)).waitFor();
    await section(leader, 'Charter').getByRole('button', { name: 'Sign the charter' }).click();
    await section(leader, 'Charter').getByText(/^You signed on/).waitFor();

    const agenda = section(leader, 'Agenda');
    await agenda.getByRole('textbox', { name: 'New agenda item' }).fill('How my team experiences hybrid meetings');
    await agenda.getByRole('button', { name: 'Add to agenda' }).click();
    await agenda.getByRole('listitem').filter({ hasText: 'How my team experiences hybrid meetings' }).waitFor();
    await expect(agenda.getByRole('textbox', { name: 'Suggest an agenda item' }).count()).resolves.toBe(0);

    const junior = await openAs(mentor);
    await section(junior, 'Charter').getByText(/^Your partner signed on/).waitFor();
    const mentorAgenda = section(junior, 'Agenda');
    await expect(mentorAgenda.getByRole('textbox', { name: 'New agenda item' }).count()).resolves.toBe(0);
    await mentorAgenda.getByRole('textbox', { name: 'Suggest an agenda item' }).fill('Try reverse shadowing in a stand-up');
    await mentorAgenda.getByRole('button', { name: 'Suggest' }).click();
    await mentorAgenda.getByText('Your suggestion, waiting for your mentee').waitFor();

    await leader.reload();
    const suggestion = section(leader, 'Agenda').getByRole('listitem').filter({ hasText: 'Try reverse shadowing in a stand-up' });
    await suggestion.getByRole('button', { name: 'Accept: Try reverse shadowing in a stand-up' }).click();
    await suggestion.getByRole('button', { name: /^Accept/ }).waitFor({ state: 'detached' });
    await leader.context().close();
    await junior.context().close();
  });

  test('a journal entry stays invisible to the partner and to an admin until it is shared', async () => {
    const secret = 'I felt out of my depth when the leader asked about the budget';
    const junior = await openAs(mentor);
    const journal = section(junior, 'My journal');
    await journal.getByRole('textbox', { name: 'New journal entry' }).fill(secret);
    await journal.getByRole('button', { name: 'Save entry' }).click();
    const entry = journal.getByRole('listitem').filter({ hasText: secret });
    await entry.getByText('Private').waitFor();

    const leader = await openAs(mentee);
    await section(leader, 'My journal').waitFor();
    await expect(leader.getByText(secret).count()).resolves.toBe(0);

    const adminPage = await openAs(admin);
    await adminPage.getByRole('heading', { name: 'Welcome to Upward' }).waitFor();
    await expect(adminPage.getByText(secret).count()).resolves.toBe(0);
    const adminToken = await service.tokenFor(admin.id);
    expect((await service.api('GET', `/api/pairs/${pairId}/workspace`, { token: adminToken })).status).toBe(404);

    // Sharing asks first, naming who will read it.
    await entry.getByRole('button', { name: /^Share entry: / }).click();
    await junior.getByRole('alertdialog', { name: `Share this entry with ${nameOf(mentee)}?` }).getByRole('button', { name: 'Share with my partner' }).click();
    await entry.getByText('Shared with your partner').waitFor();
    await leader.reload();
    await section(leader, 'My journal').getByRole('list', { name: 'Shared with you by your partner' }).getByText(secret).waitFor();
    expect((await service.api('GET', `/api/pairs/${pairId}/workspace`, { token: adminToken })).status).toBe(404);
    await adminPage.reload();
    await adminPage.getByRole('heading', { name: 'Welcome to Upward' }).waitFor();
    await expect(adminPage.getByText(secret).count()).resolves.toBe(0);
    for (const page of [junior, leader, adminPage]) await page.context().close();
  });

  test('an admin cannot open a pair workspace, in the tab or through its API', async () => {
    const adminPage = await openAs(admin);
    await adminPage.getByRole('heading', { name: 'Welcome to Upward' }).waitFor();
    await expect(adminPage.getByRole('region', { name: 'Charter' }).count()).resolves.toBe(0);
    const response = await service.api('GET', `/api/pairs/${pairId}/workspace`, { as: admin.id });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    await adminPage.context().close();
  });

  test('every page has no axe-core violations, in light and dark, and is captured as a screenshot', async () => {
    for (const dark of [false, true]) {
      const theme = dark ? 'dark' : 'light';
      const leader = await openAs(mentee, 'workspace', { dark });
      await section(leader, 'Charter').waitFor();
      await expectNoAxeViolations(leader, `workspace (${theme})`);
      await screenshot(leader, `workspace-${theme}`);
      await leader.getByRole('tab', { name: 'Guides' }).click();
      await leader.getByRole('heading', { level: 1, name: 'Guides' }).waitFor();
      await leader.getByText('Guide for leaders.').waitFor();
      await expectNoAxeViolations(leader, `guides (${theme})`);
      await screenshot(leader, `guides-${theme}`);
      await leader.context().close();

      const adminPage = await openAs(admin, 'workspace', { dark });
      await adminPage.getByRole('heading', { name: 'Welcome to Upward' }).waitFor();
      await adminPage.getByRole('listitem').filter({ hasText: 'Reverse mentoring 2027' }).waitFor();
      await expectNoAxeViolations(adminPage, `no pair (${theme})`);
      await screenshot(adminPage, `no-pair-${theme}`);
      await adminPage.getByRole('tab', { name: 'Programme admin' }).click();
      await adminPage.getByRole('table', { name: 'Programmes' }).waitFor();
      await expectNoAxeViolations(adminPage, `admin programmes (${theme})`);
      await screenshot(adminPage, `admin-programmes-${theme}`);
      for (const [tab, ready] of [
        ['Participants', 'table'],
        ['Matching', 'button'],
      ] as const) {
        await adminPage.getByRole('tab', { name: tab }).click();
        if (ready === 'table') await adminPage.getByRole('table', { name: 'Participants' }).or(adminPage.getByText('Nobody is enrolled yet.')).waitFor();
        else await adminPage.getByRole('button', { name: /^Preview a/ }).waitFor();
        await adminPage.getByRole('progressbar').or(adminPage.getByRole('status')).first().waitFor({ state: 'detached' }).catch(() => undefined);
        await expectNoAxeViolations(adminPage, `admin ${tab} (${theme})`);
        await screenshot(adminPage, `admin-${tab.toLowerCase()}-${theme}`);
      }
      await adminPage.context().close();
    }
  });

  test('the workspace fits the Teams mobile width without horizontal scrolling', async () => {
    const leader = await openAs(mentee, 'workspace', { width: 360 });
    await section(leader, 'Charter').waitFor();
    const overflow = await leader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(leader, 'workspace-mobile');
    await leader.context().close();
  });

  test('the next session says when its room declined after the booking and no other neutral room was free', async () => {
    const { db } = service.database;
    const session = await aSession(db, service.standIn.tenantId, { pairId, startsAt: new Date(Date.now() + 3 * 86_400_000) });
    // As the room check leaves it (server/jobs/booking/roomCheck.ts).
    const venue = { kind: 'room', ref: 'ldn-kx-1-hazel@upwarddemo.onmicrosoft.com', displayName: 'Hazel', roomDeclined: true };
    await db.updateTable('sessions').set({ venue: JSON.stringify(venue) }).where('id', '=', session.id).execute();
    const leader = await openAs(mentee);
    const next = section(leader, 'Next session');
    await next.getByText('Room: Hazel').waitFor();
    await next.getByRole('status').filter({ hasText: 'The room declined this booking' }).waitFor();
    await leader.context().close();
    await db.deleteFrom('sessions').where('id', '=', session.id).execute();
  });
});
