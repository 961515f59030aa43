import { sql } from 'kysely';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { DEMO_STORIES_CHANNEL_ID, DEMO_TEAM_ID } from '../../dev/demoOrg/tenant';
import { aPair, aPerson, aProgramme, aSession } from '../harness/factories';
import { testEngines, type TestEngine } from '../harness/databases';
import { startTeamsConnector, type TeamsConnector } from '../harness/teamsConnector';
import { startTestService, type ApiResponse, type TestService } from '../harness/testService';
import { waitFor } from '../harness/waitFor';
import { acrossTenantsMarker, type CrossTenantJob } from '../../server/store/tenantScope';
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
  let now = new Date('2026-03-10T12:00:00Z');

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
    const columns = await sql<{ table_name: string }>`select table_name from information_schema.columns where column_name = 'tenant_id' and table_schema = current_schema()`.execute(service.database.db);
    tenantTables = new Set(columns.rows.map((c) => c.table_name));
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

  /** Calls the API and insists it succeeded, so the statements logged are those of the operation done, not of a refusal. */
  async function call<T = { id: string }>(method: string, path: string, options: { as: string; body?: unknown }): Promise<ApiResponse<T>> {
    const response = await service.api<T>(method, path, options);
    if (![200, 201, 204].includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response;
  }

  it('programmes, enrolment, participants and matching', async () => {
    const violations = await violationsDuring(async () => {
      const programme = await call('POST', '/api/programmes', { as: admin, body: { name: 'Scoped 2027', startsOn: '2027-01-04' } });
      const id = programme.body.id;
      await call('GET', '/api/programmes', { as: admin });
      await call('GET', `/api/programmes/${id}`, { as: admin });
      await call('PATCH', `/api/programmes/${id}`, { as: admin, body: { status: 'open', settings: { cadenceDays: 21 } } });
      await call('POST', `/api/programmes/${id}/enrolment`, { as: leader.id, body: { role: 'mentee', learningGoals: ['social media'], languages: ['en'], meetingPreference: 'either' } });
      await call('GET', '/api/enrolment/programmes', { as: leader.id });
      await call('POST', `/api/programmes/${id}/participants`, { as: admin, body: { userId: mentor.id, role: 'mentor', languages: ['en'] } });
      const people = await call<{ participants: { id: string; userId: string }[] }>('GET', `/api/programmes/${id}/participants`, { as: admin });
      const mail = service.standIn.org.byId.get(stranger)!.user.mail;
      await call('POST', `/api/programmes/${id}/participants/import?mode=valid-rows`, { as: admin, body: `email,role,offers,languages\n${mail},mentor,social media,en\n` });
      await call('PUT', `/api/programmes/${id}/matching/constraints`, { as: admin, body: { kind: 'block', mentorUserId: stranger, menteeUserId: leader.id } });
      await call('GET', `/api/programmes/${id}/matching/constraints`, { as: admin });
      const run = await call('POST', `/api/programmes/${id}/matching/runs`, { as: admin });
      await call('GET', `/api/programmes/${id}/matching/runs/latest`, { as: admin });
      await call('POST', `/api/programmes/${id}/matching/runs/${run.body.id}/publish`, { as: admin });
      await call('DELETE', `/api/programmes/${id}/matching/constraints`, { as: admin, body: { mentorUserId: stranger, menteeUserId: leader.id } });
      const enrolled = people.body.participants.find((p) => p.userId === mentor.id)!;
      await call('DELETE', `/api/programmes/${id}/participants/${enrolled.id}`, { as: admin });
      await call('GET', '/api/directory/people?q=Ju', { as: admin });
    });
    expect(violations).toEqual([]);
  });

  /** An active pair of the leader and the mentor, as the directory sync leaves them (mail, office, city). */
  async function aPairOfTheDemoPeople(): Promise<string> {
    const db = service.database.db;
    for (const p of [leader, mentor]) {
      const { user } = service.standIn.org.byId.get(p.id)!;
      await aPerson(db, tenantId, { userId: p.id, displayName: `${p.givenName} ${p.surname}` });
      await db.updateTable('directory_users').set({ mail: user.mail, office_location: user.officeLocation, city: user.city }).where('tenant_id', '=', tenantId).where('user_id', '=', p.id).execute();
    }
    return (await aPair(db, tenantId, { status: 'active', mentorUserId: mentor.id, menteeUserId: leader.id })).id;
  }

  it('pairs, their workspace items, concerns and stories', async () => {
    const pairId = await aPairOfTheDemoPeople();
    const session = await aSession(service.database.db, tenantId, { pairId, startsAt: new Date('2026-03-16T10:00:00Z') });
    const violations = await violationsDuring(async () => {
      const pairPath = `/api/pairs/${pairId}`;
      await call('GET', '/api/pairs', { as: leader.id });
      await call('GET', `${pairPath}/workspace`, { as: mentor.id });
      await call('POST', `${pairPath}/charter/sign`, { as: leader.id });
      const agenda = await call('POST', `${pairPath}/agenda`, { as: leader.id, body: { text: 'Town halls', sessionId: session.id } });
      const second = await call('POST', `${pairPath}/agenda`, { as: leader.id, body: { text: 'Hybrid meetings' } });
      await call('PATCH', `${pairPath}/agenda/${agenda.body.id}`, { as: leader.id, body: { text: 'Town halls, reworded' } });
      const suggestion = await call('POST', `${pairPath}/agenda/suggestions`, { as: mentor.id, body: { text: 'Reverse shadowing' } });
      await call('POST', `${pairPath}/agenda/${suggestion.body.id}/answer`, { as: leader.id, body: { answer: 'accept' } });
      await call('PUT', `${pairPath}/agenda/order`, { as: leader.id, body: { itemIds: [suggestion.body.id, second.body.id, agenda.body.id] } });
      await call('DELETE', `${pairPath}/agenda/${second.body.id}`, { as: leader.id });
      const reflection = await call('POST', `${pairPath}/reflections`, { as: leader.id, body: { text: 'I interrupted twice.' } });
      await call('PATCH', `${pairPath}/reflections/${reflection.body.id}`, { as: leader.id, body: { sharedWithPartner: true } });
      await call('DELETE', `${pairPath}/reflections/${reflection.body.id}`, { as: leader.id });
      const takeaway = await call('POST', `${pairPath}/takeaways`, { as: mentor.id, body: { text: 'Juniors speak first', sessionId: session.id } });
      await call('POST', `${pairPath}/takeaways/${takeaway.body.id}/confirm`, { as: leader.id });
      const commitment = await call('POST', `${pairPath}/commitments`, { as: leader.id, body: { text: 'Invite a junior', dueOn: '2026-04-01' } });
      await call('PATCH', `${pairPath}/commitments/${commitment.body.id}`, { as: leader.id, body: { status: 'kept' } });
      const praise = await call('POST', `${pairPath}/praise`, { as: leader.id, body: { text: 'You changed my meetings.' } });
      await call('PATCH', `${pairPath}/praise/${praise.body.id}`, { as: mentor.id, body: { shareWithManager: true } });
      const concern = await call('POST', '/api/concerns', { as: mentor.id, body: { pairId, text: 'Sessions keep being cancelled.' } });
      await call('GET', '/api/concerns/mine', { as: mentor.id });
      await call('GET', '/api/admin/concerns?status=open', { as: admin });
      await call('PATCH', `/api/admin/concerns/${concern.body.id}`, { as: admin, body: { status: 'in-progress' } });
      await call('PUT', `${pairPath}/story`, { as: mentor.id, body: { text: 'We changed how town halls work.' } });
      await call('GET', `${pairPath}/story`, { as: leader.id });
      for (const as of [leader.id, mentor.id]) await call('POST', `${pairPath}/story/consent`, { as, body: { version: 0, consent: true } });
      const programmeId = (await service.database.db.selectFrom('pairs').select('programme_id').where('tenant_id', '=', tenantId).where('id', '=', pairId).executeTakeFirstOrThrow()).programme_id;
      await call('PATCH', `/api/programmes/${programmeId}`, { as: admin, body: { storyChannel: { teamId: DEMO_TEAM_ID, channelId: DEMO_STORIES_CHANNEL_ID, displayName: 'Upward stories' } } });
      const stories = await call<{ stories: { id: string }[] }>('GET', `/api/programmes/${programmeId}/stories`, { as: admin });
      expect(stories.body.stories).toHaveLength(1);
      await call('POST', `/api/admin/stories/${stories.body.stories[0]!.id}/post`, { as: admin });
      await call('GET', `${pairPath}/partner/photo`, { as: leader.id });
      await call('POST', `${pairPath}/pause`, { as: leader.id });
    });
    expect(violations).toEqual([]);
  });

  it('booking, moving and cancelling a session', async () => {
    const pairId = await aPairOfTheDemoPeople();
    // The stand-in's calendars are those of the real week, so booking runs at the real time.
    now = new Date();
    const violations = await violationsDuring(async () => {
      const suggestions = await call<{ suggestions: { start: string; end: string; venue: { kind: string; ref?: string } }[] }>('GET', `/api/pairs/${pairId}/booking/suggestions?mode=online`, { as: leader.id });
      const [first, later] = suggestions.body.suggestions;
      const booked = await call('POST', `/api/pairs/${pairId}/sessions`, { as: leader.id, body: { start: first!.start, end: first!.end, venue: { kind: first!.venue.kind, ref: first!.venue.ref } } });
      await call('PATCH', `/api/pairs/${pairId}/sessions/${booked.body.id}`, { as: mentor.id, body: { start: later!.start, end: later!.end } });
      await call('POST', `/api/pairs/${pairId}/sessions/${booked.body.id}/cancel`, { as: leader.id });
    });
    expect(violations).toEqual([]);
  });

  it('surveys, insight, the audit log and a person’s own data', async () => {
    const pairId = await aPairOfTheDemoPeople();
    now = new Date('2026-05-04T12:00:00Z');
    const violations = await violationsDuring(async () => {
      await call('GET', '/api/surveys/mine', { as: leader.id });
      await call('POST', `/api/pairs/${pairId}/surveys/mid-point`, { as: leader.id, body: { progress: 4, comment: 'Going well.' } });
      const programmes = await call<{ programmes: { id: string }[] }>('GET', '/api/programmes', { as: admin });
      for (const { id } of programmes.body.programmes) {
        await call('GET', `/api/programmes/${id}/insight`, { as: admin });
        await call('GET', `/api/programmes/${id}/insight/export.csv`, { as: admin });
      }
      await call('GET', '/api/admin/audit-log', { as: admin });
      await call('GET', '/api/me', { as: leader.id });
      await call('GET', '/api/me/data', { as: leader.id });
      await call('DELETE', '/api/me/data', { as: mentor.id });
    });
    expect(violations).toEqual([]);
  });

  it('bot turns in a personal chat and the background jobs', async () => {
    const pairId = await aPairOfTheDemoPeople();
    const ranAcrossTenants: CrossTenantJob[] = ['job worker', 'reminder planner', 'notice planner', 'housekeeping planner', 'retention planner'];
    const violations = await violationsDuring(async () => {
      const person = { tenantId, userId: leader.id, name: `${leader.givenName} ${leader.surname}`, at: now };
      for (const text of ['help', 'next session', 'agenda', 'pause reminders']) expect((await teams.chat(service, person, { text })).status).toBeLessThan(300);
      await teams.chat(service, person, { press: { verb: 'agenda.add', data: { pairId, text: 'From the bot' } } });
      const worker = service.deps.jobs.startWorker('tenant-scope-worker');
      await waitFor('the planners and the worker', () => ranAcrossTenants.every((job) => statements.some((sql) => sql.endsWith(acrossTenantsMarker(job)))) || undefined);
      await worker.stop();
    });
    expect(violations).toEqual([]);
  });
});
