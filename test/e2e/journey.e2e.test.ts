import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { aPair, aProgramme } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { expectNoAxeViolations, launchChromium, nameOf, openTabAs, recordPersonas, screenshot, tabAddress, type Persona } from './support/tabBrowser';

/*
 * The relationship journey in a real Chromium against the real service: a first-time mentee and
 * mentor each see their one next step first (also at phone width), and a training module marked
 * done moves the step on and is counted for admins above the anonymity threshold; a prompt of the
 * phase joins the agenda in one action.
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

beforeAll(async () => {
  // The organisation's floor at its lowest, so that a programme of a few people shows its counts.
  service = await startTestService({ env: { UPWARD_ANONYMITY_FLOOR: '3' } });
  const { db } = service.database;
  const tenantId = service.standIn.tenantId;
  await recordPersonas(service, [mentee, mentor, admin]);
  programmeId = (await aProgramme(db, tenantId, { settings: { ...defaultProgrammeSettings, anonymityThreshold: 3 } })).id;
  pairId = (await aPair(db, tenantId, { status: 'proposed', programmeId, mentorUserId: mentor.id, menteeUserId: mentee.id })).id;
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const openAs = (person: Persona, width?: number): Promise<Page> => openTabAs(browser, tabUrl, person, 'workspace', { width });
const nextStep = (page: Page) => page.getByRole('region', { name: 'Your next step', exact: true });

/** The next step's card is on screen without scrolling, and above every other card of the workspace. */
async function expectNextStepFirst(page: Page): Promise<void> {
  const card = nextStep(page);
  await card.waitFor();
  await page.getByRole('region', { name: 'Your partner', exact: true }).waitFor();
  const tops = await page.locator('section').evaluateAll((sections) => sections.map((s) => ({ label: s.getAttribute('aria-labelledby'), top: s.getBoundingClientRect().top })));
  const own = await card.boundingBox();
  expect(own).not.toBeNull();
  expect(own!.y + own!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  expect(Math.min(...tops.map((t) => t.top))).toBe(own!.y);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

describe('the relationship journey', () => {
  test.each([
    ['mentee', 1280, mentee],
    ['mentee', 360, mentee],
    ['mentor', 1280, mentor],
    ['mentor', 360, mentor],
  ] as const)('a first-time %s sees their next step first (viewport %i px wide)', async (role, width, person) => {
    const page = await openAs(person, width);
    await expectNextStepFirst(page);
    await nextStep(page).getByText(`You have been matched with ${nameOf(role === 'mentee' ? mentor : mentee)}`).waitFor();
    await expect(nextStep(page).locator('[aria-current="step"]').textContent()).resolves.toBe('Kick-off');
    await expectNoAxeViolations(page, `${role} workspace at ${width} px`);
    await screenshot(page, `journey-${role}-${width}`);
    await page.context().close();
  });

  test('a training module marked done moves the next step on and is counted for admins', async () => {
    expect((await service.api('POST', `/api/pairs/${pairId}/accept`, { as: mentee.id })).status).toBe(200);
    const page = await openAs(mentee, 360);
    await nextStep(page).getByText('Read your guide').waitFor();
    const training = page.getByRole('region', { name: 'Training', exact: true });
    // The module due now is open, ready to read.
    await training.getByText('Listening without defending means').waitFor();
    await training.getByRole('button', { name: 'Mark as done' }).click();
    await training.getByText('1 of 8 done', { exact: false }).waitFor();
    await nextStep(page).getByText(`${nameOf(mentor)} has a step to take`).waitFor();
    await expectNoAxeViolations(page, 'workspace after a module');
    await page.context().close();

    const counts = async () => (await service.api('GET', `/api/programmes/${programmeId}/insight/training`, { as: admin.id })).body.modules.find((m: { id: string }) => m.id === 'mentee-listening').completed;
    expect(await counts()).toBeNull();
    const people = service.standIn.org.people.slice(50, 54).map((p) => p.user.id);
    for (const i of [0, 1]) {
      const other = await aPair(service.database.db, service.standIn.tenantId, { status: 'proposed', programmeId, mentorUserId: people[2 * i], menteeUserId: people[2 * i + 1] });
      expect((await service.api('POST', `/api/pairs/${other.id}/training/mentee-listening/done`, { as: other.mentee_user_id })).status).toBe(200);
    }
    expect(await counts()).toBe(3);
  });

  test('the mentee adds a prompt of the phase to the agenda with one action; the mentor is offered none', async () => {
    const prompt = 'What was your first month here like, and what did nobody tell you?';
    const page = await openAs(mentee, 360);
    const prompts = page.getByRole('region', { name: 'Questions to bring', exact: true });
    await prompts.getByRole('button', { name: `Add to agenda: ${prompt}` }).click();
    await prompts.getByText('On the agenda').waitFor();
    await page.getByRole('region', { name: 'Agenda', exact: true }).getByText(prompt).waitFor();
    await expectNoAxeViolations(page, 'workspace with prompts');
    await page.context().close();

    const junior = await openAs(mentor);
    await nextStep(junior).waitFor();
    await expect(junior.getByRole('region', { name: 'Questions to bring', exact: true }).count()).resolves.toBe(0);
    await junior.context().close();
  });
});
