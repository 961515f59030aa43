import type { Event } from '@microsoft/microsoft-graph-types';
import { sql } from 'kysely';
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

/** The stand-in's copy of the event a session made, as Graph returns it. */
async function eventOf(eventId: string): Promise<Event> {
  const token = await service.standIn.issueAppToken();
  const response = await fetch(`${service.standIn.graphBaseUrl}/users/${leader.id}/events/${encodeURIComponent(eventId)}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Event;
}

it('opens on the pair’s sessions, books a neutral place, lists it, never offers it again, moves it, explains an empty list and cancels it', async () => {
  const { db } = service.database;
  const [pair] = await pairRepository(db, service.standIn.tenantId).listForUser(leader.id);
  expect(pair).toMatchObject({ status: 'accepted', mentee_user_id: leader.id, mentor_user_id: mentor.id });
  const mentorName = `${mentor.givenName} ${mentor.surname}`;
  const sessionRows = () => db.selectFrom('sessions').selectAll().where('pair_id', '=', pair!.id).execute();

  const page = await (await newPersonContext(browser, { width: 420 })).newPage();
  // The stand-in's real sign-in page (authorization code with PKCE), then back to the task pane.
  await signIn(page, `${service.url}/addin/taskpane.html`, `${leader.givenName} ${leader.surname}`);

  await page.getByRole('heading', { name: 'Plan an Upward session' }).waitFor();
  await page.getByText(`With ${mentorName}`).waitFor();
  const upcoming = page.getByRole('region', { name: 'Your upcoming sessions' });
  await upcoming.getByText('None booked yet.').waitFor();

  // Both London buildings are theirs, so no room is neutral for this pair: the room view shows only
  // rooms on neither home floor, under a heading that says they are fallbacks.
  await page.getByRole('radio', { name: 'Meeting room' }).check();
  const fallbacks = page.getByRole('region', { name: 'Fallback rooms' });
  await fallbacks.waitFor({ timeout: 60_000 });
  const fallbackTexts = await fallbacks.getByRole('listitem').allTextContents();
  expect(fallbackTexts.length).toBeGreaterThan(0);
  for (const text of fallbackTexts) expect(text).toMatch(/Fallback.*neither of your home floors/);
  expect(await page.getByRole('region', { name: 'Suggestions' }).count()).toBe(0);

  // In person (the default) leads with the neutral place: the off-site café the programme lists.
  await page.getByRole('radio', { name: 'In person' }).check();
  const suggestions = page.getByRole('region', { name: 'Suggestions' });
  await suggestions.waitFor({ timeout: 60_000 });
  const first = suggestions.getByRole('listitem').first();
  await expect(first.textContent()).resolves.toMatch(/Riverside Café, 12 Bankside, London.*Riverside Café is an off-site venue the programme lists/);
  expect(await axeViolations(page)).toEqual([]);

  // Office is absent in a plain browser, so the pane offers booking through the server, not filling an appointment.
  expect(await first.getByRole('button', { name: 'Fill this meeting' }).count()).toBe(0);
  const chosen = (await first.getAttribute('aria-label')) ?? '';
  const before = service.standIn.eventCount(leader.id);
  await first.getByRole('button', { name: 'Book it for us' }).click();

  // The confirmation: the time in the person's zone (named), the venue with its address, what the partner receives.
  const booked = page.locator('.fui-MessageBar').filter({ hasText: 'Booked' });
  await booked.waitFor({ timeout: 30_000 });
  const [row] = await sessionRows();
  expect(service.standIn.eventCount(leader.id)).toBe(before + 1);
  const local = await page.evaluate(([start, end]) => {
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(new Date(start)).find((p) => p.type === 'timeZoneName')!.value;
    const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    return `${time(start)}–${time(end)} ${zone}`;
  }, [row!.starts_at.toISOString(), row!.ends_at.toISOString()] as const);
  const confirmation = (await booked.textContent()) ?? '';
  expect(confirmation).toContain(local);
  expect(confirmation).toContain('Riverside Café, 12 Bankside, London');
  expect(confirmation).toContain(`${mentorName} receives a private invitation “Upward session” from your calendar`);

  const event = await eventOf(row!.event_id!);
  expect(event.subject).toBe('Upward session');
  expect(event.sensitivity).toBe('private');
  const mail = (id: string) => service.standIn.org.byId.get(id)!.user.mail.toLowerCase();
  const required = (event.attendees ?? []).filter((a) => a.type === 'required').map((a) => a.emailAddress?.address?.toLowerCase());
  expect(required.sort()).toEqual([mail(leader.id), mail(mentor.id)].sort());

  // Listed, and its time is never offered again.
  const listed = upcoming.getByRole('listitem');
  await expect(listed.count()).resolves.toBe(1);
  await listed.first().getByText(local, { exact: false }).waitFor();
  await suggestions.waitFor();
  const offered = await page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Book it for us' }) }).evaluateAll((items) => items.map((i) => i.firstElementChild?.getAttribute('aria-label') ?? ''));
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.map((label) => label.replace(/^Suggestion \d+: /, ''))).not.toContain(chosen.replace(/^Suggestion \d+: /, ''));

  // Reschedule: times for the same place; the event and the row move.
  await listed.first().getByRole('button', { name: 'Reschedule' }).click();
  await page.getByRole('heading', { name: /^Move the session on .* \(same place\) to$/ }).waitFor();
  const target = suggestions.getByRole('listitem').first();
  await target.getByRole('button', { name: 'Move it here' }).click();
  await page.locator('.fui-MessageBar').filter({ hasText: 'Moved' }).waitFor({ timeout: 30_000 });
  const [moved] = await sessionRows();
  expect(moved!.id).toBe(row!.id);
  expect(moved!.starts_at.getTime()).not.toBe(row!.starts_at.getTime());
  const movedEvent = await eventOf(moved!.event_id!);
  expect(Date.parse(`${movedEvent.start!.dateTime}Z`)).toBe(moved!.starts_at.getTime());

  // A programme that meets every 60 days: nothing in the fortnight may be booked, and the pane says why and what would help.
  await sql`update programmes set settings = jsonb_set(settings::jsonb, '{cadenceDays}', '60') where id = ${pair!.programme_id}`.execute(db);
  await page.getByRole('radio', { name: 'Online' }).check();
  const why = page.locator('.fui-MessageBar').filter({ hasText: 'Your next session is already booked' });
  await why.waitFor({ timeout: 60_000 });
  await expect(why.textContent()).resolves.toMatch(/You have a session on .*the one after it can be from .*Move that session if you need to meet sooner/);
  await why.getByRole('button', { name: /^Look from / }).waitFor();
  expect(await page.getByRole('region', { name: 'Suggestions' }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  // Cancel, after a confirmation: the event goes, the row is cancelled, times are offered again.
  const eventsBeforeCancel = service.standIn.eventCount(leader.id);
  await listed.first().getByRole('button', { name: 'Cancel session' }).click();
  await listed.first().getByRole('button', { name: 'Yes, cancel it' }).click();
  await page.locator('.fui-MessageBar').filter({ hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
  await upcoming.getByText('None booked yet.').waitFor();
  expect((await sessionRows())[0]!.status).toBe('cancelled');
  expect(service.standIn.eventCount(leader.id)).toBe(eventsBeforeCancel - 1);
  await suggestions.waitFor({ timeout: 60_000 });
});

it('serves the sign-in page the task pane opens with the Office dialog where nested app authentication is missing, Office.js first in its head', async () => {
  const response = await fetch(`${service.url}/addin/auth-dialog.html`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const head = /<head>([\s\S]*)<\/head>/.exec(html)?.[1] ?? '';
  expect(head).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  expect(html.indexOf('appsforoffice.microsoft.com')).toBeLessThan(html.indexOf('<script type="module"'));
  expect(response.headers.get('content-security-policy')).toContain('https://appsforoffice.microsoft.com');
});
