import { randomUUID } from 'node:crypto';
import { DEMO_PERSONAS } from '../../../dev/demoOrg/personas';
import { recordDomainEvent } from '../../events/domainEvents';
import type { JobWorker } from '../jobWorker';
import { aPair, aPerson } from '../../../test/harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../../test/harness/testService';
import { housekeepingJobKinds } from './housekeepingJobs';
import { waitFor } from '../../../test/harness/waitFor';

const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const catalogId = 'upward-catalog-app-0001';

/** The production worker of the harness, planning and running the housekeeping jobs against the Microsoft 365 stand-in. */
describe('bot housekeeping jobs', () => {
  let service: TestService;
  let teams: TeamsConnector;
  let worker: JobWorker | null = null;
  let tenantId: string;
  let now = new Date('2026-03-10T11:00:00Z');

  beforeAll(async () => {
    teams = await startTeamsConnector();
    service = await startTestService({ clock: () => now, env: { TEAMS_APP_CATALOG_ID: catalogId } });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
  });
  afterAll(async () => {
    await service.close();
    await teams.stop();
  });

  const db = () => service.database.db;
  const jobDone = (dedupeKey: string) => () => db().selectFrom('jobs').select(['outcome', 'last_error']).where('dedupe_key', '=', dedupeKey).where('done_at', 'is not', null).executeTakeFirst();
  const installedFor = async (userId: string) =>
    (await service.deps.graph.forApp(tenantId).get<{ value: { teamsApp: { id: string } }[] }>(`/users/${userId}/teamwork/installedApps?$expand=teamsApp`)).value.map((i) => i.teamsApp.id);

  it('installs the app through Graph for the people of a proposed pair whom the bot cannot reach yet, once', async () => {
    const reachable = DEMO_PERSONAS.juniorInLeadersChain.id;
    const unreachable = DEMO_PERSONAS.programmeAdmin.id;
    const pair = await aPair(db(), tenantId, { status: 'proposed', mentorUserId: reachable, menteeUserId: unreachable });
    await db()
      .insertInto('conversation_references')
      .values({ tenant_id: tenantId, user_id: reachable, reference: JSON.stringify({}), updated_at: now })
      .execute();
    await recordDomainEvent(db(), { tenantId, kind: 'pair.proposed', subjectId: pair.id, payload: { programmeId: pair.programme_id }, at: now });

    worker = service.deps.jobs.startWorker('test-worker');
    expect(await waitFor('the installation', jobDone(`install:${unreachable}`))).toEqual({ outcome: 'sent', last_error: null });
    expect(await installedFor(unreachable)).toEqual([catalogId]);
    expect(await installedFor(reachable)).toEqual([]);
    expect(await db().selectFrom('jobs').select('id').where('kind', '=', housekeepingJobKinds.installApp).execute()).toHaveLength(1);
  });

  it('runs the reporting-line sync every hour, so a manager change tells both people of the pair privately', async () => {
    for (const p of [leader, mentor]) await aPerson(db(), tenantId, { userId: p.id, displayName: `${p.givenName} ${p.surname}` });
    const pair = await aPair(db(), tenantId, { mentorUserId: mentor.id, menteeUserId: leader.id });
    // Each person has chatted with the bot, so it can reach them.
    for (const p of [leader, mentor]) {
      const response = await service.postActivity({
          type: 'message', id: randomUUID(), channelId: 'msteams', serviceUrl: teams.url, text: 'help',
          from: { id: `29:${p.id}`, name: p.givenName, aadObjectId: p.id }, recipient: { id: '28:upward-bot', name: 'Upward' },
          conversation: { id: `a:personal-${p.id}`, conversationType: 'personal', tenantId },
      });
      expect(response.status).toBeLessThan(300);
    }

    worker = service.deps.jobs.startWorker('test-worker');
    await waitFor('the first sync (the baseline)', jobDone('reporting-lines:2026-03-10T11'));
    expect(await db().selectFrom('domain_events').select('id').where('kind', '=', 'pair.ineligible').execute()).toEqual([]);

    // A reorganisation: the junior mentor now reports to the leader they mentor.
    service.standIn.setManager(mentor.id, leader.id);
    now = new Date('2026-03-10T12:00:30Z');
    worker.poke();
    await waitFor('the next hour’s sync', jobDone('reporting-lines:2026-03-10T12'));
    const event = await waitFor('the ineligible event', () => db().selectFrom('domain_events').select(['subject_id']).where('kind', '=', 'pair.ineligible').executeTakeFirst());
    expect(event.subject_id).toBe(pair.id);

    // The next planning round turns the event into a private nudge to each of them.
    now = new Date('2026-03-10T12:02:00Z');
    worker.poke();
    const nudges = await waitFor('both nudges', async () => {
      const sent = teams.received.filter((r) => JSON.stringify(r.activity).includes('Your pairing needs to change'));
      return sent.length === 2 ? sent : null;
    });
    expect(nudges.map((n) => n.conversationId).sort()).toEqual([`a:personal-${leader.id}`, `a:personal-${mentor.id}`].sort());
    expect(JSON.stringify(nudges)).not.toContain(`${mentor.givenName} ${mentor.surname}`);
  });
});
