import { randomUUID } from 'node:crypto';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aPerson, aProgramme, aSession } from '../../server/testing/factories';
import { testEngines, type TestEngine } from '../../server/testing/databases';
import { startTeamsConnector, type TeamsConnector } from '../../server/testing/teamsConnector';
import { startTestService, type ApiResponse, type TestService } from '../../server/testing/testService';
import { loadSqlParser, tenantScopeViolations } from './tenantScopeChecker';

const admin = DEMO_PERSONAS.programmeAdmin.id;
const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const stranger = DEMO_PERSONAS.juniorInLeadersChain.id;
const otherTenant = 'f0f0f0f0-0000-4000-8000-00000000beef';

/*
 * The evidence that Upward can be distributed by tenant: the service runs the API's flows (every
 * route family, the bot and the background jobs) with a second tenant's rows in the same tables,
 * Kysely's log records every statement the service sends, and each is read with Postgres's own
 * parser. Any statement that reaches a tenant table (every table with a tenant_id column) without
 * holding it to one tenant fails the test, unless it carries the marker of a named cross-tenant job.
 */
describe('every statement the service sends is held to one tenant', () => {
  const statements: string[] = [];
  let recording = false;
  let service: TestService;
  let teams: TeamsConnector;
  let tenantId: string;
  let tenantTables: Set<string>;
  const now = new Date('2026-03-10T12:00:00Z');

  // Postgres when the server answers (CI), PGlite otherwise: the log is the client's, the same for both.
  const engine = testEngines().at(-1)!;
  const recordingEngine: TestEngine = {
    name: engine.name,
    create: (options) =>
      engine.create({
        ...options,
        log: (event) => {
          if (recording) statements.push(event.query.sql);
        },
      }),
  };

  beforeAll(async () => {
    await loadSqlParser();
    teams = await startTeamsConnector();
    service = await startTestService({ engine: recordingEngine, clock: () => now });
    tenantId = service.standIn.tenantId.toLowerCase();
    const columns = await service.database.db
      .selectFrom('information_schema.columns' as never)
      .select(['table_name' as never])
      .where('column_name' as never, '=', 'tenant_id' as never)
      .where('table_schema' as never, '=', 'public' as never)
      .execute();
    tenantTables = new Set(columns.map((c) => String((c as { table_name: string }).table_name)));
    await seedOtherTenant();
    recording = true;
  });
  afterAll(async () => {
    await service?.close();
    await teams?.stop();
  });

  /** The same people, programme, pair and session in a second tenant, so that a statement that forgets the tenant would find them. */
  async function seedOtherTenant(): Promise<void> {
    const db = service.database.db;
    for (const p of [leader, mentor]) await aPerson(db, otherTenant, { userId: p.id });
    const programme = await aProgramme(db, otherTenant);
    const pair = await aPair(db, otherTenant, { programmeId: programme.id, status: 'active', mentorUserId: mentor.id, menteeUserId: leader.id });
    await aSession(db, otherTenant, { pairId: pair.id, startsAt: new Date('2026-03-12T10:00:00Z') });
  }

  /** Runs one flow and returns what its statements got wrong, each with the statement. */
  async function violationsDuring(flow: () => Promise<void>): Promise<string[]> {
    const from = statements.length;
    await flow();
    const sent = statements.slice(from);
    expect(sent.length).toBeGreaterThan(0);
    return [...new Set(sent.flatMap((sql) => tenantScopeViolations(sql, tenantTables).map((v) => `${v}: ${sql}`)))];
  }

  /** Calls the API and insists it answered as the flow expects, so the statements are those of a real success. */
  async function call(method: string, path: string, options: { as: string; body?: unknown }, expected = [200, 201, 204]): Promise<ApiResponse> {
    const response = await service.api(method, path, options);
    if (!expected.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response;
  }

  it('programmes, enrolment, participants and matching', async () => {
    const violations = await violationsDuring(async () => {
      const programme = await call('POST', '/api/programmes', { as: admin, body: { name: 'Scoped 2027', startsOn: '2027-01-04' } });
      const id = programme.body.id as string;
      await call('GET', '/api/programmes', { as: admin });
      await call('GET', `/api/programmes/${id}`, { as: admin });
      await call('PATCH', `/api/programmes/${id}`, { as: admin, body: { status: 'open', settings: { cadenceDays: 21 } } });
      await call('POST', `/api/programmes/${id}/enrolment`, { as: leader.id, body: { role: 'mentee', learningGoals: ['social media'], languages: ['en'], meetingPreference: 'either' } });
      await call('GET', '/api/enrolment/programmes', { as: leader.id });
      await call('POST', `/api/programmes/${id}/participants`, { as: admin, body: { userId: mentor.id, role: 'mentor', languages: ['en'] } });
      const people = await call('GET', `/api/programmes/${id}/participants`, { as: admin });
      const mail = service.standIn.org.byId.get(stranger)!.user.mail;
      await call('POST', `/api/programmes/${id}/participants/import?mode=valid-rows`, { as: admin, body: `email,role,offers,languages\n${mail},mentor,social media,en\n` });
      await call('PUT', `/api/programmes/${id}/matching/constraints`, { as: admin, body: { kind: 'block', mentorUserId: stranger, menteeUserId: leader.id } }, [204, 400]);
      await call('GET', `/api/programmes/${id}/matching/constraints`, { as: admin });
      const run = await call('POST', `/api/programmes/${id}/matching/runs`, { as: admin });
      await call('GET', `/api/programmes/${id}/matching/runs/latest`, { as: admin });
      await call('POST', `/api/programmes/${id}/matching/runs/${run.body.id}/publish`, { as: admin });
      await call('DELETE', `/api/programmes/${id}/matching/constraints`, { as: admin, body: { mentorUserId: stranger, menteeUserId: leader.id } }, [204, 400, 404]);
      const removable = (people.body.participants as { id: string; userId: string }[]).find((p) => p.userId === mentor.id);
      if (removable) await call('DELETE', `/api/programmes/${id}/participants/${removable.id}`, { as: admin }, [204, 409]);
      await call('GET', '/api/directory/people?q=a', { as: admin }, [200, 400]);
    });
    expect(violations).toEqual([]);
  });
});
