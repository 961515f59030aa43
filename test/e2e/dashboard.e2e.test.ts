import type { Browser, Page } from 'playwright-core';
import { managementDepth } from '../../dev/demoOrg/depth';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { DEMO_STORIES_CHANNEL_ID, DEMO_TEAM_ID } from '../../dev/demoOrg/tenant';
import type { DemoPerson } from '../../dev/demoOrg/types';
import { startTestService, type TestService } from '../harness/testService';
import { axeViolations, launchChromium, newPersonContext, screenshot, signIn, tabAddress } from './support/tabBrowser';

/*
 * The admin side of the tab in a real Chromium: a programme on the demo organisation built the way
 * people build it (admin enrols people, runs and publishes matching, pairs accept and sign their
 * charters), then the dashboard, concerns and stories pages read what really happened.
 */

jest.setTimeout(120_000);

const admin = DEMO_PERSONAS.programmeAdmin;
const adminName = `${admin.givenName} ${admin.surname}`;

let service: TestService;
let browser: Browser;
let programmeId: string;
let pairs: { id: string; mentorUserId: string; menteeUserId: string }[];
let tabUrl: (hash: string) => string;
let people: Map<string, DemoPerson>;

/**
 * Two large departments (six participants each) and one small one (two people), so the small one
 * is only ever shown as "Other departments", and there suppressed.
 */
function chooseParticipants(org: { people: DemoPerson[] }): { userId: string; role: 'mentor' | 'mentee' }[] {
  const depthOf = managementDepth(org);
  const personas = new Set<string>(Object.values(DEMO_PERSONAS).map((p) => p.id));
  const candidates = org.people.filter((p) => p.managerId && !personas.has(p.user.id!) && p.user.department);
  const inDepartment = (department: string, mentees: number, mentors: number) => {
    const here = candidates.filter((p) => p.user.department === department).sort((a, b) => depthOf(a.user.id!) - depthOf(b.user.id!));
    return [
      ...here.slice(0, mentees).map((p) => ({ userId: p.user.id!, role: 'mentee' as const })),
      ...here.slice(-mentors).map((p) => ({ userId: p.user.id!, role: 'mentor' as const })),
    ];
  };
  return [...inDepartment('Engineering', 3, 3), ...inDepartment('Finance', 3, 3), ...inDepartment('Customer Success', 1, 1)];
}

beforeAll(async () => {
  service = await startTestService();
  people = new Map(service.standIn.org.people.map((p) => [p.user.id!, p]));
  const as = admin.id;
  const today = new Date().toISOString().slice(0, 10);
  const created = await service.api('POST', '/api/programmes', { as, body: { name: 'Reverse mentoring dashboard', startsOn: today } });
  expect(created.status).toBe(201);
  programmeId = created.body.id;
  expect((await service.api('PATCH', `/api/programmes/${programmeId}`, { as, body: { status: 'open' } })).status).toBe(200);
  for (const { userId, role } of chooseParticipants(service.standIn.org)) {
    const invited = await service.api('POST', `/api/programmes/${programmeId}/participants`, { as, body: { userId, role, languages: ['en'] } });
    expect(invited.status).toBe(201);
  }
  const run = await service.api('POST', `/api/programmes/${programmeId}/matching/runs`, { as });
  expect(run.status).toBe(201);
  expect(run.body.proposals.length).toBeGreaterThanOrEqual(3);
  expect((await service.api('POST', `/api/programmes/${programmeId}/matching/runs/${run.body.id}/publish`, { as })).status).toBe(200);
  pairs = [];
  for (const proposal of run.body.proposals as { mentor: { userId: string }; mentee: { userId: string } }[]) {
    const listed = await service.api('GET', '/api/pairs', { as: proposal.mentee.userId });
    const pair = (listed.body.pairs as { id: string; programme: { id: string } }[]).find((p) => p.programme.id === programmeId)!;
    const members = [proposal.mentee.userId, proposal.mentor.userId];
    for (const member of members) expect((await service.api('POST', `/api/pairs/${pair.id}/accept`, { as: member })).status).toBe(200);
    for (const member of members) expect((await service.api('POST', `/api/pairs/${pair.id}/charter/sign`, { as: member })).status).toBeLessThan(300);
    pairs.push({ id: pair.id, mentorUserId: proposal.mentor.userId, menteeUserId: proposal.mentee.userId });
  }
  tabUrl = tabAddress(service);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** Signs in through the stand-in's page; people other than the featured personas are found with its search. */
async function openAs(displayName: string, hash: string, options: { dark?: boolean } = {}): Promise<Page> {
  const context = await newPersonContext(browser, options);
  const page = await context.newPage();
  await signIn(page, tabUrl(hash), displayName);
  return page;
}

async function openAdminPanel(panel: string, options: { dark?: boolean } = {}): Promise<Page> {
  const page = await openAs(adminName, 'admin', options);
  await page.getByRole('tab', { name: panel }).click();
  return page;
}

const nameOf = (userId: string) => people.get(userId)!.user.displayName!;

describe('the programme admin pages in a browser', () => {
  test('the dashboard shows every chart with its table view, the small department only as suppressed figures, in light and dark with no axe violations', async () => {
    for (const dark of [false, true]) {
      const theme = dark ? 'dark' : 'light';
      const page = await openAdminPanel('Dashboard', { dark });
      const participation = page.getByRole('table', { name: 'Participation: table view' });
      await participation.waitFor();
      for (const chart of ['Participation', 'Sessions held over time', 'Sessions held per pair', 'Days from match to first session', 'Survey results (average rating out of 5)', 'Self-assessment change (before and after)', 'Take-aways agreed and commitments kept', 'Still with the organisation']) {
        await page.getByRole('img', { name: new RegExp(`^${chart.replace(/[()]/g, '\\$&')}\\. `) }).waitFor();
        await page.getByRole('table', { name: `${chart}: table view` }).waitFor();
      }
      // Fourteen enrolled: a real figure. Categories may be suppressed (complementary suppression), but never show a small number.
      const totalRow = participation.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Total' }) });
      await expect(totalRow.getByRole('cell').first().textContent()).resolves.toBe('14');
      for (const text of await participation.getByRole('cell').allTextContents()) expect(text).toMatch(/^(0|[5-9]|\d{2,}|fewer than 5)$/);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await screenshot(page, `dashboard-${theme}`);

      await page.getByRole('combobox', { name: 'Department' }).selectOption('Other departments');
      const small = page.getByRole('table', { name: 'Participation: table view' });
      await small.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Total' }) }).getByRole('cell', { name: 'fewer than 5' }).waitFor();
      const cells = await small.getByRole('cell').allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      for (const text of cells) expect(text).toMatch(/^(0|fewer than 5)$/);
      await page.getByText('Why some figures are hidden').waitFor();
      await expect(page.getByRole('img', { name: /^Participation\. .*fewer than 5/ }).count()).resolves.toBe(1);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await screenshot(page, `dashboard-other-departments-${theme}`);
      await page.context().close();
    }
  });

  test('the CSV export downloads the same suppressed view', async () => {
    const page = await openAdminPanel('Dashboard');
    await page.getByRole('table', { name: 'Participation: table view' }).waitFor();
    await page.getByRole('combobox', { name: 'Department' }).selectOption('Other departments');
    await page.getByRole('table', { name: 'Participation: table view' }).getByRole('cell', { name: 'fewer than 5' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks as Buffer[]).toString('utf8'));
    expect(csv.split('\n')[0]).toBe('table,counts,department,months,category,count,mean,suppressed');
    expect(csv).toMatch(/^participation,participants,Other departments,[^,]+,total,,,yes$/m);
    await page.context().close();
  });

  test('an admin reads a concern and moves it on; the person sees its new status', async () => {
    const raiser = pairs[0]!.mentorUserId;
    const text = 'Our sessions keep being moved at the last minute';
    expect((await service.api('POST', '/api/concerns', { as: raiser, body: { pairId: pairs[0]!.id, text } })).status).toBe(201);
    const page = await openAdminPanel('Concerns');
    const row = page.getByRole('listitem').filter({ hasText: text });
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/admin/concerns/')), row.getByRole('combobox', { name: 'Status' }).selectOption('in-progress')]);
    expect((await service.api('GET', '/api/concerns/mine', { as: raiser })).body.concerns[0].status).toBe('in-progress');
    await expect(row.getByRole('combobox', { name: 'Status' }).inputValue()).resolves.toBe('in-progress');
    await expect(axeViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'admin-concerns-light');
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByRole('table', { name: 'Audit log' }).getByRole('cell', { name: 'concern.in-progress', exact: true }).first().waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.context().close();
  });

  test('our story is published only when both consent, and the admin posts it to the programme channel', async () => {
    const { id: pairId, menteeUserId, mentorUserId } = pairs[1]!;
    const story = 'Leaders now ask juniors to open the quarterly review.';
    const leader = await openAs(nameOf(menteeUserId), 'workspace');
    const card = leader.getByRole('region', { name: 'Our story', exact: true });
    await card.getByRole('textbox', { name: 'Our story' }).fill(story);
    await card.getByRole('button', { name: 'Save draft' }).click();
    await card.getByRole('button', { name: 'I agree to publish this text' }).click();
    await card.getByText('You agreed to publish this text.').waitFor();
    await card.getByText('Not published: it is published only when you both agree.').waitFor();
    await expect(axeViolations(leader)).resolves.toEqual([]);

    const version = (await service.api('GET', `/api/pairs/${pairId}/story`, { as: mentorUserId })).body.story.version;
    expect((await service.api('POST', `/api/pairs/${pairId}/story/consent`, { as: mentorUserId, body: { version, consent: true } })).status).toBe(200);
    await leader.reload();
    await leader.getByRole('region', { name: 'Our story', exact: true }).getByText(/^Published to the programme on/).waitFor();
    await leader.context().close();

    const storyChannel = { teamId: DEMO_TEAM_ID, channelId: DEMO_STORIES_CHANNEL_ID, displayName: 'Upward stories' };
    expect((await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin.id, body: { storyChannel } })).status).toBe(200);
    const page = await openAdminPanel('Stories');
    const published = page.getByRole('list', { name: 'Published stories' }).getByRole('listitem').filter({ hasText: story });
    await published.getByRole('button', { name: 'Post to the programme’s Teams channel' }).click();
    await published.getByText(/^Posted to Teams on/).waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'admin-stories-light');
    await page.context().close();
  });
});
