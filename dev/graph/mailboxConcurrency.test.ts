import { DEMO_PERSONAS } from '../demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../m365StandIn';

let standIn: M365StandIn;

beforeAll(async () => {
  standIn = await startM365StandIn({ port: 0, seed: 'concurrency', size: 60 });
});
afterAll(() => standIn.stop());
beforeEach(() => standIn.faults.clear());

const leader = DEMO_PERSONAS.seniorLeader.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;

async function get(path: string, token?: string) {
  const response = await fetch(`${standIn.graphBaseUrl}${path}`, { headers: { authorization: `Bearer ${token ?? (await standIn.issueAppToken())}` } });
  const body = (await response.json()) as { error?: { code?: string; message?: string } };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

// Each of these a lenient stand-in (the one before this test) failed: it answered every request.
describe('Outlook’s concurrency limit: at most 4 requests of one app on one mailbox at a time', () => {
  it('answers the fifth concurrent request on a mailbox 429 ApplicationThrottled with a Retry-After', async () => {
    // Slow requests hold the mailbox while they run, as slow Exchange calls do.
    standIn.faults.add({ path: `^/users/${leader}/mailboxSettings$`, delayMs: 300, count: 5 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => get(`/users/${leader}/mailboxSettings`)));
    const throttled = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(4);
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({ retryAfter: expect.stringMatching(/^\d+$/), body: { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } } });
    // Once they are answered, the mailbox takes requests again.
    expect((await get(`/users/${leader}/mailboxSettings`)).status).toBe(200);
  });

  it('counts a mailbox by its person whether named by id, by address or as /me, and counts each mailbox apart', async () => {
    const mail = standIn.org.byId.get(leader)!.user.mail;
    const delegated = await standIn.issueToken(leader, { audience: 'https://graph.microsoft.com', scopes: ['MailboxSettings.Read', 'Calendars.ReadWrite'] });
    standIn.faults.add({ path: '/mailboxSettings$', delayMs: 300, count: 6 });
    const answers = await Promise.all([
      get(`/users/${leader}/mailboxSettings`),
      get(`/users/${encodeURIComponent(mail)}/mailboxSettings`),
      get('/me/mailboxSettings', delegated),
      get(`/users/${leader}/mailboxSettings`),
      get(`/users/${mail.toUpperCase()}/mailboxSettings`),
      // Another person's mailbox has its own four.
      get(`/users/${admin}/mailboxSettings`),
    ]);
    // Which of the leader's five arrives last is up to the network: one of them, any.
    expect(answers.slice(0, 5).map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 429]);
    expect(answers[5]!.status).toBe(200);
  });

  it('throttles the steps of a $batch beyond four on one mailbox, each in the batch answer', async () => {
    standIn.faults.add({ path: '/calendar/getSchedule$', delayMs: 300, count: 5 });
    const window = { startTime: { dateTime: '2031-02-03T09:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2031-02-03T17:00:00', timeZone: 'UTC' } };
    const requests = Array.from({ length: 5 }, (_, i) => ({
      id: String(i + 1),
      method: 'POST',
      url: `/users/${leader}/calendar/getSchedule`,
      headers: { 'content-type': 'application/json' },
      body: { schedules: [standIn.org.people[i]!.user.mail], ...window },
    }));
    const response = await fetch(`${standIn.graphBaseUrl}/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await standIn.issueAppToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    const { responses } = (await response.json()) as { responses: { status: number; headers: Record<string, string> }[] };
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 429]);
    expect(responses.find((r) => r.status === 429)!.headers['Retry-After']).toMatch(/^\d+$/);
  });

  it('does not count requests outside a mailbox (the directory, places)', async () => {
    standIn.faults.add({ path: `^/users/${leader}$`, delayMs: 300, count: 6 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(`/users/${leader}`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
