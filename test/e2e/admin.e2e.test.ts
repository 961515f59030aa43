import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { aRunningProgramme, expectNoAxeViolations, launchChromium, nameOf, openTabAs, recordPersonas, screenshot, tabAddress, type Persona } from './support/tabBrowser';

/*
 * The programme admin's work in a real Chromium against the real service: the charter template,
 * guides and guidelines as participants then see them, and a concern followed from raising to reply.
 */

jest.setTimeout(180_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;

let service: TestService;
let browser: Browser;
let programmeId: string;
let tabUrl: (hash: string) => string;

beforeAll(async () => {
  service = await startTestService();
  await recordPersonas(service, [mentee, mentor, admin]);
  programmeId = await aRunningProgramme(service, admin, { name: 'Reverse mentoring 2026', startsOn: '2026-01-05' });
  await aPair(service.database.db, service.standIn.tenantId, { status: 'accepted', programmeId, mentorUserId: mentor.id, menteeUserId: mentee.id });
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const openAs = (person: Persona, hash = 'workspace'): Promise<Page> => openTabAs(browser, tabUrl, person, hash);
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

describe('the programme admin in a browser', () => {
  test('the admin writes the charter template and a formatted guide; the pair read their own names and the guide, sanitised', async () => {
    const page = await openAs(admin, 'admin');
    await page.getByRole('button', { name: 'Edit Reverse mentoring 2026' }).click();
    const editor = section(page, 'Edit Reverse mentoring 2026');
    const charter = editor.getByRole('textbox', { name: 'Charter template' });
    await charter.fill('{mentee} sets the agenda, {mentor} brings the experience, every {cadenceDays} days, and {boss} approves.');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText(/unknown placeholder \{boss\}/).waitFor();

    await charter.fill('{mentee} sets the agenda; {mentor} brings the experience, every {cadenceDays} days.');
    await editor.getByRole('textbox', { name: 'Guide for reverse mentors' }).fill('Prepare **one story** per session.\n\n- Say what you would change\n- Follow up\n\n<img src=x onerror="document.title=\'pwned\'"><script>document.title=\'pwned\'</script>');
    await editor.getByRole('textbox', { name: 'Time commitment' }).fill('About *two hours* a month.');
    await expectNoAxeViolations(page, 'programme editor');
    await screenshot(page, 'admin-programme-editor');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('Changes saved.').waitFor();
    await page.context().close();

    const junior = await openAs(mentor);
    await section(junior, 'Charter').getByText(`${nameOf(mentee)} sets the agenda; ${nameOf(mentor)} brings the experience, every 14 days.`).waitFor();
    const guide = section(junior, 'Guide for reverse mentors');
    await guide.locator('strong', { hasText: 'one story' }).waitFor();
    await expect(guide.getByRole('listitem').allTextContents()).resolves.toEqual(['Say what you would change', 'Follow up']);
    await guide.locator('em', { hasText: 'two hours' }).waitFor();
    await expect(guide.locator('img, script').count()).resolves.toBe(0);
    await expect(junior.title()).resolves.not.toBe('pwned');
    await expectNoAxeViolations(junior, 'workspace with formatted guide');
    await screenshot(junior, 'participant-formatted-guide');
    await junior.context().close();
  });

  test('a concern raised by the mentor reaches the admin with its pair; the admin replies; the mentor reads it; the mentee sees nothing', async () => {
    const secret = 'We have cancelled three sessions in a row and I do not know whom to tell.';
    const reply = 'Thank you, we will find a new rhythm with you both without naming you.';
    const junior = await openAs(mentor);
    const confidential = section(junior, 'Something not right?');
    await confidential.getByRole('button', { name: 'Raise a concern' }).click();
    await confidential.getByRole('textbox', { name: 'What would you like the programme admin to know?' }).fill(secret);
    await confidential.getByRole('button', { name: 'Send confidentially' }).click();
    await confidential.getByRole('list', { name: 'What you raised' }).getByText(/^Your concern of .*: Open$/).waitFor();

    const page = await openAs(admin, 'admin');
    await page.getByRole('tab', { name: 'Concerns' }).click();
    const item = page.getByRole('listitem', { name: new RegExp(`^Concern from ${nameOf(mentor)}`) });
    await item.getByText(`About the pair ${nameOf(mentor)} (reverse mentor) and ${nameOf(mentee)} (mentee) in Reverse mentoring 2026`).waitFor();
    await item.getByText(secret).waitFor();
    await item.getByRole('combobox', { name: 'Severity' }).selectOption('high');
    await item.getByRole('combobox', { name: 'Status' }).selectOption('in-progress');
    await item.getByText(`set the status to In progress`).waitFor();
    await item.getByRole('textbox', { name: 'Internal note (programme admins only)' }).fill('Check the cancellations with the sponsor.');
    await item.getByRole('button', { name: 'Add note' }).click();
    await item.getByText(/internal note by .*: Check the cancellations with the sponsor\./).waitFor();
    await item.getByRole('textbox', { name: new RegExp(`^Reply to ${nameOf(mentor)}`) }).fill(reply);
    await item.getByRole('button', { name: 'Send reply' }).click();
    await item.getByText(new RegExp(`replied: ${reply}`)).waitFor();
    await expect(item.getByRole('combobox', { name: 'Severity' }).inputValue()).resolves.toBe('high');
    await expectNoAxeViolations(page, 'admin concerns');
    await screenshot(page, 'admin-concern-followed-up');
    await page.context().close();

    await junior.reload();
    const mine = section(junior, 'Something not right?').getByRole('list', { name: 'What you raised' });
    await mine.getByText(/^Your concern of .*: In progress$/).waitFor();
    await mine.getByText(new RegExp(`your programme admin replied: ${reply}`)).waitFor();
    await expect(junior.getByText('Check the cancellations with the sponsor.').count()).resolves.toBe(0);
    await expectNoAxeViolations(junior, 'workspace with a followed concern');
    await screenshot(junior, 'mentor-reads-concern-reply');
    await junior.context().close();

    const leader = await openAs(mentee);
    await section(leader, 'Something not right?').waitFor();
    await expect(leader.getByRole('list', { name: 'What you raised' }).count()).resolves.toBe(0);
    await expect(leader.getByText(secret).count()).resolves.toBe(0);
    await expect(leader.getByText(reply).count()).resolves.toBe(0);
    await leader.context().close();
  });
});
