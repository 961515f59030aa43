import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { expectNoAxeViolations, launchChromium, nameOf, openTabAs, recordPersonas, screenshot, tabAddress, type Persona } from './support/tabBrowser';

/*
 * The programme admin's work in a real Chromium against the real service: the charter template,
 * guides and guidelines as participants then see them.
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
  const created = await service.api('POST', '/api/programmes', { as: admin.id, body: { name: 'Reverse mentoring 2026', startsOn: '2026-01-05' } });
  expect(created.status).toBe(201);
  programmeId = created.body.id;
  expect((await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin.id, body: { status: 'running' } })).status).toBe(200);
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
});
