import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../../dev/m365StandIn';
import { awayFromWindowEdge } from '../../test/harness/rateLimitWindow';
import { startTestService, type TestService } from '../../test/harness/testService';
import { clientAddressKey } from './rateLimits';

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
    await awayFromWindowEdge();
    for (let i = 0; i < 7; i++) statuses.push((await service.api('GET', '/api/me', { token: leader })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await service.api('GET', '/api/me', { token: leader });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('tooManyRequests');
    expect(limited.headers.get('ratelimit-policy')).toMatch(/5/);
    expect((await service.api('GET', '/api/me', { as: DEMO_PERSONAS.juniorMentor.id })).status).toBe(200);
  });
});

describe('the address a limit counts', () => {
  let standIn: M365StandIn;
  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, size: 60 });
  });
  afterAll(async () => {
    await standIn.stop();
  });

  it('drops the port App Service adds to a forwarded address, for IPv4 and IPv6', () => {
    expect(clientAddressKey('203.0.113.7:50123')).toBe(clientAddressKey('203.0.113.7'));
    expect(clientAddressKey('203.0.113.7:50124')).toBe(clientAddressKey('203.0.113.7:50123'));
    expect(clientAddressKey('[2001:db8::1]:443')).toBe(clientAddressKey('2001:db8::1'));
    expect(clientAddressKey('203.0.113.8')).not.toBe(clientAddressKey('203.0.113.7'));
  });

  async function statusesFrom(env: Record<string, string>, forwarded: (i: number) => string): Promise<number[]> {
    const service = await startTestService({ standIn, env: { RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3', ...env } });
    try {
      const statuses: number[] = [];
      await awayFromWindowEdge();
      for (let i = 0; i < 5; i++) statuses.push((await service.api('GET', '/api/me', { headers: { 'x-forwarded-for': forwarded(i) } })).status);
      return statuses;
    } finally {
      await service.close();
    }
  }

  it('ignores a spoofed X-Forwarded-For when the service is reached directly', async () => {
    // Unauthenticated requests: 401 until the address is over its limit, then 429, whatever address each claims.
    expect(await statusesFrom({}, (i) => `198.51.100.${i}`)).toEqual([401, 401, 401, 429, 429]);
  });

  it('counts one client behind App Service once, whichever port its connections came from', async () => {
    expect(await statusesFrom({ TRUST_PROXY_HOPS: '1' }, (i) => `198.51.100.9:${40000 + i}`)).toEqual([401, 401, 401, 429, 429]);
  });
});
