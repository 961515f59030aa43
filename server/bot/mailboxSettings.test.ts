import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startTestService, type TestService } from '../../test/harness/testService';
import { mailboxHours } from './mailboxSettings';
import { sendTimeFor } from '../jobs/botMessages/sendWindow';

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

  it('reads working hours in a custom time zone and schedules a reminder at the start of that person’s next working day', async () => {
    const now = new Date('2026-07-04T12:00:00Z'); // a Saturday, London on summer time
    const hoursOf = mailboxHours(service.deps.graph, () => now);
    const person = service.standIn.org.people.find((p) => p.mailboxSettings.timeZone === 'tzone://Microsoft/Custom' && p.buildingId.startsWith('ldn'))!;
    const hours = await hoursOf(service.standIn.tenantId, person.user.id);
    expect(hours.workingHours?.timeZone).toMatchObject({ name: 'Customized Time Zone', bias: 0 });
    // London's daylight offset now, as a zone Intl can print.
    expect(hours.timeZone).toBe('Etc/GMT-1');
    const [h, m] = person.mailboxSettings.workingHours!.startTime!.split(':').map(Number) as [number, number];
    // Monday 6 July, at the working day's start in London summer time (UTC+1).
    expect(sendTimeFor(hours, now, null).toISOString()).toBe(new Date(Date.UTC(2026, 6, 6, h - 1, m)).toISOString());
  });
});
