import type { Event } from '@microsoft/microsoft-graph-types';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import type { GraphSession } from '../../server/graph/graphGateway';
import { aPair } from '../harness/factories';
import { graphGatewayFor } from '../harness/m365';
import { startTestService, type TestService } from '../harness/testService';
import { expectNoAxeViolations, launchChromium, nameOf, openTabAs, recordPersonas, screenshot, tabAddress, type Persona } from './support/tabBrowser';

/*
 * Shadowing in a real Chromium against the real service and the Graph stand-in: the mentee
 * offers a meeting they organise, the mentor accepts and the stand-in's event lists them as an
 * optional attendee beside everyone already invited; the mentor's observations stay out of the
 * mentee's view until the mentor shares them.
 */

jest.setTimeout(180_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const subject = 'Product leadership sync';
const observation = 'Every question went to the most senior person in the room.';

let service: TestService;
let browser: Browser;
let graph: GraphSession;
let tabUrl: (hash: string) => string;
/** The service's clock runs this far ahead of real time: the test moves it past the meeting's start. */
let ahead = 0;
let meeting: Event;

beforeAll(async () => {
  service = await startTestService({ clock: () => new Date(Date.now() + ahead) });
  const { db } = service.database;
  const tenantId = service.standIn.tenantId;
  await recordPersonas(service, [mentee, mentor]);
  await aPair(db, tenantId, { status: 'active', mentorUserId: mentor.id, menteeUserId: mentee.id });
  graph = graphGatewayFor(service.standIn).forApp(tenantId);
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCHours(14, 0, 0, 0);
  const colleagues = service.standIn.org.people.slice(30, 32).map((p) => p.user);
  meeting = await graph.send<Event>('POST', `/users/${mentee.id}/events`, {
    subject,
    start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
    end: { dateTime: new Date(start.getTime() + 3_600_000).toISOString().slice(0, 19), timeZone: 'UTC' },
    attendees: colleagues.map((c) => ({ type: 'required', emailAddress: { address: c.mail, name: c.displayName } })),
  });
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const openAs = (person: Persona): Promise<Page> => openTabAs(browser, tabUrl, person, 'workspace');
const card = (page: Page) => page.getByRole('region', { name: 'Shadowing', exact: true });

describe('shadowing', () => {
  test('the mentee offers a meeting; the mentor accepts and is invited as an optional attendee', async () => {
    const page = await openAs(mentee);
    await card(page).getByText('You have not offered a meeting yet.').waitFor();
    await card(page).getByRole('button', { name: 'Choose a meeting to offer' }).click();
    await card(page).getByRole('radio', { name: new RegExp(`^${subject},`) }).check();
    await card(page).getByRole('textbox', { name: 'Note to the other attendees (optional)' }).fill('Jun joins to learn how we run this meeting.');
    await card(page).getByRole('button', { name: 'Offer this meeting' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(`Offer this meeting to ${nameOf(mentor)}?`).waitFor();
    await expectNoAxeViolations(page, 'offer confirmation');
    await dialog.getByRole('button', { name: 'Offer', exact: true }).click();
    await card(page).getByText('Waiting for an answer').waitFor();
    await expectNoAxeViolations(page, 'mentee shadowing card');
    await page.context().close();

    const junior = await openAs(mentor);
    await card(junior).getByText('Note to the attendees: Jun joins to learn how we run this meeting.').waitFor();
    await card(junior).getByRole('button', { name: 'Accept', exact: true }).click();
    await junior.getByRole('alertdialog').getByRole('button', { name: 'Accept and join' }).click();
    await card(junior).getByText('Accepted', { exact: true }).waitFor();
    await screenshot(junior, 'shadowing-mentor-accepted');
    await junior.context().close();

    const event = await graph.get<Event>(`/users/${mentee.id}/events/${meeting.id}?$select=attendees`);
    const invited = (event.attendees ?? []).map((a) => ({ address: a.emailAddress?.address?.toLowerCase(), type: a.type }));
    expect(invited).toEqual([
      ...(meeting.attendees ?? []).map((a) => ({ address: a.emailAddress?.address?.toLowerCase(), type: 'required' })),
      { address: service.standIn.org.byId.get(mentor.id)!.user.mail.toLowerCase(), type: 'optional' },
    ]);
  });

  test('the mentor’s observation stays out of the mentee’s view until the mentor shares it', async () => {
    ahead = 3 * 86_400_000;
    const junior = await openAs(mentor);
    const form = card(junior).getByRole('form', { name: 'Your observations' });
    await form.getByRole('textbox', { name: 'What I saw' }).fill(observation);
    await form.getByRole('textbox', { name: 'The effect I noticed' }).fill('Two newer colleagues did not speak at all.');
    await form.getByRole('textbox', { name: 'One thing to try' }).fill('Ask the newest person to open the discussion.');
    await form.getByRole('button', { name: 'Save observations' }).click();
    await card(junior).getByText(`Only you can see these observations. ${nameOf(mentee)} sees them once you share them.`).waitFor();
    await expectNoAxeViolations(junior, 'mentor observations');

    const page = await openAs(mentee);
    await card(page).getByText(`${nameOf(mentor)} has not shared observations of this meeting yet.`).waitFor();
    await expect(page.getByText(observation).count()).resolves.toBe(0);
    await page.context().close();

    await card(junior).getByRole('button', { name: 'Share with my partner' }).click();
    await junior.getByRole('alertdialog').getByRole('button', { name: 'Share', exact: true }).click();
    await card(junior).getByText(`Shared with ${nameOf(mentee)}`).waitFor();
    await junior.context().close();

    const after = await openAs(mentee);
    await card(after).getByText(observation).waitFor();
    await after.getByRole('region', { name: 'Agenda', exact: true }).getByText(`Shadowing debrief: ${subject}`).waitFor();
    await screenshot(after, 'shadowing-mentee-shared');
    await after.context().close();
  });
});
