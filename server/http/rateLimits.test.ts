import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startTestService, type TestService } from '../testing/testService';

describe('rate limits', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ env: { RATE_LIMIT_PER_USER_PER_MINUTE: '5', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100' } });
  });
  afterAll(async () => {
    await service.close();
  });

  it('answers a person over their limit with 429 problem+json, and leaves others alone', async () => {
    const leader = await service.tokenFor(DEMO_PERSONAS.seniorLeader.id);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await service.api('GET', '/api/me', { token: leader })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await service.api('GET', '/api/me', { token: leader });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('tooManyRequests');
    expect(limited.headers.get('ratelimit-policy')).toMatch(/5/);
    expect((await service.api('GET', '/api/me', { as: DEMO_PERSONAS.juniorMentor.id })).status).toBe(200);
  });
});
