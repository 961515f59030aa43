import type { Event } from '@microsoft/microsoft-graph-types';
import type { Browser } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { seedDemo } from '../../dev/seedDemo';
import { pairRepository } from '../../server/pairs/pairRepository';
import { startTestService, type TestService } from '../harness/testService';
import { axeViolations, launchChromium, newPersonContext, signIn } from './support/tabBrowser';

/*
 * The Outlook add-in's task pane in a real Chromium, as a plain browser (no Office), against the
 * real service and the Microsoft 365 stand-in with the demo programme `npm start` seeds.
 */

jest.setTimeout(180_000);

const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;

let service: TestService;
let browser: Browser;

beforeAll(async () => {
  service = await startTestService();
  await seedDemo(service.deps, service.standIn.org, new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

it('books a private session with a neutral subject at a neutral room for the personas’ pair from the task pane', async () => {
  const [pair] = await pairRepository(service.database.db, service.standIn.tenantId).listForUser(leader.id);
  expect(pair).toMatchObject({ status: 'accepted', mentee_user_id: leader.id, mentor_user_id: mentor.id });

  const page = await (await newPersonContext(browser, { width: 420 })).newPage();
  // The stand-in's real sign-in page (authorization code with PKCE), then back to the task pane.
  await signIn(page, `${service.url}/addin/taskpane.html`, `${leader.givenName} ${leader.surname}`);

  await page.getByRole('heading', { name: 'Plan an Upward session' }).waitFor();
  await page.getByText(`With ${mentor.givenName} ${mentor.surname}`).waitFor();
  await page.getByRole('radio', { name: 'Meeting room' }).check();
  const suggestions = page.getByRole('region', { name: 'Suggestions' });
  await suggestions.waitFor({ timeout: 60_000 });
  const first = suggestions.getByRole('listitem').first();
  await expect(first.textContent()).resolves.toMatch(/neither of your home floors|building neither of you works in/);
  expect(await axeViolations(page)).toEqual([]);

  const before = service.standIn.eventCount(leader.id);
  // Office is absent in a plain browser, so the pane offers booking through the server, not filling an appointment.
  expect(await first.getByRole('button', { name: 'Fill this meeting' }).count()).toBe(0);
  await first.getByRole('button', { name: 'Book it for us' }).click();
  await page.getByText('Booked', { exact: true }).waitFor({ timeout: 30_000 });
  expect(service.standIn.eventCount(leader.id)).toBe(before + 1);

  const session = await service.database.db.selectFrom('sessions').selectAll().where('pair_id', '=', pair!.id).executeTakeFirstOrThrow();
  const token = await service.standIn.issueAppToken();
  const response = await fetch(`${service.standIn.graphBaseUrl}/users/${leader.id}/events/${encodeURIComponent(session.event_id!)}`, { headers: { authorization: `Bearer ${token}` } });
  const event = (await response.json()) as Event;
  const mail = (id: string) => service.standIn.org.byId.get(id)!.user.mail.toLowerCase();
  expect(event.subject).toBe('Upward session');
  expect(event.sensitivity).toBe('private');
  const required = (event.attendees ?? []).filter((a) => a.type === 'required').map((a) => a.emailAddress?.address?.toLowerCase());
  expect(required.sort()).toEqual([mail(leader.id), mail(mentor.id)].sort());
  const room = (event.attendees ?? []).find((a) => a.type === 'resource')!;
  expect(room.status?.response).toBe('accepted');
  const booked = service.standIn.org.rooms.find((r) => r.emailAddress.toLowerCase() === room.emailAddress?.address?.toLowerCase())!;
  // Neutral: not an executive area, and not on either person's home floor.
  expect(booked.tags).not.toContain('executive');
  const homes = [leader.id, mentor.id].map((id) => service.standIn.org.byId.get(id)!.user.officeLocation);
  expect(homes).not.toContain(`${booked.building}, floor ${booked.floorNumber}`);
  expect((session.venue as { neutrality?: string }).neutrality).toMatch(/neither/);
});
