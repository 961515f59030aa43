import { DateTime } from 'luxon';
import { startTestService, type TestService } from '../test/harness/testService';
import { DEMO_PERSONAS } from './demoOrg/personas';
import { seedDemo } from './seedDemo';

describe('the demo programme’s charters', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
    await seedDemo(service.deps, service.standIn.org, DateTime.utc().minus({ weeks: 3 }).toISODate()!);
  });
  afterAll(() => service.close());

  const pairsOfProgramme = () => service.database.db.selectFrom('pairs').selectAll().where('tenant_id', '=', service.standIn.org.tenantId).execute();
  const nameOf = (id: string) => service.standIn.org.people.find((p) => p.user.id === id)!.user.displayName;
  const charterAs = async (userId: string, pairId: string) => {
    const res = await service.api<{ charter: { text: string } }>('GET', `/api/pairs/${pairId}/workspace`, { as: userId });
    expect(res.status).toBe(200);
    return res.body.charter.text;
  };

  it('names each pair’s own two people, never another pair’s, with the programme’s rhythm filled in', async () => {
    const pairs = await pairsOfProgramme();
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    const personas = pairs.find((p) => p.mentee_user_id === DEMO_PERSONAS.seniorLeader.id)!;
    const other = pairs.find((p) => p !== personas)!;
    const personasCharter = await charterAs(personas.mentor_user_id, personas.id);
    const otherCharter = await charterAs(other.mentee_user_id, other.id);

    expect(personasCharter).toContain(`${nameOf(DEMO_PERSONAS.seniorLeader.id)} sets the agenda; ${nameOf(DEMO_PERSONAS.juniorMentor.id)}’s experience`);
    expect(otherCharter).toContain(`${nameOf(other.mentee_user_id)} sets the agenda; ${nameOf(other.mentor_user_id)}’s experience`);
    expect(otherCharter).not.toContain(DEMO_PERSONAS.seniorLeader.givenName);
    expect(otherCharter).toContain('every 14 days for 60 minutes');
    expect(otherCharter).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it('takes the admin’s new charter into every charter nobody has signed, keeping signed words, and refuses unknown placeholders', async () => {
    const [signedPair, unsignedPair] = await pairsOfProgramme();
    const programmeId = signedPair!.programme_id;
    const admin = DEMO_PERSONAS.programmeAdmin.id;
    await service.database.db.updateTable('pairs').set({ status: 'accepted' }).where('id', '=', signedPair!.id).execute();
    const signed = await service.api('POST', `/api/pairs/${signedPair!.id}/charter/sign`, { as: signedPair!.mentor_user_id });
    expect(signed.status).toBe(200);
    const before = await charterAs(signedPair!.mentor_user_id, signedPair!.id);

    const refused = await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin, body: { charterText: 'Dear {mentee}, your {manager} knows.' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(refused.body)).toContain('{manager}');

    const changed = await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin, body: { charterText: '{mentor} and {mentee} agree to meet until {endsOn}.' } });
    expect(changed.status).toBe(200);
    expect(await charterAs(unsignedPair!.mentee_user_id, unsignedPair!.id)).toMatch(new RegExp(`^${nameOf(unsignedPair!.mentor_user_id)} and ${nameOf(unsignedPair!.mentee_user_id)} agree to meet until \\d{4}-\\d{2}-\\d{2}\\.$`));
    expect(await charterAs(signedPair!.mentor_user_id, signedPair!.id)).toBe(before);
  });
});
