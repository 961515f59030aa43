import { scheduleJobs } from '../jobQueue';
import type { JobWorker } from '../jobWorker';
import { aParticipant, aProgramme } from '../../../test/harness/factories';
import { startTestService, type TestService } from '../../../test/harness/testService';
import { retentionActor } from '../../privacy/retention';
import { retentionJobKind, retentionJobs } from './retentionJobs';
import { waitFor } from '../../../test/harness/waitFor';

/** The service's own job worker purges expired programmes once a day, without anyone running `npm run retention`. */
describe('the scheduled retention purge', () => {
  let service: TestService;
  let worker: JobWorker | null = null;
  let now = new Date('2026-06-01T03:00:00Z');

  beforeAll(async () => {
    service = await startTestService({ clock: () => now, env: { UPWARD_RETENTION_DAYS: '365' } });
  });
  afterAll(async () => {
    await worker?.stop();
    await service.close();
  });

  const db = () => service.database.db;
  const tenantId = () => service.standIn.tenantId.toLowerCase();
  const programmeIds = async () => (await db().selectFrom('programmes').select('id').where('tenant_id', '=', tenantId()).execute()).map((p) => p.id).sort();
  const jobDone = (dedupeKey: string) => () =>
    db().selectFrom('jobs').select(['outcome', 'last_error']).where('kind', '=', retentionJobKind).where('dedupe_key', '=', dedupeKey).where('done_at', 'is not', null).executeTakeFirst();

  it('deletes programmes past their retention period once a day, per tenant, whichever processes plan it', async () => {
    const expired = await aProgramme(db(), tenantId(), { startsOn: '2024-09-01', endsOn: '2025-05-30' });
    await aParticipant(db(), tenantId(), { programmeId: expired.id, role: 'mentor' });
    const expiresTomorrow = await aProgramme(db(), tenantId(), { startsOn: '2024-09-01', endsOn: '2025-06-01' });
    const running = await aProgramme(db(), tenantId(), { startsOn: '2026-01-05', endsOn: '2026-10-05' });

    worker = service.deps.jobs.startWorker('retention-test-worker');
    expect(await waitFor('the first day’s purge', jobDone('retention:2026-06-01'))).toEqual({ outcome: 'sent', last_error: null });
    expect(await programmeIds()).toEqual([expiresTomorrow.id, running.id].sort());
    expect(await db().selectFrom('participants').select('id').where('tenant_id', '=', tenantId()).where('programme_id', '=', expired.id).execute()).toEqual([]);

    // Another process planning the same day adds nothing: the day is the key.
    expect(await scheduleJobs(db(), await retentionJobs(db(), new Date('2026-06-01T18:00:00Z')))).toBe(0);

    now = new Date('2026-06-02T03:00:00Z');
    worker.poke();
    expect(await waitFor('the next day’s purge', jobDone('retention:2026-06-02'))).toEqual({ outcome: 'sent', last_error: null });
    expect(await programmeIds()).toEqual([running.id]);

    const audit = await db().selectFrom('audit_log').select(['action', 'target']).where('tenant_id', '=', tenantId()).where('actor_user_id', '=', retentionActor).orderBy('at').execute();
    expect(audit).toEqual([
      { action: 'retention.purge', target: expired.id },
      { action: 'retention.purge', target: expiresTomorrow.id },
    ]);
    const runs = await db().selectFrom('jobs').select('dedupe_key').where('kind', '=', retentionJobKind).orderBy('dedupe_key').execute();
    expect(runs.map((r) => r.dedupe_key)).toEqual(['retention:2026-06-01', 'retention:2026-06-02']);
  });
});
