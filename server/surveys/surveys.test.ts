import { randomUUID } from 'node:crypto';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { defaultSurveySchedule } from '../../shared/schemas/programme';
import { planBotJobs } from '../jobs/botMessages/botPlanner';
import { aCaller, aPair, aProgramme } from '../../test/harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../test/harness/testService';
import { surveyResponder } from './surveyCommands';

const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const now = new Date('2026-05-10T12:00:00Z');

describe('surveys', () => {
  let service: TestService;
  let teams: TeamsConnector;
  let tenantId: string;

  beforeAll(async () => {
    teams = await startTeamsConnector();
    service = await startTestService({ clock: () => now });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service.close();
    await teams.stop();
  });
  const db = () => service.database.db;
  const surveyJobs = async (pairId: string) =>
    (await db().selectFrom('jobs').select(['dedupe_key', 'run_at']).where('kind', '=', 'bot.survey').execute()).filter((j) => j.dedupe_key.includes(pairId)).map((j) => j.dedupe_key.split(':')[1]).sort();

  it('schedules the mid-point survey half way through the relationship and the end survey before it ends, as the programme’s schedule says', async () => {
    const pair = await aPair(db(), tenantId, { startedAt: new Date('2026-02-01T09:00:00Z') });
    const quiet = await aPair(db(), tenantId, { programmeId: (await aProgramme(db(), tenantId, { details: { surveySchedule: { ...defaultSurveySchedule, midPoint: false, end: false } } })).id });
    await planBotJobs(db(), now);
    expect(await surveyJobs(pair.id)).toEqual(['mid-point', 'mid-point']);
    expect(await surveyJobs(quiet.id)).toEqual([]);
    await planBotJobs(db(), new Date('2026-07-26T12:00:00Z'));
    expect(await surveyJobs(pair.id)).toEqual(['end', 'end', 'mid-point', 'mid-point']);
    expect(await surveyJobs(quiet.id)).toEqual([]);
  });

  it('records the answers sent from the survey cards, once per person and survey, and refuses scores outside 1-5', async () => {
    const pair = await aPair(db(), tenantId, { mentorUserId: mentor.id, menteeUserId: leader.id });
    const submit = async (p: { id: string; givenName: string }, value: Record<string, unknown>) => {
      const answer = await teams.chat(service, { tenantId, userId: p.id, name: p.givenName, at: new Date() }, { press: { verb: 'survey.submit', data: { pairId: pair.id, ...value } } });
      return answer.cards.join('\n');
    };
    expect(await submit(leader, { kind: 'pairing-fit', fit: '4' })).toContain('counted only in aggregate');
    expect(await submit(leader, { kind: 'pairing-fit', fit: '5' })).toContain('counted only in aggregate');
    expect(await submit(mentor, { kind: 'mid-point', progress: '3', comment: 'More shadowing, please.' })).toContain('counted only in aggregate');
    expect(await submit(leader, { kind: 'end', before: '2', after: '4', comment: '' })).toContain('counted only in aggregate');
    expect(await submit(mentor, { kind: 'end', before: '9', after: '4' })).toContain('Check what you entered and try again.');

    const rows = await db()
      .selectFrom('survey_responses as r')
      .innerJoin('surveys as s', (j) => j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.survey_id'))
      .select(['s.kind', 'r.participant_id', 'r.answers'])
      .where('s.programme_id', '=', pair.programme_id)
      .orderBy('s.kind')
      .execute();
    expect(rows).toEqual([
      { kind: 'end', participant_id: pair.mentee_participant_id, answers: { before: 2, after: 4, comment: '' } },
      { kind: 'mid-point', participant_id: pair.mentor_participant_id, answers: { progress: 3, comment: 'More shadowing, please.' } },
      { kind: 'pairing-fit', participant_id: pair.mentee_participant_id, answers: { fit: 5 } },
    ]);
  });

  it('ends the pair without fault when a member asks for a new partner with their pairing-fit answer, and refuses people outside the pair', async () => {
    const pair = await aPair(db(), tenantId);
    await expect(surveyResponder({ db: db(), actor: aCaller(tenantId, randomUUID()), pairId: pair.id, kind: 'pairing-fit', answers: { fit: '1' }, now })).rejects.toMatchObject({ code: 'notFound' });
    const result = await surveyResponder({ db: db(), actor: aCaller(tenantId, pair.mentor_user_id), pairId: pair.id, kind: 'pairing-fit', answers: { fit: '1', repair: 'true' }, now });
    expect(result).toEqual({ repairRequested: true });
    expect(await db().selectFrom('pairs').select(['status', 'end_reason']).where('id', '=', pair.id).executeTakeFirstOrThrow()).toEqual({ status: 'ended', end_reason: 'no-fault-repair' });
  });
});
