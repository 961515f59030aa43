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

describe('sign-in configuration for browsers', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.close();
  });

  it('publishes the authority and client id, and nothing secret', async () => {
    const body = await (await fetch(`${service.url}/auth/config.json`)).json();
    expect(body).toEqual({
      authority: `${service.standIn.url}/${service.standIn.tenantId}`,
      clientId: service.standIn.clientId,
      scope: `${service.standIn.clientId}/access_as_user`,
    });
    expect(JSON.stringify(body)).not.toContain(service.standIn.clientSecret);
  });
});
