import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aProgramme } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { axeViolations, launchChromium, nameOf, recordPersonas, tabAddress, openTabAs, type Persona } from './support/tabBrowser';

/*
 * Surveys in the tab, in a real Chromium against the real service and the Microsoft 365 stand-in:
 * a survey due by the programme's schedule shows in the workspace, is answered there, and goes away.
 */

jest.setTimeout(120_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;

let service: TestService;
let browser: Browser;
let tabUrl: (hash: string) => string;

beforeAll(async () => {
  service = await startTestService();
  const { db } = service.database;
  const tenantId = service.standIn.tenantId;
  await recordPersonas(service, [mentee, mentor]);
  // Started 100 days ago in a 6-month relationship: the mid-point survey is due, the end survey is not.
  const programme = await aProgramme(db, tenantId);
  await aPair(db, tenantId, { programmeId: programme.id, mentorUserId: mentor.id, menteeUserId: mentee.id, startedAt: new Date(Date.now() - 100 * 86_400_000) });
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const openAs = (person: Persona): Promise<Page> => openTabAs(browser, tabUrl, person);

const surveysCard = (page: Page) => page.getByRole('region', { name: 'Surveys waiting for you', exact: true });

describe('surveys in the tab', () => {
  test('a person sees the survey due for them, is told what is missing, answers it, and it goes away', async () => {
    const page = await openAs(mentee);
    const card = surveysCard(page);
    const form = card.getByRole('form', { name: 'Mid-point review' });
    await form.waitFor();
    await expect(card.getByText(`With ${nameOf(mentor)}`, { exact: false }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Sent empty: the shared schema's check names the question, and nothing reaches the server.
    await form.getByRole('button', { name: 'Send answers' }).click();
    await form.getByText('Choose a value from 1 to 5.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const progress = form.getByRole('radiogroup', { name: /How much are you getting out of the relationship/ });
    await progress.getByRole('radio', { name: '4 – Mostly' }).check();
    await form.getByRole('textbox', { name: /Anything you would like to add/ }).fill('More shadowing, please.');
    await form.getByRole('button', { name: 'Send answers' }).click();

    await card.getByText('Thank you: your answers were recorded.').waitFor();
    await card.getByText('No surveys are waiting for you.', { exact: false }).waitFor();
    await expect(form.count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The partner's own survey is still waiting for them: one person's answer is not the pair's.
    const partner = await openAs(mentor);
    await surveysCard(partner).getByRole('form', { name: 'Mid-point review' }).waitFor();
    await partner.context().close();
    await page.context().close();
  });
});
