import { randomUUID } from 'node:crypto';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { defaultSurveySchedule } from '../../shared/schemas/programme';
import { aPair, aPerson, aProgramme, aSession } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;
const stranger = DEMO_PERSONAS.juniorInLeadersChain.id;
let clock = new Date('2026-03-10T12:00:00Z');

describe('surveys API', () => {
  let service: TestService;
  let tenantId: string;

  beforeAll(async () => {
    service = await startTestService({ clock: () => clock });
    tenantId = service.standIn.tenantId.toLowerCase();
    await aPerson(service.database.db, tenantId, { userId: mentor, displayName: 'Jun Park' });
    await aPerson(service.database.db, tenantId, { userId: leader, displayName: 'Catherine Adeyemi' });
  });
  afterAll(async () => {
    await service.close();
  });
  const db = () => service.database.db;
  /** My waiting surveys of one pair (the demo people are in a pair for each test). */
  const mine = async (as: string, pairId: string) => {
    const res = await service.api('GET', '/api/surveys/mine', { as });
    expect(res.status).toBe(200);
    return (res.body.surveys as { pairId: string; kind: string; role: string; dueAt: string; partner: { displayName: string }; questions: { name: string }[] }[]).filter((s) => s.pairId === pairId);
  };
  /** A pair of the demo mentor and leader, started on 2026-02-01. */
  const freshPair = async (programmeId?: string) => {
    const pair = await aPair(db(), tenantId, { programmeId, mentorUserId: mentor, menteeUserId: leader });
    return { pair, mentorId: mentor, menteeId: leader };
  };

  it('lists a survey only once it is due by the programme’s schedule, with the partner’s name and the questions', async () => {
    const { pair, mentorId, menteeId } = await freshPair();
    clock = new Date('2026-03-02T11:30:00Z');
    await aSession(db(), tenantId, { pairId: pair.id, startsAt: new Date('2026-03-02T10:00:00Z') });
    expect(await mine(menteeId, pair.id)).toEqual([]);
    clock = new Date('2026-03-02T12:00:00Z');
    expect(await mine(menteeId, pair.id)).toEqual([
      { pairId: pair.id, kind: 'pairing-fit', role: 'mentee', dueAt: '2026-03-02T12:00:00.000Z', partner: { displayName: 'Jun Park' }, questions: [{ name: 'fit', type: 'score', required: true }, { name: 'repair', type: 'yes-no', required: false }] },
    ]);
    clock = new Date('2026-05-04T12:00:00Z');
    expect((await mine(mentorId, pair.id)).map((s) => [s.kind, s.role, s.partner.displayName])).toEqual([
      ['pairing-fit', 'mentor', 'Catherine Adeyemi'],
      ['mid-point', 'mentor', 'Catherine Adeyemi'],
    ]);
  });

  it('leaves out the surveys the programme turned off and pairs that have ended', async () => {
    const quiet = await aProgramme(db(), tenantId, { details: { surveySchedule: { ...defaultSurveySchedule, midPoint: false, end: false } } });
    const { pair, menteeId } = await freshPair(quiet.id);
    const ended = await aPair(db(), tenantId, { status: 'ended', mentorUserId: mentor, menteeUserId: leader });
    clock = new Date('2026-12-01T12:00:00Z');
    expect(await mine(menteeId, pair.id)).toEqual([]);
    expect(await mine(leader, ended.id)).toEqual([]);
  });

  it('takes an answered survey off my list but not off my partner’s', async () => {
    const { pair, mentorId, menteeId } = await freshPair();
    clock = new Date('2026-05-04T12:00:00Z');
    const answer = await service.api('POST', `/api/pairs/${pair.id}/surveys/mid-point`, { as: menteeId, body: { progress: 4, comment: 'Going well.' } });
    expect(answer).toMatchObject({ status: 200, body: { repairRequested: false } });
    expect(await mine(menteeId, pair.id)).toEqual([]);
    expect((await mine(mentorId, pair.id)).map((s) => s.kind)).toEqual(['mid-point']);
  });

  it('refuses a bad answer naming the field, and an unknown survey', async () => {
    const { pair, menteeId } = await freshPair();
    const bad = await service.api('POST', `/api/pairs/${pair.id}/surveys/end`, { as: menteeId, body: { before: 2, after: 9 } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('after');
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'after' })]);
    const unknown = await service.api('POST', `/api/pairs/${pair.id}/surveys/pulse`, { as: menteeId, body: { rating: 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('lets only the pair’s members answer: an admin, a stranger and an unknown pair are all told it does not exist', async () => {
    const { pair } = await freshPair();
    for (const as of [admin, stranger]) {
      const res = await service.api('POST', `/api/pairs/${pair.id}/surveys/mid-point`, { as, body: { progress: 1 } });
      expect(res.status).toBe(404);
    }
    expect((await service.api('POST', `/api/pairs/${randomUUID()}/surveys/mid-point`, { as: leader, body: { progress: 1 } })).status).toBe(404);
    const rows = await db().selectFrom('survey_responses').select('participant_id').where('participant_id', 'in', [pair.mentor_participant_id, pair.mentee_participant_id]).execute();
    expect(rows).toEqual([]);
  });

  it('records my answer as mine: my partner answering cannot fill in or change my answer', async () => {
    const { pair, mentorId, menteeId } = await freshPair();
    clock = new Date('2026-05-04T12:00:00Z');
    await service.api('POST', `/api/pairs/${pair.id}/surveys/mid-point`, { as: mentorId, body: { progress: 2 } });
    expect((await mine(menteeId, pair.id)).map((s) => s.kind)).toEqual(['mid-point']);
    const rows = await db().selectFrom('survey_responses').select(['participant_id', 'answers']).where('participant_id', 'in', [pair.mentor_participant_id, pair.mentee_participant_id]).execute();
    expect(rows).toEqual([{ participant_id: pair.mentor_participant_id, answers: { progress: 2 } }]);
  });

  it('asks for the no-fault re-pair when a member answers the pairing-fit survey with repair', async () => {
    const { pair, mentorId } = await freshPair();
    const res = await service.api('POST', `/api/pairs/${pair.id}/surveys/pairing-fit`, { as: mentorId, body: { fit: 1, repair: true } });
    expect(res).toMatchObject({ status: 200, body: { repairRequested: true } });
    expect(await db().selectFrom('pairs').select(['status', 'end_reason']).where('id', '=', pair.id).executeTakeFirstOrThrow()).toEqual({ status: 'ended', end_reason: 'no-fault-repair' });
  });

  it('never shows one person’s answers to an admin: the programme’s insight counts them only in aggregate', async () => {
    const programme = await aProgramme(db(), tenantId);
    const { pair, menteeId } = await freshPair(programme.id);
    clock = new Date('2026-05-04T12:00:00Z');
    await service.api('POST', `/api/pairs/${pair.id}/surveys/mid-point`, { as: menteeId, body: { progress: 5, comment: 'A very identifiable remark' } });
    const paths = ['/api/programmes', `/api/programmes/${programme.id}`, `/api/programmes/${programme.id}/insight`, `/api/programmes/${programme.id}/insight/export.csv`];
    for (const path of paths) {
      const res = await service.api('GET', path, { as: admin });
      expect(res.status).toBe(200);
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      expect(text).not.toContain('A very identifiable remark');
      expect(text).not.toMatch(/"(answers|progress)"/);
    }
  });
});
