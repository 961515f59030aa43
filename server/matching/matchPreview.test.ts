import { sql } from 'kysely';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startTestService, type TestService } from '../../test/harness/testService';

const admin = DEMO_PERSONAS.programmeAdmin.id;
const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
/** In the leader's chain: never matched with them. */
const third = DEMO_PERSONAS.juniorInLeadersChain.id;

/*
 * Re-running matching is shown before it is applied: the preview writes nothing, applying keeps
 * exactly what was previewed, a preview whose inputs changed is refused whole, and published
 * pairs stay in view and untouched.
 */
describe('previewing and applying a matching re-run', () => {
  let service: TestService;
  let programmeId: string;
  const db = () => service.database.db;
  const count = async (table: 'match_runs' | 'audit_log' | 'match_proposals') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const preview = () => service.api('POST', `/api/programmes/${programmeId}/matching/preview`, { as: admin });
  const apply = (fingerprint: string) => service.api('POST', `/api/programmes/${programmeId}/matching/apply`, { as: admin, body: { fingerprint } });
  const names = (people: { userId: string }[]) => people.map((p) => p.userId).sort();

  beforeAll(async () => {
    service = await startTestService();
    programmeId = (await service.api('POST', '/api/programmes', { as: admin, body: { name: 'Reverse mentoring 2027', startsOn: '2027-01-04', settings: { minSeniorityGap: 2 } } })).body.id;
    expect((await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin, body: { status: 'open' } })).status).toBe(200);
    const enrol = (userId: string, body: Record<string, unknown>) => service.api('POST', `/api/programmes/${programmeId}/enrolment`, { as: userId, body });
    expect((await enrol(leader, { role: 'mentee', learningGoals: ['lived experience'], languages: ['en'], meetingPreference: 'either' })).status).toBe(201);
    expect((await enrol(mentor, { role: 'mentor', offers: ['lived experience'], languages: ['en'], meetingPreference: 'either' })).status).toBe(201);
    expect((await enrol(third, { role: 'mentor', offers: ['lived experience'], languages: ['en'], meetingPreference: 'either' })).status).toBe(201);
  });
  afterAll(async () => {
    await service.close();
  });

  it('previews who would be newly matched and who left unmatched with the reason code, writing nothing and only for admins', async () => {
    const [runs, audits] = [await count('match_runs'), await count('audit_log')];
    const shown = await preview();
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ draftRunId: null, kept: [], stays: [], changes: [] });
    expect(names(shown.body.newlyMatched)).toEqual([leader, mentor].sort());
    expect(shown.body.unmatched).toEqual([expect.objectContaining({ userId: third, role: 'mentor', code: 'no-eligible-partner' })]);
    expect(shown.body.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Never why in terms of a reporting line.
    expect(JSON.stringify(shown.body)).not.toMatch(/same-chain|same-manager|manager/);
    expect([await count('match_runs'), await count('audit_log')]).toEqual([runs, audits]);
    expect((await service.api('POST', `/api/programmes/${programmeId}/matching/preview`, { as: leader })).status).toBe(403);
    // Previewing twice on the same inputs names the same inputs.
    expect((await preview()).body.fingerprint).toBe(shown.body.fingerprint);
  });

  it('applies exactly the previewed run as the new draft, audited', async () => {
    const shown = await preview();
    const audits = await count('audit_log');
    const applied = await apply(shown.body.fingerprint);
    expect(applied.status).toBe(201);
    expect(applied.body.publishedAt).toBeNull();
    expect(applied.body.proposals.map((p: { mentor: { userId: string }; mentee: { userId: string } }) => [p.mentor.userId, p.mentee.userId])).toEqual([[mentor, leader]]);
    expect(applied.body.unmatched.map((u: { userId: string }) => u.userId)).toEqual([third]);
    expect(await count('audit_log')).toBe(audits + 1);
    expect(await db().selectFrom('audit_log').select('action').orderBy('at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow()).toEqual({ action: 'matching.run' });

    // Against that draft, a re-run changes nothing: the pair stays.
    const again = (await preview()).body;
    expect(again).toMatchObject({ draftRunId: applied.body.id, changes: [], newlyMatched: [] });
    expect(again.stays.map((p: { mentor: { userId: string }; mentee: { userId: string } }) => [p.mentor.userId, p.mentee.userId])).toEqual([[mentor, leader]]);
  });

  it('refuses a stale preview with 409 and writes nothing, then shows who loses a partner on a fresh one', async () => {
    const stale = (await preview()).body.fingerprint;
    const block = { mentorUserId: mentor, menteeUserId: leader };
    expect((await service.api('PUT', `/api/programmes/${programmeId}/matching/constraints`, { as: admin, body: { ...block, kind: 'block' } })).status).toBe(204);
    const [runs, proposals, audits] = [await count('match_runs'), await count('match_proposals'), await count('audit_log')];
    const refused = await apply(stale);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/has changed.*preview the re-run again/);
    expect([await count('match_runs'), await count('match_proposals'), await count('audit_log')]).toEqual([runs, proposals, audits]);
    // A made-up fingerprint is a 400 that says what is expected, not a 500.
    const bad = await apply('not-a-fingerprint');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'fingerprint' })]);

    const fresh = (await preview()).body;
    expect(fresh.stays).toEqual([]);
    expect(fresh.changes.map((c: { person: { userId: string }; gains: string[]; loses: string[] }) => [c.person.userId, c.gains, c.loses]).sort()).toEqual(
      [
        [leader, [], [DEMO_PERSONAS.juniorMentor.givenName + ' ' + DEMO_PERSONAS.juniorMentor.surname]],
        [mentor, [], [DEMO_PERSONAS.seniorLeader.givenName + ' ' + DEMO_PERSONAS.seniorLeader.surname]],
      ].sort(),
    );
    expect(names(fresh.unmatched)).toEqual([leader, mentor, third].sort());
    expect((await apply(fresh.fingerprint)).status).toBe(201);
    expect((await service.api('DELETE', `/api/programmes/${programmeId}/matching/constraints`, { as: admin, body: block })).status).toBe(204);
  });

  it('keeps published pairs in view and out of the re-run', async () => {
    const applied = await apply((await preview()).body.fingerprint);
    expect((await service.api('POST', `/api/programmes/${programmeId}/matching/runs/${applied.body.id}/publish`, { as: admin })).body).toEqual({ published: 1 });
    const after = (await preview()).body;
    expect(after.draftRunId).toBeNull();
    expect(after.kept).toEqual([expect.objectContaining({ status: 'proposed', mentor: expect.objectContaining({ userId: mentor }), mentee: expect.objectContaining({ userId: leader }) })]);
    expect([after.stays, after.changes, after.newlyMatched]).toEqual([[], [], []]);
  });

  it('ends the live pair of a participant an admin removes, in the same transaction, as the board’s end does', async () => {
    const [pair] = (await service.api('GET', '/api/pairs', { as: leader })).body.pairs;
    for (const who of [leader, mentor]) expect((await service.api('POST', `/api/pairs/${pair.id}/accept`, { as: who })).status).toBe(200);
    const participants = (await service.api('GET', `/api/programmes/${programmeId}/participants`, { as: admin })).body.participants as { id: string; userId: string }[];
    const leaderParticipant = participants.find((p) => p.userId === leader)!.id;

    // If ending the pair fails, the removal is not written either.
    await sql`create function refuse_pair_update() returns trigger language plpgsql as $$ begin raise exception 'pair update refused'; end $$`.execute(db());
    await sql`create trigger refuse_pair_update before update on pairs for each row execute function refuse_pair_update()`.execute(db());
    const audits = await count('audit_log');
    const failed = await service.api('DELETE', `/api/programmes/${programmeId}/participants/${leaderParticipant}`, { as: admin });
    expect(failed.status).toBe(500);
    await sql`drop trigger refuse_pair_update on pairs`.execute(db());
    expect(await db().selectFrom('participants').select('status').where('id', '=', leaderParticipant).executeTakeFirstOrThrow()).toEqual({ status: 'enrolled' });
    expect(await count('audit_log')).toBe(audits);

    expect((await service.api('DELETE', `/api/programmes/${programmeId}/participants/${leaderParticipant}`, { as: admin })).status).toBe(204);
    expect(await db().selectFrom('pairs').select(['status', 'end_reason']).where('id', '=', pair.id).executeTakeFirstOrThrow()).toEqual({ status: 'ended', end_reason: 'withdrawn' });
    const logged = await db().selectFrom('audit_log').select(['action', 'target', 'changes']).orderBy('at').orderBy('action').where('at', '>=', (await db().selectFrom('pairs').select('ended_at').where('id', '=', pair.id).executeTakeFirstOrThrow()).ended_at!).execute();
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'participant.remove', target: leaderParticipant }),
        { action: 'pair.end', target: pair.id, changes: { status: { from: 'accepted', to: 'ended' }, endReason: { from: null, to: 'withdrawn' } } },
      ]),
    );
    const event = await db().selectFrom('domain_events').select('payload').where('subject_id', '=', pair.id).where('kind', '=', 'pair.ended').executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ action: 'end', status: 'ended', byAdmin: true, endReason: 'withdrawn' });
    // The partner is free again: the next preview no longer keeps the pair.
    expect((await preview()).body.kept).toEqual([]);
  });
});
