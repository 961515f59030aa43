import { managementDepth } from '../../dev/demoOrg/depth';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import type { DemoPerson } from '../../dev/demoOrg/types';
import { startTestService, type TestService } from '../../test/harness/testService';

const admin = DEMO_PERSONAS.programmeAdmin.id;
const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const inLeadersChain = DEMO_PERSONAS.juniorInLeadersChain.id;

describe('from enrolment to accepted pairs', () => {
  let service: TestService;
  let programmeId: string;
  let people: Map<string, DemoPerson>;

  beforeAll(async () => {
    service = await startTestService();
    people = new Map(service.standIn.org.people.map((p) => [p.user.id!, p]));
    const created = await service.api('POST', '/api/programmes', {
      as: admin,
      body: { name: 'Reverse mentoring 2027', startsOn: '2027-01-04', settings: { minSeniorityGap: 2 } },
    });
    programmeId = created.body.id;
  });
  afterAll(async () => {
    await service.close();
  });

  it('lets people enrol themselves only while the programme is open', async () => {
    const closed = await service.api('POST', `/api/programmes/${programmeId}/enrolment`, { as: leader, body: { role: 'mentee' } });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('programmeNotOpen');
    await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin, body: { status: 'open' } });
    const enrolled = await service.api('POST', `/api/programmes/${programmeId}/enrolment`, {
      as: leader,
      body: { role: 'mentee', learningGoals: ['lived experience', 'social media'], languages: ['en'], meetingPreference: 'either' },
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ role: 'mentee', userId: leader, learningGoals: ['lived experience', 'social media'] });
    const again = await service.api('POST', `/api/programmes/${programmeId}/enrolment`, { as: leader, body: { role: 'mentee' } });
    expect(again.status).toBe(409);
    const mine = await service.api('GET', '/api/enrolment/programmes', { as: leader });
    expect(mine.body.programmes.find((p: { id: string }) => p.id === programmeId).enrolment.role).toBe('mentee');
  });

  it('validates enrolment answers field by field', async () => {
    const bad = await service.api('POST', `/api/programmes/${programmeId}/enrolment`, {
      as: mentor,
      body: { role: 'manager', capacity: 50, languages: ['not a language'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['capacity', 'languages.0', 'role']);
  });

  it('imports nothing from a CSV with a bad row unless asked to import the valid rows', async () => {
    const depthOf = managementDepth(service.standIn.org);
    const deep = [...people.values()].filter((p) => depthOf(p.user.id!) >= 5 && p.user.id !== inLeadersChain).slice(0, 3);
    const csv = [
      'email,role,offers,languages',
      `${people.get(mentor)!.user.mail},mentor,lived experience;social media,en`,
      `${deep[0]!.user.mail},mentor,technology,en`,
      'nobody@nowhere.example,mentor,,en',
      `${people.get(inLeadersChain)!.user.mail},mentor,lived experience,en`,
      `${deep[1]!.user.mail},boss,,en`,
    ].join('\n');
    const strict = await service.api('POST', `/api/programmes/${programmeId}/participants/import`, { as: admin, body: csv });
    expect(strict.status).toBe(422);
    expect(strict.body.errors).toEqual([
      { field: 'line 4', message: 'nobody@nowhere.example is not a person in your directory.' },
      { field: 'line 6', message: expect.stringMatching(/^role: must be “mentor”/) },
    ]);
    const german = await service.api('POST', `/api/programmes/${programmeId}/participants/import`, { as: admin, body: csv, headers: { 'accept-language': 'de-DE' } });
    expect(german.body.errors).toEqual([
      { field: 'line 4', message: 'nobody@nowhere.example ist keine Person in Ihrem Verzeichnis.' },
      { field: 'line 6', message: expect.stringMatching(/^role: muss „mentor“/) },
    ]);
    const listed = await service.api('GET', `/api/programmes/${programmeId}/participants`, { as: admin });
    expect(listed.body.participants).toHaveLength(1);

    const lenient = await service.api('POST', `/api/programmes/${programmeId}/participants/import?mode=valid-rows`, { as: admin, body: csv });
    expect(lenient.status).toBe(200);
    expect(lenient.body.imported).toBe(3);
    expect(lenient.body.rejected).toEqual([
      { line: 4, reason: { key: 'csv.notInDirectory', values: { email: 'nobody@nowhere.example' } }, message: 'nobody@nowhere.example is not a person in your directory.' },
      { line: 6, reason: { key: 'csv.invalidValue', values: { column: 'role', problem: 'schema.role' } }, message: expect.stringMatching(/^role: must be “mentor”/) },
    ]);
    const after = await service.api('GET', `/api/programmes/${programmeId}/participants`, { as: admin });
    expect(after.body.participants).toHaveLength(4);
    expect(after.body.participants.find((p: { userId: string }) => p.userId === mentor).department).toBe(people.get(mentor)!.user.department);
  });

  it('refuses an admin pin across a management chain without revealing that the two share a reporting line', async () => {
    const pin = { mentorUserId: inLeadersChain, menteeUserId: leader };
    expect((await service.api('PUT', `/api/programmes/${programmeId}/matching/constraints`, { as: admin, body: { ...pin, kind: 'pin' } })).status).toBe(204);
    const run = await service.api('POST', `/api/programmes/${programmeId}/matching/runs`, { as: admin });
    expect(run.body.proposals.some((p: { mentor: { userId: string } }) => p.mentor.userId === inLeadersChain)).toBe(false);
    expect(run.body.pinIssues).toEqual([expect.objectContaining({ code: 'not-allowed', blockedBy: ['directory-rules'] })]);
    expect(JSON.stringify(run.body)).not.toMatch(/same-chain|same-manager|management chain|same manager/);
    // The admins read the pin by the two names the run read from the directory.
    const listed = await service.api('GET', `/api/programmes/${programmeId}/matching/constraints`, { as: admin });
    expect(listed.body.constraints).toEqual([{ ...pin, kind: 'pin', mentorName: people.get(inLeadersChain)!.user.displayName, menteeName: people.get(leader)!.user.displayName }]);
    expect((await service.api('DELETE', `/api/programmes/${programmeId}/matching/constraints`, { as: admin, body: pin })).status).toBe(204);
  });

  it('proposes pairs that never cross a management chain, explains them, and publishes once', async () => {
    const run = await service.api('POST', `/api/programmes/${programmeId}/matching/runs`, { as: admin });
    expect(run.status).toBe(201);
    expect(run.body.proposals).toHaveLength(1);
    const [proposal] = run.body.proposals;
    expect(proposal.mentee.userId).toBe(leader);
    expect(proposal.mentor.userId).not.toBe(inLeadersChain);
    expect(proposal.reasons.length).toBeGreaterThan(0);
    const unmatchedInChain = run.body.unmatched.find((u: { userId: string }) => u.userId === inLeadersChain);
    expect(unmatchedInChain).toBeDefined();
    expect(JSON.stringify(run.body.unmatched)).not.toMatch(new RegExp(people.get(leader)!.managerId ?? 'no-manager'));

    const denied = await service.api('POST', `/api/programmes/${programmeId}/matching/runs`, { as: leader });
    expect(denied.status).toBe(403);

    const published = await service.api('POST', `/api/programmes/${programmeId}/matching/runs/${run.body.id}/publish`, { as: admin });
    expect(published.body).toEqual({ published: 1 });
    const twice = await service.api('POST', `/api/programmes/${programmeId}/matching/runs/${run.body.id}/publish`, { as: admin });
    expect(twice.status).toBe(409);
    const rerun = await service.api('POST', `/api/programmes/${programmeId}/matching/runs`, { as: admin });
    expect(rerun.body.proposals).toEqual([]);
  });

  it('accepts a pair only when both people accept, and refuses a decline after that', async () => {
    const [pair] = (await service.api('GET', '/api/pairs', { as: leader })).body.pairs;
    expect(pair).toMatchObject({ myRole: 'mentee', status: 'proposed', abilities: { accept: true } });
    expect(JSON.stringify(pair)).not.toMatch(/manager/i);
    const partnerId = pair.partner.userId;
    const one = await service.api('POST', `/api/pairs/${pair.id}/accept`, { as: leader });
    expect(one.body.status).toBe('proposed');
    const outsider = await service.api('POST', `/api/pairs/${pair.id}/accept`, { as: admin });
    expect(outsider.status).toBe(404);
    const both = await service.api('POST', `/api/pairs/${pair.id}/accept`, { as: partnerId });
    expect(both.body.status).toBe('accepted');
    const late = await service.api('POST', `/api/pairs/${pair.id}/decline`, { as: partnerId });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/no-fault re-pair/);
  });
});
