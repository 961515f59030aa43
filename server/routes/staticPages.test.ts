import { startTestService, type TestService } from '../../test/harness/testService';

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

  it('lets every Microsoft 365 host frame the tab, and shows blob: images (partner photos)', async () => {
    const policy = (await fetch(`${service.url}/tab/index.html`)).headers.get('content-security-policy') ?? '';
    const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `))?.split(/\s+/).slice(1) ?? [];
    expect(directive('frame-ancestors')).toEqual(
      expect.arrayContaining(['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://*.office.com', 'https://*.microsoft365.com', 'https://*.office365.com']),
    );
    expect(directive('img-src')).toContain('blob:');
  });

  it('answers health and readiness probes', async () => {
    expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ status: 'ok', unhandledRejections: 0 });
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
      // Beside the local Teams host stand-in only (standInEnvironment sets it).
      teamsHostOrigins: [service.standIn.url],
    });
    expect(JSON.stringify(body)).not.toContain(service.standIn.managedIdentity.environment.IDENTITY_HEADER);
  });
});
