import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startTestService, type TestService } from '../testing/testService';
import { mailboxHours } from './mailboxSettings';

describe('working hours for reminders', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.close();
  });

  it('reads a person’s zone and hours, and lets a failing Graph fail the job instead of forgetting them', async () => {
    const hoursOf = mailboxHours(service.deps.graph, () => new Date());
    const tenant = service.standIn.tenantId;
    const leader = DEMO_PERSONAS.seniorLeader.id;
    service.standIn.faults.add({ path: `^/users/${leader}/mailboxSettings$`, status: 503, count: 50 });
    await expect(hoursOf(tenant, leader)).rejects.toBeDefined();
    service.standIn.faults.clear();
    const hours = await hoursOf(tenant, leader);
    expect(hours.timeZone).toBe('Europe/London');
    expect(hours.workingHours?.daysOfWeek?.length).toBeGreaterThan(0);
  });

  it('sends at any hour in UTC to someone without a mailbox', async () => {
    const hoursOf = mailboxHours(service.deps.graph, () => new Date());
    expect(await hoursOf(service.standIn.tenantId, '00000000-0000-4000-8000-00000000dead')).toEqual({ timeZone: 'UTC', workingHours: null });
  });
});
