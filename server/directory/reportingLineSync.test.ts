import { randomUUID } from 'node:crypto';
import { composeDeps } from '../composition';
import { createLogger } from '../logger';
import type { Db } from '../store/database';
import { json } from '../store/json';
import { describeEachEngine } from '../../test/harness/databases';
import { configFor, useM365StandIn } from '../../test/harness/m365';
import type { Directory } from './directory';
import { chainLookup } from './reportingChainStore';
import { pairIneligibleEvent, syncReportingLineChanges, syncReportingLines } from './reportingLineSync';

const now = new Date('2026-03-02T09:00:00Z');

async function seedProgramme(db: Db, tenantId: string, userIds: readonly string[]): Promise<{ programmeId: string; participantOf: Map<string, string> }> {
  const programmeId = randomUUID();
  await db
    .insertInto('programmes')
    .values({ tenant_id: tenantId, id: programmeId, name: 'Upward 2026', settings: json({}), details: json({}), starts_on: '2026-01-01', ends_on: '2026-09-30', status: 'running', created_by: 'admin', updated_at: now })
    .execute();
  const participantOf = new Map(userIds.map((u) => [u, randomUUID()]));
  await db
    .insertInto('participants')
    .values(userIds.map((userId, i) => ({ tenant_id: tenantId, id: participantOf.get(userId)!, programme_id: programmeId, user_id: userId, role: i % 2 ? ('mentee' as const) : ('mentor' as const), profile: json({}), capacity: 1, status: 'enrolled' as const, enrolled_by: 'admin' })))
    .execute();
  return { programmeId, participantOf };
}

describeEachEngine('reporting-line sync', (database) => {
  // One stand-in per engine: the delta test reorganises the directory.
  const standIn = useM365StandIn({ seed: 'sync', size: 400 });
  let directory: Directory;
  const people = () => standIn().org.people;
  const tenantId = () => standIn().tenantId;

  beforeAll(() => {
    directory = composeDeps(configFor(standIn()), database().db, createLogger('silent')).directory;
  });

  it('syncs the chains and directory facts of 300 participants in at most 15 $batch calls', async () => {
    const { db } = database();
    const ids = people().slice(50, 350).map((p) => p.user.id);
    await seedProgramme(db, tenantId(), ids);
    standIn().stats.reset();

    const report = await syncReportingLines({ db, directory, tenantId: tenantId(), now });

    expect(report.synced).toBe(300);
    const stats = standIn().stats.get();
    expect(stats.batchCalls).toBeLessThanOrEqual(15);
    expect(stats.httpRequests).toBe(stats.batchCalls); // every Graph call was a $batch
    const chains = await chainLookup(db, tenantId(), ids);
    for (const id of ids) {
      let expected = standIn().org.byId.get(id)!.managerId;
      const chain = chains(id)!;
      for (const managerId of chain.managerIds) {
        expect(managerId).toBe(expected);
        expected = standIn().org.byId.get(managerId)!.managerId;
      }
      expect(expected).toBeNull();
    }
    const someone = people()[60]!.user;
    const row = await db.selectFrom('directory_users').selectAll().where('tenant_id', '=', tenantId()).where('user_id', '=', someone.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ display_name: someone.displayName, department: someone.department, grade: someone.onPremisesExtensionAttributes.extensionAttribute1 });
  });

  it('marks an active pair that a manager change seen through delta puts in one chain, once, and leaves the pair alone', async () => {
    const { db } = database();
    // Two people outside each other's chains, with different managers, both already participants.
    const byId = standIn().org.byId;
    const candidates = people().slice(50, 350).filter((p) => p.managerId);
    const mentor = candidates.find((p) => !p.appRoles.length)!;
    const mentee = candidates.find((p) => {
      if (p === mentor || p.managerId === mentor.managerId) return false;
      const above = (id: string | null): string[] => (id ? [id, ...above(byId.get(id)!.managerId)] : []);
      return !above(p.managerId).includes(mentor.user.id) && !above(mentor.managerId).includes(p.user.id);
    })!;
    const programme = await db.selectFrom('participants').select(['programme_id', 'id', 'user_id']).where('tenant_id', '=', tenantId()).where('user_id', 'in', [mentor.user.id, mentee.user.id]).execute();
    const participantId = (userId: string) => programme.find((p) => p.user_id === userId)!.id;
    const pairId = randomUUID();
    await db
      .insertInto('pairs')
      .values({ tenant_id: tenantId(), id: pairId, programme_id: programme[0]!.programme_id, mentor_participant_id: participantId(mentor.user.id), mentee_participant_id: participantId(mentee.user.id), mentor_user_id: mentor.user.id, mentee_user_id: mentee.user.id, status: 'active', started_at: now })
      .execute();

    const baseline = await syncReportingLineChanges({ db, directory, tenantId: tenantId(), now });
    expect(baseline.ineligiblePairs).toEqual([]);

    standIn().setManager(mentor.user.id, mentee.user.id);
    standIn().stats.reset();
    const report = await syncReportingLineChanges({ db, directory, tenantId: tenantId(), now });

    expect(report.ineligiblePairs).toEqual([pairId]);
    expect(report.synced).toBeLessThan(300);
    const events = await db.selectFrom('domain_events').selectAll().where('tenant_id', '=', tenantId()).where('kind', '=', pairIneligibleEvent).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subject_id: pairId });
    expect(events[0]!.payload).toEqual({ programmeId: programme[0]!.programme_id, reasons: [expect.objectContaining({ code: 'same-chain' })] });
    const privateWords = [mentee.user.displayName, mentee.user.id, mentor.user.displayName];
    for (const word of privateWords) expect(JSON.stringify(events[0]!.payload)).not.toContain(word);
    const pair = await db.selectFrom('pairs').select(['status', 'version']).where('tenant_id', '=', tenantId()).where('id', '=', pairId).executeTakeFirstOrThrow();
    expect(pair).toEqual({ status: 'active', version: 0 });

    const again = await syncReportingLineChanges({ db, directory, tenantId: tenantId(), now });
    expect(again.ineligiblePairs).toEqual([]);
    expect(await db.selectFrom('domain_events').select('id').where('kind', '=', pairIneligibleEvent).execute()).toHaveLength(1);
  });

  it('re-reads every participant when Graph says the saved delta link expired (400 syncStateNotFound after seven days)', async () => {
    const { db } = database();
    const enrolled = await db.selectFrom('participants').select('user_id').where('tenant_id', '=', tenantId()).execute();
    await syncReportingLineChanges({ db, directory, tenantId: tenantId(), now });
    const quiet = await syncReportingLineChanges({ db, directory, tenantId: tenantId(), now });
    expect(quiet.synced).toBe(0);

    standIn().ageDeltaLinks(8 * 86_400_000);
    standIn().stats.reset();
    const rebaselined = await syncReportingLineChanges({ db, directory, tenantId: tenantId(), now });
    expect(rebaselined.synced).toBe(new Set(enrolled.map((e) => e.user_id)).size);
    // The refused delta link, then a fresh full delta round.
    expect(standIn().stats.get().byPath['GET /users/delta']).toBeGreaterThanOrEqual(2);
    const after = await syncReportingLineChanges({ db, directory, tenantId: tenantId(), now });
    expect(after.synced).toBe(0);
  });
});
