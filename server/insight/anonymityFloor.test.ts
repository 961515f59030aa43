import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { aProgramme } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';

describe('the organisation’s anonymity floor', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ env: { UPWARD_ANONYMITY_FLOOR: '8' } });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('holds on the dashboard of a programme stored with a lower threshold (written before the floor was raised)', async () => {
    const programme = await aProgramme(service.database.db, service.standIn.tenantId.toLowerCase(), { settings: { ...defaultProgrammeSettings, anonymityThreshold: 5 } });
    const response = await service.api('GET', `/api/programmes/${programme.id}/insight`, { as: DEMO_PERSONAS.programmeAdmin.id });
    expect(response.status).toBe(200);
    expect(response.body.threshold).toBe(8);
  });
});
