import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import type { PairBoardRow } from '../../shared/api/pairBoard';
import { aPair, aPerson, aProgramme, aSession } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';
import { recordDomainEvent } from '../events/domainEvents';
import type { Db } from '../store/database';
import { json } from '../store/json';
import { surveyIdOf } from '../surveys/surveyCommands';

const admin = DEMO_PERSONAS.programmeAdmin.id;
const mentor = DEMO_PERSONAS.juniorMentor;
const leader = DEMO_PERSONAS.seniorLeader;
const secrets = ['SECRET-JOURNAL', 'SECRET-AGENDA', 'SECRET-TAKEAWAY', 'SECRET-CONCERN', 'SECRET-ANSWER'];

/** A pair of two named people, proposed on the day given (the board measures stalls from it). */
async function namedPair(db: Db, tenantId: string, programmeId: string, names: [string, string], status: 'accepted' | 'active', proposedAt = '2026-01-10T09:00:00Z') {
  const [mentorUserId, menteeUserId] = await Promise.all(names.map((displayName) => aPerson(db, tenantId, { displayName })));
  const pair = await aPair(db, tenantId, { status, programmeId, mentorUserId, menteeUserId });
  // created_at is the database's to set; a test moves it back to measure a stall.
  await sql`update pairs set created_at = ${new Date(proposedAt)} where tenant_id = ${tenantId} and id = ${pair.id}`.execute(db);
  return pair;
}

/*
 * The programme admins' pairs board through real HTTP: what each pair shows (and never shows),
 * its flags and filters, and the changes an admin makes, each through the lifecycle and audited.
 */
describe('the pairs board', () => {
  let service: TestService;
  let db: Db;
  let tenantId: string;
  let programmeId: string;
  let now = new Date('2026-04-20T12:00:00Z');
  const ids: Record<'quiet' | 'regular' | 'stalled' | 'repair' | 'moved', string> = { quiet: '', regular: '', stalled: '', repair: '', moved: '' };

  const board = async (query = '') => {
    const res = await service.api('GET', `/api/programmes/${programmeId}/pairs${query}`, { as: admin });
    expect(res.status).toBe(200);
    return res.body.pairs as PairBoardRow[];
  };
  const rowOf = async (id: string) => (await board()).find((p) => p.id === id)!;
  // Each change a minute after the one before, so a pair's history has an order.
  const act = (id: string, action: string, body?: unknown, as: string = admin) => {
    now = new Date(now.getTime() + 60_000);
    return service.api('POST', `/api/admin/pairs/${id}/${action}`, { as, body });
  };

  beforeAll(async () => {
    service = await startTestService({ clock: () => now });
    db = service.database.db;
    tenantId = service.standIn.tenantId.toLowerCase();
    programmeId = (await aProgramme(db, tenantId, { name: 'Board 2026', startsOn: '2026-01-05' })).id;

    const quiet = await namedPair(db, tenantId, programmeId, ['Ana Quiet', 'Bea Quiet'], 'active');
    ids.quiet = quiet.id;
    await aSession(db, tenantId, { pairId: quiet.id, startsAt: new Date('2026-03-02T10:00:00Z'), status: 'held' });
    await aSession(db, tenantId, { pairId: quiet.id, startsAt: new Date('2026-03-09T10:00:00Z'), status: 'cancelled' });
    // What the pair wrote: none of it may reach the board.
    await db.insertInto('reflections').values({ tenant_id: tenantId, id: randomUUID(), pair_id: quiet.id, session_id: null, author_user_id: quiet.mentor_user_id, text: secrets[0]!, shared_with_partner: true }).execute();
    await db.insertInto('agenda_items').values({ tenant_id: tenantId, id: randomUUID(), pair_id: quiet.id, session_id: null, text: secrets[1]!, proposed_by: 'mentee', accepted: true, position: 0 }).execute();
    await db.insertInto('takeaways').values({ tenant_id: tenantId, id: randomUUID(), pair_id: quiet.id, session_id: null, text: secrets[2]!, proposed_by_user_id: quiet.mentee_user_id, confirmed_by_user_id: null, status: 'proposed', confirmed_at: null }).execute();
    await db.insertInto('concerns').values({ tenant_id: tenantId, id: randomUUID(), programme_id: programmeId, pair_id: quiet.id, raised_by_user_id: quiet.mentor_user_id, kind: 'concern', text: secrets[3]!, status: 'open', created_at: now, updated_at: now }).execute();

    const regular = await namedPair(db, tenantId, programmeId, ['Carl Regular', 'Dora Regular'], 'active');
    ids.regular = regular.id;
    await aSession(db, tenantId, { pairId: regular.id, startsAt: new Date('2026-04-10T10:00:00Z') });
    await aSession(db, tenantId, { pairId: regular.id, startsAt: new Date('2026-04-24T10:00:00Z') });
    const fit = surveyIdOf(tenantId, programmeId, 'pairing-fit');
    await db.insertInto('surveys').values({ tenant_id: tenantId, id: fit, programme_id: programmeId, kind: 'pairing-fit', opens_at: now }).execute();
    await db.insertInto('survey_responses').values({ tenant_id: tenantId, survey_id: fit, participant_id: regular.mentor_participant_id, answers: json({ fit: 4, note: secrets[4] }), submitted_at: now }).execute();

    ids.stalled = (await namedPair(db, tenantId, programmeId, ['Eli Stalled', 'Fay Stalled'], 'accepted')).id;
    // A proposal of last week is not stalled yet.
    await namedPair(db, tenantId, programmeId, ['Gus Fresh', 'Hal Fresh'], 'accepted', '2026-04-13T09:00:00Z');

    // The demo mentor asks for a no-fault re-pair from the tab: the pair ends and the request stays open.
    const repair = await aPair(db, tenantId, { status: 'active', programmeId, mentorUserId: mentor.id, menteeUserId: leader.id });
    ids.repair = repair.id;
    await aPerson(db, tenantId, { userId: mentor.id, displayName: `${mentor.givenName} ${mentor.surname}` });
    expect((await service.api('POST', `/api/pairs/${repair.id}/request-repair`, { as: mentor.id })).status).toBe(200);

    const moved = await namedPair(db, tenantId, programmeId, ['Ivy Moved', 'Jon Moved'], 'active');
    ids.moved = moved.id;
    await aSession(db, tenantId, { pairId: moved.id, startsAt: new Date('2026-04-27T10:00:00Z') });
    await recordDomainEvent(db, { tenantId, kind: 'pair.ineligible', subjectId: moved.id, payload: { programmeId, reasons: [{ code: 'sameChain', message: 'In the same reporting line' }] }, at: new Date('2026-04-15T08:00:00Z') });
  }, 120_000);
  afterAll(async () => {
    await service.close();
  });

  it('shows every pair with status, since when, sessions, survey completion and flags, and nothing the pairs wrote', async () => {
    const res = await service.api('GET', `/api/programmes/${programmeId}/pairs`, { as: admin });
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    for (const secret of secrets) expect(text).not.toContain(secret);
    const pairs = res.body.pairs as PairBoardRow[];
    expect(pairs).toHaveLength(6);
    const byId = new Map(pairs.map((p) => [p.id, p]));
    expect(byId.get(ids.quiet)).toEqual({
      id: ids.quiet,
      status: 'active',
      since: '2026-02-01T09:00:00.000Z',
      endReason: null,
      mentor: { name: 'Ana Quiet', department: 'Operations' },
      mentee: { name: 'Bea Quiet', department: 'Operations' },
      sessionsHeld: 1,
      lastSessionAt: '2026-03-02T10:00:00.000Z',
      nextSessionAt: null,
      surveys: { answered: 0, due: 2 },
      flags: ['no-recent-session'],
      history: [],
      abilities: { pause: true, resume: false, end: true, repair: true },
    });
    expect(byId.get(ids.regular)).toMatchObject({ sessionsHeld: 1, lastSessionAt: '2026-04-10T10:00:00.000Z', nextSessionAt: '2026-04-24T10:00:00.000Z', surveys: { answered: 1, due: 2 }, flags: [] });
    expect(byId.get(ids.stalled)).toMatchObject({ status: 'accepted', flags: ['charter-stalled'], abilities: { pause: false, resume: false, end: true, repair: true } });
    expect(byId.get(ids.repair)).toMatchObject({
      status: 'ended',
      endReason: 'no-fault-repair',
      since: now.toISOString(),
      flags: ['repair-requested'],
      history: [{ at: now.toISOString(), change: 'ended', endReason: 'no-fault-repair', byAdmin: false }],
      abilities: { pause: false, resume: false, end: false, repair: false },
    });
    expect(byId.get(ids.moved)).toMatchObject({ flags: ['ineligible'], history: [{ change: 'ineligible', at: '2026-04-15T08:00:00.000Z' }] });
  });

  it('filters by status, by flag and by part of either name', async () => {
    expect((await board('?status=accepted')).map((p) => p.mentor.name).sort()).toEqual(['Eli Stalled', 'Gus Fresh']);
    expect((await board('?flag=no-recent-session')).map((p) => p.id)).toEqual([ids.quiet]);
    expect((await board('?flag=ineligible&status=active')).map((p) => p.id)).toEqual([ids.moved]);
    expect((await board('?q=dora')).map((p) => p.id)).toEqual([ids.regular]);
    expect(await board('?q=nobody')).toEqual([]);
    const bad = await service.api('GET', `/api/programmes/${programmeId}/pairs?status=happy`, { as: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('pauses, resumes and ends a pair with a no-fault reason through the lifecycle, each audited and in its history', async () => {
    expect((await act(ids.quiet, 'pause')).status).toBe(204);
    expect(await rowOf(ids.quiet)).toMatchObject({ status: 'paused', since: '2026-04-20T12:01:00.000Z', flags: [], history: [{ change: 'paused', byAdmin: true }] });
    expect((await act(ids.quiet, 'pause')).status).toBe(409);
    expect((await act(ids.quiet, 'resume')).status).toBe(204);
    const missing = await act(ids.quiet, 'end');
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await act(ids.quiet, 'end', { reason: 'declined' })).status).toBe(400);
    expect((await act(ids.quiet, 'end', { reason: 'completed' })).status).toBe(204);
    expect(await rowOf(ids.quiet)).toMatchObject({
      status: 'ended',
      endReason: 'completed',
      history: [
        { change: 'paused', byAdmin: true, endReason: null },
        { change: 'resumed', byAdmin: true, endReason: null },
        { change: 'ended', byAdmin: true, endReason: 'completed' },
      ],
    });
    const audit = await db.selectFrom('audit_log').select(['action', 'target', 'actor_user_id']).where('tenant_id', '=', tenantId).where('target', '=', ids.quiet).orderBy('at').orderBy('action').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['pair.end', 'pair.pause', 'pair.resume']);
    expect(audit.every((a) => a.actor_user_id === admin)).toBe(true);
  });

  it('re-pairs a pair a reorganisation made ineligible: it ends without blame, and both people are free for the next matching run', async () => {
    expect((await act(ids.moved, 're-pair')).status).toBe(204);
    expect(await rowOf(ids.moved)).toMatchObject({ status: 'ended', endReason: 'no-fault-repair', flags: [] });
    const participants = await db.selectFrom('participants').select('status').where('tenant_id', '=', tenantId).where('programme_id', '=', programmeId).execute();
    expect(participants.every((p) => p.status === 'enrolled')).toBe(true);
    const audited = await db.selectFrom('audit_log').select('changes').where('tenant_id', '=', tenantId).where('action', '=', 'pair.re-pair').executeTakeFirstOrThrow();
    expect(audited.changes).toEqual({ status: { from: 'active', to: 'ended' }, endReason: { from: null, to: 'no-fault-repair' } });
  });

  it('is for admins only, and never reaches another tenant', async () => {
    expect((await service.api('GET', `/api/programmes/${programmeId}/pairs`, { as: mentor.id })).status).toBe(403);
    expect((await act(ids.regular, 'pause', undefined, mentor.id)).status).toBe(403);
    expect((await rowOf(ids.regular)).status).toBe('active');
    const elsewhere = await aPair(db, 'another-tenant', { status: 'active' });
    expect((await service.api('GET', `/api/programmes/${elsewhere.programme_id}/pairs`, { as: admin })).status).toBe(404);
    expect((await act(elsewhere.id, 'pause')).status).toBe(404);
    expect((await db.selectFrom('pairs').select('status').where('tenant_id', '=', 'another-tenant').where('id', '=', elsewhere.id).executeTakeFirstOrThrow()).status).toBe('active');
  });
});
