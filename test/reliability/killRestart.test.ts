import { sql } from 'kysely';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../../dev/m365StandIn';
import { standInEnvironment } from '../../dev/standInEnvironment';
import { abandonedBookingJobKind } from '../../server/jobs/booking/abandonedBookings';
import { botJobKinds } from '../../server/jobs/botMessages/botJobs';
import { scheduleJobs } from '../../server/jobs/jobQueue';
import { testEngines, type TestDatabase } from '../harness/databases';
import { aPair, chatsWithTheBot } from '../harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../harness/teamsConnector';
import { startHoldingProxy } from './support/holdingProxy';
import { type ServiceProcess, startServiceProcess } from './support/serviceProcess';
import { waitForWithin } from '../harness/waitFor';
const waitFor = waitForWithin(20_000);

const postgres = testEngines().find((e) => e.name === 'postgres');
// The service runs as its own process, so the database must be one both processes reach: the Postgres server (CI requires it).
const describeWithPostgres = postgres ? describe : describe.skip;

/*
 * The real service, as a child process on Postgres and the Microsoft 365 stand-in, killed with
 * SIGKILL while a booking or a reminder run is in flight, then started again.
 */
describeWithPostgres('the service killed mid-flight and restarted', () => {
  let standIn: M365StandIn;
  let teams: TeamsConnector;
  let database: TestDatabase;
  let service: ServiceProcess | null = null;
  let tenantId: string;
  const teamsAppCatalogId = 'upward-kill-restart';

  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, seed: 'kill-restart', size: 120 });
    // What Teams takes lands in the person's chat with Upward, where Graph shows it.
    teams = await startTeamsConnector({ onAccepted: (taken) => standIn.teamsChats.postFromBot(taken.conversationId.replace(/^a:kill-/, ''), teamsAppCatalogId, taken.activity) });
    tenantId = standIn.tenantId.toLowerCase();
  });
  beforeEach(async () => {
    database = await postgres!.create();
  });
  afterEach(async () => {
    await service?.kill();
    service = null;
    standIn.faults.clear();
    teams.inject([]);
    await database.drop();
  });
  afterAll(async () => {
    await teams.stop();
    await standIn.stop();
  });

  const start = () => startServiceProcess({ ...standInEnvironment(standIn), BOT_AUTH: 'entra', DATABASE_URL: database.url!, JOB_LEASE_SECONDS: '2', TEAMS_APP_CATALOG_ID: teamsAppCatalogId });

  /**
   * Books a session for a new pair at `hour` (UTC, ten days ahead) and kills the service the moment
   * Graph has created the event, before the service hears so: the row cannot have been stored.
   */
  async function bookingCutOffAfterTheEvent(hour: number) {
    const leader = DEMO_PERSONAS.seniorLeader.id;
    const pair = await aPair(database.db, tenantId, { mentorUserId: DEMO_PERSONAS.juniorMentor.id, menteeUserId: leader });
    const slotStart = new Date(Date.now() + 10 * 86_400_000);
    slotStart.setUTCHours(hour, 0, 0, 0);
    const body = JSON.stringify({ start: slotStart.toISOString(), end: new Date(slotStart.getTime() + 3_600_000).toISOString(), venue: { kind: 'online', ref: null } });
    const book = async (url: string) =>
      fetch(`${url}/api/pairs/${pair.id}/sessions`, { method: 'POST', headers: { authorization: `Bearer ${await standIn.issueToken(leader)}`, 'content-type': 'application/json' }, body });
    const eventsBefore = standIn.eventCount(leader);

    const proxy = await startHoldingProxy(standIn.url);
    service = await startServiceProcess({ ...standInEnvironment(standIn), BOT_AUTH: 'entra', GRAPH_BASE_URL: `${proxy.url}/v1.0`, DATABASE_URL: database.url!, JOB_LEASE_SECONDS: '2' });
    proxy.holdNextAnswer('POST', /^\/v1\.0\/users\/[^/]+\/events$/);
    const cutOff = book(service.url).then((r) => r.status, () => 'connection lost');
    await waitFor('Graph to create the event', () => proxy.held.length === 1);
    await service.kill();
    await proxy.stop();
    expect(proxy.held).toEqual([expect.objectContaining({ status: 201 })]);
    expect(await cutOff).toBe('connection lost');
    expect(standIn.eventCount(leader)).toBe(eventsBefore + 1);
    const sessions = () => database.db.selectFrom('sessions').selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).execute();
    expect(await sessions()).toEqual([]);
    return { leader, slotStart, book, sessions, eventsBefore };
  }

  it('a booking cut off after Graph created the event leaves no half-written session, and its retry completes it with that same event', async () => {
    const { leader, book, sessions, eventsBefore } = await bookingCutOffAfterTheEvent(11);
    expect(await database.db.selectFrom('booking_intents').selectAll().execute()).toHaveLength(1);

    service = await start();
    // The retry knows the first attempt got as far as Graph (its booking intent), so it takes back
    // the event Graph created then (same transactionId) instead of seeing it as somebody else's.
    const retried = await book(service.url);
    expect(retried.status).toBe(201);
    const stored = await sessions();
    expect(stored).toHaveLength(1);
    const event = await fetch(`${standIn.graphBaseUrl}/users/${leader}/events/${stored[0]!.event_id}`, {
      headers: { authorization: `Bearer ${await standIn.issueAppToken()}` },
    });
    expect(event.status).toBe(200);
    expect(standIn.eventCount(leader)).toBe(eventsBefore + 1);
    expect(await database.db.selectFrom('booking_intents').selectAll().execute()).toEqual([]);
  }, 60_000);

  it('a booking cut off after Graph created the event and never retried is settled after the restart: its event cancelled, no session, no intent', async () => {
    // Another hour than the first test's booking, which stays in the same stand-in calendar.
    const { leader, slotStart, sessions, eventsBefore } = await bookingCutOffAfterTheEvent(7);
    const [intent] = await database.db.selectFrom('booking_intents').selectAll().execute();
    expect(intent).toMatchObject({ organizer_user_id: leader, starts_at: slotStart });

    // Nobody retries. The sweep waits a quarter of an hour for a retry; rather than wait, the intent
    // is made that old (all the sweep compares is its age), and the restarted service settles it alone.
    await sql`update booking_intents set created_at = created_at - interval '16 minutes'`.execute(database.db);
    service = await start();
    await waitFor('the restarted service to settle the booking', async () => (await database.db.selectFrom('booking_intents').selectAll().execute()).length === 0);

    expect(standIn.cancellations(leader).filter((c) => c.transactionId === intent!.transaction_id)).toEqual([
      expect.objectContaining({ to: expect.arrayContaining([DEMO_PERSONAS.seniorLeader, DEMO_PERSONAS.juniorMentor].map((p) => standIn.org.byId.get(p.id)!.user.mail.toLowerCase())) }),
    ]);
    expect(standIn.eventCount(leader)).toBe(eventsBefore);
    expect(await sessions()).toEqual([]);
    expect(await database.db.selectFrom('jobs').select('outcome').where('kind', '=', abandonedBookingJobKind).execute()).toEqual([{ outcome: 'sent' }]);
  }, 60_000);

  it('a reminder run killed mid-batch loses none and sends none twice: what was in flight at the kill is found in the chat, not sent again', async () => {
    const people = standIn.org.people.slice(20, 50);
    // No working hours: the run sends at once whatever the time of day (the mailbox is still read through Graph).
    for (const p of people) delete (p.mailboxSettings as { workingHours?: unknown }).workingHours;
    for (const p of people) standIn.teamsChats.install(p.user.id, teamsAppCatalogId);
    const now = new Date();
    await chatsWithTheBot(database.db, tenantId, { userIds: people.map((p) => p.user.id), serviceUrl: teams.url, conversationPrefix: 'a:kill-' });
    await scheduleJobs(
      database.db,
      people.map((p) => ({ tenantId, kind: botJobKinds.nudge, dedupeKey: `kill-test:${p.user.id}`, payload: { userId: p.user.id, nudge: 'no-session' }, runAt: new Date(now.getTime() - 1000) })),
    );
    const nudgeJobs = () => database.db.selectFrom('jobs').selectAll().where('tenant_id', '=', tenantId).where('kind', '=', botJobKinds.nudge).execute();
    const userOf = (conversationId: string) => conversationId.replace(/^a:kill-/, '');
    const receivedBefore = teams.received.length;

    // The worker claims 20 at a time: Teams answers the first 10 and holds the next 10 unanswered.
    teams.inject([...Array.from({ length: 10 }, () => ({ delayMs: 0 })), ...Array.from({ length: 10 }, () => ({ hold: true as const }))]);
    service = await start();
    await waitFor('10 recorded as sent and 10 held by Teams', async () => teams.held.length === 10 && (await nudgeJobs()).filter((j) => j.done_at).length === 10);
    await service.kill();

    const atKill = await nudgeJobs();
    const recorded = new Set(atKill.filter((j) => j.done_at).map((j) => String(j.payload.userId)));
    const inFlight = new Set(teams.held.map((h) => userOf(h.conversationId)));
    const neverClaimed = new Set(atKill.filter((j) => !j.done_at && !j.locked_by).map((j) => String(j.payload.userId)));
    expect([recorded.size, inFlight.size, neverClaimed.size]).toEqual([10, 10, 10]);
    // Nothing half-written: a job is either done with an outcome, or not done and leased (it runs again when the lease ends).
    for (const j of atKill) expect(j.done_at ? j.outcome === 'sent' && j.locked_until === null : j.outcome === null).toBe(true);

    teams.held.length = 0;
    standIn.stats.reset();
    service = await start();
    await waitForWithin(30_000)('every job done', async () => (await nudgeJobs()).every((j) => j.done_at));

    const deliveries = new Map<string, number>();
    for (const r of teams.received.slice(receivedBefore)) deliveries.set(userOf(r.conversationId), (deliveries.get(userOf(r.conversationId)) ?? 0) + 1);
    // Each person exactly once: none lost, and none of the ten Teams took before the kill sent again.
    expect(people.map((p) => deliveries.get(p.user.id) ?? 0)).toEqual(people.map(() => 1));
    expect((await nudgeJobs()).map((j) => j.outcome)).toEqual(people.map(() => 'sent'));
    // Only the jobs in doubt (handed to Teams, never recorded) read their person's chat first.
    const chatReads = Object.entries(standIn.stats.get().byPath).filter(([key]) => /^GET \/chats\/[^/]+\/messages$/.test(key));
    expect(chatReads.reduce((sum, [, n]) => sum + n, 0)).toBe(inFlight.size);
  }, 60_000);
});
