import { randomUUID } from 'node:crypto';
import { describeEachEngine } from '../../test/harness/databases';
import { aPair, aParticipant, aProgramme } from '../../test/harness/factories';
import { serverBotBackend } from '../bot/serverBotBackend';
import { json, reportStoredDataTo } from '../store/json';
import { presentRun } from './runPresenter';

const tenantId = 'f2c1a8e0-0000-4000-8000-000000000016';

describeEachEngine('stored proposal reasons', (database) => {
  it('shows the admin a proposal or an unmatched person whose stored reasons no longer parse with no reasons, and logs each', async () => {
    const { db } = database();
    const warn = jest.fn();
    reportStoredDataTo({ warn });
    const programme = await aProgramme(db, tenantId);
    const mentor = await aParticipant(db, tenantId, { programmeId: programme.id, role: 'mentor' });
    const mentee = await aParticipant(db, tenantId, { programmeId: programme.id, role: 'mentee' });
    const alone = await aParticipant(db, tenantId, { programmeId: programme.id, role: 'mentee' });
    const runId = randomUUID();
    await db.insertInto('match_runs').values({ tenant_id: tenantId, id: runId, programme_id: programme.id, total_score: 1, created_by: 'admin', created_at: new Date(), published_at: null, published_by: null }).execute();
    const [proposalId, unmatchedId] = [randomUUID(), randomUUID()];
    await db
      .insertInto('match_proposals')
      .values([
        { tenant_id: tenantId, id: proposalId, programme_id: programme.id, run_id: runId, mentor_participant_id: mentor.id, mentee_participant_id: mentee.id, score: 1, reasons: json([{ text: 'Both in Lyon' }]), unmatched_code: null },
        { tenant_id: tenantId, id: unmatchedId, programme_id: programme.id, run_id: runId, mentor_participant_id: null, mentee_participant_id: alone.id, score: null, reasons: json('no mentor left'), unmatched_code: 'no-candidate' },
      ])
      .execute();

    const run = await presentRun(db, tenantId, runId);

    expect(run.proposals).toEqual([expect.objectContaining({ reasons: [] })]);
    expect(run.unmatched).toEqual([expect.objectContaining({ participantId: alone.id, reason: null })]);
    expect(warn).toHaveBeenCalledWith({ table: 'match_proposals', column: 'reasons', id: `${tenantId}/${proposalId}`, fields: ['0'] }, expect.any(String));
    expect(warn).toHaveBeenCalledWith({ table: 'match_proposals', column: 'reasons', id: `${tenantId}/${unmatchedId}`, fields: ['(reasons)'] }, expect.any(String));
  });
  it('reads reasons stored as codes as they are, and the English sentences of runs stored before codes as recorded text, shown as written', async () => {
    const { db } = database();
    const warn = jest.fn();
    reportStoredDataTo({ warn });
    const programme = await aProgramme(db, tenantId);
    const [mentor, mentee, oldMentor, oldMentee, alone, oldAlone] = await Promise.all(
      (['mentor', 'mentee', 'mentor', 'mentee', 'mentee', 'mentor'] as const).map((role) => aParticipant(db, tenantId, { programmeId: programme.id, role })),
    );
    const runId = randomUUID();
    await db.insertInto('match_runs').values({ tenant_id: tenantId, id: runId, programme_id: programme.id, total_score: 1, created_by: 'admin', created_at: new Date(), published_at: null, published_by: null }).execute();
    const row = (mentorId: string | null, menteeId: string | null, reasons: unknown, unmatched: string | null) => ({
      tenant_id: tenantId, id: randomUUID(), programme_id: programme.id, run_id: runId, mentor_participant_id: mentorId, mentee_participant_id: menteeId, score: unmatched ? null : 2, reasons: json(reasons), unmatched_code: unmatched,
    });
    const codes = [{ code: 'goalMatch', values: { goals: ['AI'] } }, { code: 'meetOnline' }];
    await db
      .insertInto('match_proposals')
      .values([
        row(mentor!.id, mentee!.id, codes, null),
        row(oldMentor!.id, oldMentee!.id, ['Both are happy to meet online.'], null),
        row(null, alone!.id, [{ code: 'noneEligible', values: { partner: 'mentor', topics: ['admin-block'] } }], 'no-eligible-partner'),
        row(oldAlone!.id, null, ['The capacity is set to 0 mentees, so no mentee was proposed.'], 'no-capacity'),
      ])
      .execute();

    const run = await presentRun(db, tenantId, runId);

    const reasonsOf = (mentorId: string) => run.proposals.find((p) => p.mentor.participantId === mentorId)?.reasons;
    expect(reasonsOf(mentor!.id)).toEqual(codes);
    expect(reasonsOf(oldMentor!.id)).toEqual([{ code: 'recorded', values: { text: 'Both are happy to meet online.' } }]);
    const reasonOf = (participantId: string) => run.unmatched.find((u) => u.participantId === participantId)?.reason;
    expect(reasonOf(alone!.id)).toEqual({ code: 'noneEligible', values: { partner: 'mentor', topics: ['admin-block'] } });
    expect(reasonOf(oldAlone!.id)).toEqual({ code: 'recorded', values: { text: 'The capacity is set to 0 mentees, so no mentee was proposed.' } });
    expect(warn).not.toHaveBeenCalled();
  });
  it('offers a proposed pair to the person with no reasons when the published run’s stored reasons no longer parse, and logs it', async () => {
    const { db } = database();
    const warn = jest.fn();
    reportStoredDataTo({ warn });
    const pair = await aPair(db, tenantId, { status: 'proposed' });
    const runId = randomUUID();
    const proposalId = randomUUID();
    await db.insertInto('match_runs').values({ tenant_id: tenantId, id: runId, programme_id: pair.programme_id, total_score: 1, created_by: 'admin', created_at: new Date(), published_at: new Date(), published_by: 'admin' }).execute();
    await db
      .insertInto('match_proposals')
      .values({ tenant_id: tenantId, id: proposalId, programme_id: pair.programme_id, run_id: runId, mentor_participant_id: pair.mentor_participant_id, mentee_participant_id: pair.mentee_participant_id, score: 1, reasons: json({ shared: 'Lyon' }), unmatched_code: null })
      .execute();
    const backend = serverBotBackend({ db, allowedTenants: [tenantId], timeZoneOf: async () => 'UTC' });

    const offered = await backend.proposal({ tenantId, userId: pair.mentee_user_id, name: 'Mentee' }, pair.id);

    expect(offered).toEqual(expect.objectContaining({ pairId: pair.id, reasons: [] }));
    expect(warn).toHaveBeenCalledWith({ table: 'match_proposals', column: 'reasons', id: `${tenantId}/${proposalId}`, fields: ['(reasons)'] }, expect.any(String));
  });
});
