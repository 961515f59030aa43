import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aSession } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { expectNoAxeViolations, launchChromium, screenshot, nameOf, recordPersonas, tabAddress, openTabAs, type Persona } from './support/tabBrowser';

/*
 * The workspace actions and admin pages beyond tab.e2e.test.ts, in a real Chromium against the
 * real service and the Microsoft 365 stand-in: partner photo, take-aways, commitments, agenda
 * order by keyboard, programme edit and invitation by directory search.
 */

jest.setTimeout(120_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;

let service: TestService;
let browser: Browser;
let pairId: string;
let programmeId: string;
let tabUrl: (hash: string) => string;
const agendaTexts = ['Town halls from the floor', 'Hybrid meetings', 'Tools juniors use'];

beforeAll(async () => {
  service = await startTestService();
  const { db } = service.database;
  const tenantId = service.standIn.tenantId;
  await recordPersonas(service, [mentee, mentor, admin]);
  const programme = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Reverse mentoring 2026', startsOn: '2026-01-05' } });
  expect(programme.status).toBe(201);
  programmeId = programme.body.id;
  pairId = (await aPair(db, tenantId, { status: 'active', programmeId, mentorUserId: mentor.id, menteeUserId: mentee.id })).id;
  await aSession(db, tenantId, { pairId, startsAt: new Date('2026-03-02T10:00:00Z'), status: 'held' });
  for (const text of agendaTexts) expect((await service.api('POST', `/api/pairs/${pairId}/agenda`, { as: mentee.id, body: { text } })).status).toBe(201);
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const openAs = (person: Persona, hash = 'workspace'): Promise<Page> => openTabAs(browser, tabUrl, person, hash);

const section = (page: Page, name: string | RegExp) => page.getByRole('region', { name, exact: true });
const agendaOrder = (page: Page) =>
  section(page, 'Agenda')
    .getByRole('list', { name: 'Agenda items' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => li.querySelector('span')?.textContent ?? ''));
/** The take-away's own list item, not the past session's item that holds it. */
const takeawayItem = (page: Page, text: string) => section(page, 'Past sessions').getByRole('listitem').filter({ hasText: text }).last();

describe('more of the pair workspace and the admin pages', () => {
  test("the partner card shows the partner's Microsoft 365 photo, named for screen readers", async () => {
    const leader = await openAs(mentee);
    const photo = section(leader, 'Your partner').getByRole('img', { name: `Photo of ${nameOf(mentor)}` });
    await photo.waitFor();
    await expect(photo.locator('img').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBeGreaterThan(0);
    await expectNoAxeViolations(leader, 'workspace with partner photo');
    await leader.context().close();
  });

  test('a take-away proposed by the mentor becomes agreed when the mentee confirms it', async () => {
    const takeaway = 'Try a reverse stand-up once a month';
    const junior = await openAs(mentor);
    const past = section(junior, 'Past sessions');
    await past.getByRole('textbox', { name: 'Propose a take-away (3 left for you)' }).fill(takeaway);
    await past.getByRole('button', { name: 'Propose take-away' }).click();
    await takeawayItem(junior, takeaway).getByText(/waiting for your partner to confirm/).waitFor();
    await past.getByRole('textbox', { name: 'Propose a take-away (2 left for you)' }).waitFor();

    const leader = await openAs(mentee);
    const item = takeawayItem(leader, takeaway);
    await item.getByText('(proposed by your partner)').waitFor();
    await item.getByRole('button', { name: `Confirm: ${takeaway}` }).click();
    await item.getByRole('button', { name: /^Confirm/ }).waitFor({ state: 'detached' });
    await expect(item.getByText(/proposed/).count()).resolves.toBe(0);
    await junior.reload();
    await takeawayItem(junior, takeaway).waitFor();
    await expect(takeawayItem(junior, takeaway).getByText(/proposed/).count()).resolves.toBe(0);
    await junior.context().close();
    await leader.context().close();
  });

  test('the mentee records a commitment with a follow-up date and marks it kept; the mentor cannot record one', async () => {
    const commitment = 'Hold one meeting a week without slides';
    const leader = await openAs(mentee);
    const form = section(leader, 'Past sessions').getByRole('form', { name: 'Record a commitment' });
    await form.getByRole('textbox', { name: 'What you commit to' }).fill(commitment);
    await form.getByLabel('Follow up on (optional)').fill('2027-01-15');
    await form.getByRole('button', { name: 'Record commitment' }).click();
    const item = section(leader, 'Past sessions').getByRole('listitem').filter({ hasText: commitment }).last();
    await item.getByText(/Open, due/).waitFor();
    await item.getByRole('button', { name: `Mark as kept: ${commitment}` }).click();
    await item.getByText(/^\(Kept/).waitFor();
    await expectNoAxeViolations(leader, 'workspace with take-aways and commitments');
    await screenshot(leader, 'workspace-outcomes-light');

    const junior = await openAs(mentor);
    await section(junior, 'Past sessions').getByText(commitment).waitFor();
    await expect(junior.getByRole('form', { name: 'Record a commitment' }).count()).resolves.toBe(0);
    await expect(junior.getByRole('button', { name: /^Mark as kept/ }).count()).resolves.toBe(0);
    const workspace = await service.api('GET', `/api/pairs/${pairId}/workspace`, { as: mentee.id });
    expect(workspace.body.commitments).toEqual([expect.objectContaining({ text: commitment, dueOn: '2027-01-15', status: 'kept' })]);
    await junior.context().close();
    await leader.context().close();
  });

  test('the mentee reorders the agenda with the keyboard alone, and focus follows the moved item', async () => {
    const leader = await openAs(mentee);
    const agenda = section(leader, 'Agenda');
    await agenda.getByRole('listitem').first().waitFor();
    expect(await agendaOrder(leader)).toEqual(agendaTexts);

    await agenda.getByRole('button', { name: `Move down: ${agendaTexts[0]}` }).focus();
    await leader.keyboard.press('Enter');
    await agenda.getByRole('status').getByText(`${agendaTexts[0]}: now 2 of 3`).waitFor();
    expect(await agendaOrder(leader)).toEqual([agendaTexts[1], agendaTexts[0], agendaTexts[2]]);
    await expect(leader.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(`Move down: ${agendaTexts[0]}`);

    await leader.keyboard.press('Enter');
    await agenda.getByRole('status').getByText(`${agendaTexts[0]}: now 3 of 3`).waitFor();
    // At the end of the list only "move up" remains, and focus is there.
    await expect(leader.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(`Move up: ${agendaTexts[0]}`);
    const expected = [agendaTexts[1], agendaTexts[2], agendaTexts[0]];
    expect(await agendaOrder(leader)).toEqual(expected);
    const stored = await service.api('GET', `/api/pairs/${pairId}/workspace`, { as: mentee.id });
    expect(stored.body.agenda.map((i: { text: string }) => i.text)).toEqual(expected);
    await expectNoAxeViolations(leader, 'workspace after agenda reorder');
    await leader.context().close();
  });

  test("an admin edits a programme's cadence and invites a person found in the directory", async () => {
    const page = await openAs(admin, 'admin');
    await page.getByRole('table', { name: 'Programmes' }).waitFor();
    await page.getByRole('button', { name: 'Edit Reverse mentoring 2026' }).click();
    const editor = section(page, 'Edit Reverse mentoring 2026');
    const cadence = editor.getByRole('spinbutton', { name: 'Days between sessions' });
    await expect(cadence.inputValue()).resolves.toBe('14');
    // Checked on the client with the shared schema: nothing is sent.
    await cadence.fill('3');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('sessions are at most weekly').waitFor();
    expect((await service.api('GET', `/api/programmes/${programmeId}`, { as: admin.id })).body.settings.cadenceDays).toBe(14);
    await cadence.fill('21');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByRole('status').getByText('Changes saved.').waitFor();
    expect((await service.api('GET', `/api/programmes/${programmeId}`, { as: admin.id })).body.settings.cadenceDays).toBe(21);
    await expectNoAxeViolations(page, 'admin programme editor');
    await screenshot(page, 'admin-programme-edit-light');

    const invitee = service.standIn.org.people.find((p) => !([mentee.id, mentor.id, admin.id] as string[]).includes(p.user.id) && p.user.accountEnabled !== false && p.user.displayName)!.user;
    await page.getByRole('tab', { name: 'Participants' }).click();
    const invite = section(page, 'Invite a person');
    await invite.getByRole('searchbox', { name: 'Search the directory' }).fill(invitee.displayName!.slice(0, 6));
    await invite.getByRole('button', { name: 'Search' }).click();
    await invite.getByRole('radio', { name: new RegExp(`^${invitee.displayName}`) }).first().check();
    await invite.getByRole('combobox', { name: 'Role' }).selectOption('mentee');
    await invite.getByRole('textbox', { name: 'Learning goals' }).fill('hybrid work, new tools');
    await invite.getByRole('button', { name: `Invite ${invitee.displayName}` }).click();
    await invite.getByRole('status').getByText(`${invitee.displayName} is enrolled.`).waitFor();
    await page.getByRole('table', { name: 'Participants' }).getByRole('row').filter({ hasText: invitee.displayName! }).waitFor();
    const participants = await service.api('GET', `/api/programmes/${programmeId}/participants`, { as: admin.id });
    expect(participants.body.participants).toEqual(expect.arrayContaining([expect.objectContaining({ userId: invitee.id, role: 'mentee' })]));
    await expectNoAxeViolations(page, 'admin participants with invitation');
    await page.context().close();
  });
});
