import { startTestService, type TestService } from '../testing/testService';

describe('pages the app manifest links to', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.close();
  });

  it.each(['/privacy.html', '/terms.html'])('serves %s with security headers', async (page) => {
    const response = await fetch(`${service.url}${page}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors/);
    expect(await response.text()).toMatch(/Upward/);
  });

  it('answers health and readiness probes', async () => {
    expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${service.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});
