import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { aPair, aProgramme } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';

const admin = DEMO_PERSONAS.programmeAdmin.id;
const now = new Date('2026-03-10T12:00:00Z');

describe('training counts for admins', () => {
  let service: TestService;
  beforeAll(async () => {
    // The organisation's floor at its lowest, so that the programme's own threshold of 3 holds.
    service = await startTestService({ clock: () => now, env: { UPWARD_ANONYMITY_FLOOR: '3' } });
  });
  afterAll(async () => {
    await service.close();
  });

  it('counts the people who finished each module, withholding counts below the anonymity threshold, and names nobody', async () => {
    const { db } = service.database;
    const tenantId = service.standIn.tenantId.toLowerCase();
    const programme = await aProgramme(db, tenantId, { settings: { ...defaultProgrammeSettings, anonymityThreshold: 3 } });
    const people = service.standIn.org.people.slice(40, 46).map((p) => p.user.id);
    const pairs = await Promise.all([0, 1, 2].map((i) => aPair(db, tenantId, { programmeId: programme.id, mentorUserId: people[2 * i], menteeUserId: people[2 * i + 1] })));
    for (const pair of pairs) {
      expect((await service.api('POST', `/api/pairs/${pair.id}/training/mentee-listening/done`, { as: pair.mentee_user_id })).status).toBe(200);
    }
    expect((await service.api('POST', `/api/pairs/${pairs[0]!.id}/training/mentor-story/done`, { as: pairs[0]!.mentor_user_id })).status).toBe(200);

    const answer = await service.api('GET', `/api/programmes/${programme.id}/insight/training`, { as: admin });
    expect(answer.status).toBe(200);
    expect(answer.body.threshold).toBe(3);
    const byId = Object.fromEntries(answer.body.modules.map((m: { id: string; completed: number | null }) => [m.id, m.completed]));
    expect(byId['mentee-listening']).toBe(3);
    expect(byId['mentor-story']).toBeNull();
    expect(byId['both-charter']).toBeNull();
    for (const pair of pairs) expect(JSON.stringify(answer.body)).not.toContain(pair.mentee_user_id);

    expect((await service.api('GET', `/api/programmes/${programme.id}/insight/training`, { as: pairs[0]!.mentee_user_id })).status).toBe(403);
  });
});
