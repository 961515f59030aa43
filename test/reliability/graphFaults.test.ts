import fc from 'fast-check';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import type { FaultRule } from '../../dev/graph/faults';
import { chainLookup } from '../../server/directory/reportingChainStore';
import { syncReportingLines } from '../../server/directory/reportingLineSync';
import { aPair, aParticipant, aProgramme } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';

/** A seeded run of Graph faults: throttling with Retry-After, unavailability, and slow answers. */
const faultPlan = (seed: number, paths: string[]) =>
  fc.sample(
    fc.record({
      path: fc.constantFrom(...paths),
      kind: fc.constantFrom('429', '503', 'slow'),
      count: fc.integer({ min: 1, max: 2 }),
    }),
    { seed, numRuns: 6 },
  ).map(({ path, kind, count }): FaultRule => (kind === 'slow' ? { path, delayMs: 300, count } : { path, status: Number(kind), retryAfterSeconds: kind === '429' ? 1 : undefined, count }));

describe('Microsoft Graph failing at random', () => {
  let service: TestService;
  beforeAll(async () => {
    // A short deadline per Graph attempt, so the test of a Graph that never answers is quick.
    service = await startTestService({ seed: 'faults', size: 160, env: { GRAPH_TIMEOUT_SECONDS: '2' } });
  });
  afterAll(async () => {
    await service?.close();
  });
  afterEach(() => service.standIn.faults.clear());

  it('the reporting-line sync ends with every chain right despite 429s, 503s and slow answers', async () => {
    const { db } = service.database;
    const tenantId = service.standIn.tenantId;
    const programme = await aProgramme(db, tenantId);
    const people = service.standIn.org.people.slice(10, 70).map((p) => p.user.id);
    for (const [i, userId] of people.entries()) await aParticipant(db, tenantId, { programmeId: programme.id, role: i % 2 ? 'mentee' : 'mentor', userId });
    for (const rule of faultPlan(7, ['^/\\$batch', '^/users'])) service.standIn.faults.add(rule);

    let report: Awaited<ReturnType<typeof syncReportingLines>> | undefined;
    // A run that gives up leaves what it finished; the next run (as the scheduler would) completes it.
    for (let attempt = 0; attempt < 3 && !report; attempt++) {
      report = await syncReportingLines({ db, directory: service.deps.directory, tenantId, now: new Date() }).catch(() => undefined);
    }
    expect(report?.synced).toBeGreaterThanOrEqual(people.length);
    const chains = await chainLookup(db, tenantId, people);
    for (const id of people) {
      let expected = service.standIn.org.byId.get(id)!.managerId;
      for (const managerId of chains(id)!.managerIds) {
        expect(managerId).toBe(expected);
        expected = service.standIn.org.byId.get(managerId)!.managerId;
      }
      expect(expected).toBeNull();
    }
  }, 60_000);

  it('booking through faults, retried by the client, makes one event and one session, never two', async () => {
    const { db } = service.database;
    const tenantId = service.standIn.tenantId;
    const pair = await aPair(db, tenantId, { mentorUserId: DEMO_PERSONAS.juniorMentor.id, menteeUserId: DEMO_PERSONAS.seniorLeader.id });
    const start = new Date(Date.now() + 9 * 86_400_000);
    start.setUTCHours(11, 0, 0, 0);
    const body = { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), venue: { kind: 'online', ref: null } };
    const eventsBefore = service.standIn.eventCount();
    for (const rule of faultPlan(11, ['/events', '/calendar', '^/\\$batch'])) service.standIn.faults.add(rule);
    // A late answer after the event was created is the hard case: the client retries, the transactionId holds.
    service.standIn.faults.add({ path: '/events$', method: 'POST', delayMs: 200, count: 1 });

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const res = await service.api('POST', `/api/pairs/${pair.id}/sessions`, { as: DEMO_PERSONAS.seniorLeader.id, body });
      statuses.push(res.status);
      expect(res.status).toBeLessThan(600);
      if (res.status < 300) break;
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect(statuses.at(-1)).toBeLessThan(300);
    const sessions = await db.selectFrom('sessions').selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).execute();
    expect(sessions.filter((s) => s.status === 'planned')).toHaveLength(1);
    expect(sessions[0]!.event_id).toBeTruthy();
    expect(service.standIn.eventCount(DEMO_PERSONAS.seniorLeader.id) + service.standIn.eventCount(DEMO_PERSONAS.juniorMentor.id)).toBeGreaterThan(0);
    // Retrying once more after success changes nothing: the answer names the session already booked.
    const again = await service.api('POST', `/api/pairs/${pair.id}/sessions`, { as: DEMO_PERSONAS.seniorLeader.id, body });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'sessionExists', session: { id: sessions[0]!.id } });
    expect(await db.selectFrom('sessions').select('id').where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).execute()).toHaveLength(1);
    const created = service.standIn.eventCount() - eventsBefore;
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThanOrEqual(2); // the organizer's event, and at most the attendee's copy
  }, 60_000);

  it('answers 503 with a clear problem, never 500, when Graph keeps failing or never answers, and works again once Graph does', async () => {
    const search = () => service.api('GET', '/api/directory/people?q=Pri', { as: DEMO_PERSONAS.programmeAdmin.id });
    const expectProblem = (res: Awaited<ReturnType<typeof search>>, detail: RegExp) => {
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect((res.body as { detail: string }).detail).toMatch(detail);
    };
    // More 503s than the gateway retries.
    service.standIn.faults.add({ path: '^/users', status: 503, retryAfterSeconds: 0, count: 10 });
    expectProblem(await search(), /Try again/);
    service.standIn.faults.clear();
    // An answer that would come long after the attempt's deadline.
    service.standIn.faults.add({ path: '^/users', delayMs: 10_000, count: 1 });
    const started = Date.now();
    expectProblem(await search(), /did not answer in time/);
    expect(Date.now() - started).toBeLessThan(15_000);
    service.standIn.faults.clear();
    // A permission withdrawn in the tenant.
    service.standIn.faults.add({ path: '^/users', status: 403, count: 1 });
    expectProblem(await search(), /permissions/);
    expect((await search()).status).toBe(200);
  }, 60_000);
});
