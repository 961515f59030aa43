import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { aPair, aProgramme } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { expectNoAxeViolations, launchChromium, openTabAs, recordPersonas, screenshot, tabAddress } from './support/tabBrowser';

/*
 * A programme's own training in a real Chromium against the real service: the admin replaces a
 * shipped module's words (after confirming), the mentee reads the new words and marks the module
 * done, and the admin's dashboard shows the count hidden while fewer people than the anonymity
 * threshold finished it, then the number once enough have.
 */

jest.setTimeout(120_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;
const title = 'Listening first, in our company';
const reading = 'In our company, **listening comes first**. Let each story land before you answer.';

let service: TestService;
let browser: Browser;
let programmeId: string;

let tabUrl: (hash: string) => string;

beforeAll(async () => {
  service = await startTestService({ env: { UPWARD_ANONYMITY_FLOOR: '3' } });
  const { db } = service.database;
  const tenantId = service.standIn.tenantId;
  await recordPersonas(service, [mentee, mentor, admin]);
  programmeId = (await aProgramme(db, tenantId, { settings: { ...defaultProgrammeSettings, anonymityThreshold: 3 } })).id;
  await aPair(db, tenantId, { status: 'accepted', programmeId, mentorUserId: mentor.id, menteeUserId: mentee.id });
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const adminPanel = async (page: Page, tab: 'Training' | 'Dashboard') => {
  await page.getByRole('tab', { name: tab, exact: true }).click();
};

/** The dashboard row of the module: its "people who finished it" cell. */
const completedCell = (page: Page) => page.getByRole('table', { name: 'Training completed' }).getByRole('row', { name: new RegExp(title) }).getByRole('cell').last();

describe('a programme’s own training modules', () => {
  test('an admin replaces a module’s words; the mentee reads and completes it; the dashboard counts it only above the threshold', async () => {
    const page = await openTabAs(browser, tabUrl, admin, 'admin');
    await adminPanel(page, 'Training');
    const modules = page.getByRole('region', { name: 'Training modules', exact: true });
    await modules.getByRole('button', { name: 'Edit “Listening without defending”' }).click();
    const form = modules.getByRole('form', { name: 'Training module' });
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByRole('textbox', { name: 'Reading' }).fill(reading);
    await form.getByRole('button', { name: 'Save module' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Replace this module’s words?' });
    await confirm.getByRole('button', { name: 'Replace' }).click();
    await modules.getByText(title).waitFor();
    await modules.getByText('Your words').waitFor();
    await expectNoAxeViolations(page, 'training modules after an edit');
    await screenshot(page, 'training-admin-edited');

    const person = await openTabAs(browser, tabUrl, mentee, 'workspace');
    const training = person.getByRole('region', { name: 'Training', exact: true });
    // The edited module is the one due now, open, with the admin's formatting rendered and a note on its language.
    await training.getByRole('button', { name: title }).waitFor();
    await training.locator('strong', { hasText: 'listening comes first' }).waitFor();
    await training.getByText('Written for your programme by its administrators').waitFor();
    await training.getByRole('button', { name: 'Mark as done' }).click();
    await training.getByText('1 of 8 done', { exact: false }).waitFor();
    await expectNoAxeViolations(person, 'workspace with an edited module');
    await person.context().close();

    await adminPanel(page, 'Dashboard');
    await expect(completedCell(page).textContent()).resolves.toBe('Hidden: fewer than 3 people');

    const others = service.standIn.org.people.slice(50, 54).map((p) => p.user.id);
    for (const i of [0, 1]) {
      const other = await aPair(service.database.db, service.standIn.tenantId, { status: 'accepted', programmeId, mentorUserId: others[2 * i], menteeUserId: others[2 * i + 1] });
      expect((await service.api('POST', `/api/pairs/${other.id}/training/mentee-listening/done`, { as: other.mentee_user_id })).status).toBe(200);
    }
    await page.reload();
    await adminPanel(page, 'Dashboard');
    await expect(completedCell(page).textContent()).resolves.toBe('3');
    await expectNoAxeViolations(page, 'dashboard with training counts');
    await screenshot(page, 'training-dashboard');
    await page.context().close();
  });
});
