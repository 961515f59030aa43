import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;
const stranger = DEMO_PERSONAS.juniorInLeadersChain.id;

describe('GET /api/pairs/:id/partner/photo', () => {
  let service: TestService;
  let tenantId: string;

  beforeAll(async () => {
    service = await startTestService();
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service.close();
  });

  it("gives each member their partner's Microsoft 365 photo, cacheable by the browser only", async () => {
    // The stand-in colours a photo by the first bytes of the id, which the demo personas share.
    const colleague = service.standIn.org.people.find((p) => !p.user.id.startsWith(leader.slice(0, 6)) && !p.user.id.endsWith('7'))!.user.id;
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: colleague, menteeUserId: leader });
    const photos = new Map<string, Buffer>();
    for (const [me, partner] of [[leader, colleague], [colleague, leader]] as const) {
      const response = await fetch(`${service.url}/api/pairs/${pair.id}/partner/photo`, { headers: { authorization: `Bearer ${await service.tokenFor(me)}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
      const bytes = Buffer.from(await response.arrayBuffer());
      const direct = await fetch(`${service.standIn.graphBaseUrl}/users/${partner}/photo/$value`, { headers: { authorization: `Bearer ${await service.standIn.issueAppToken()}` } });
      expect(bytes.equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);
      photos.set(me, bytes);
    }
    expect(photos.get(leader)!.equals(photos.get(colleague)!)).toBe(false);
  });

  it('answers 404 to anyone outside the pair, admins included, exactly as for a pair that does not exist', async () => {
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: mentor, menteeUserId: leader });
    const missing = await service.api('GET', '/api/pairs/00000000-0000-4000-8000-000000000000/partner/photo', { as: leader });
    expect(missing.status).toBe(404);
    for (const outsider of [admin, stranger]) {
      const refused = await service.api('GET', `/api/pairs/${pair.id}/partner/photo`, { as: outsider });
      expect(refused.status).toBe(404);
      expect({ ...refused.body, instance: undefined }).toEqual({ ...missing.body, instance: undefined });
    }
    expect((await service.api('GET', `/api/pairs/${pair.id}/partner/photo`)).status).toBe(401);
  });

  it('answers 404 when the partner has no photo', async () => {
    const noPhoto = service.standIn.org.people.find((p) => p.user.id.endsWith('7') && p.appRoles.length === 0)!;
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: noPhoto.user.id, menteeUserId: leader });
    const response = await service.api('GET', `/api/pairs/${pair.id}/partner/photo`, { as: leader });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('notFound');
  });
});
