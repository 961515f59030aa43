import path from 'node:path';
import { buildAppPackage } from '../appPackage/buildPackage';
import { readEnvironment } from '../appPackage/environment';
import { startTestService, type TestService } from './harness/testService';

const root = path.resolve(__dirname, '..');

/** Every string in the manifest that points at the service. */
function serviceUrls(value: unknown, base: string, found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.startsWith(base)) found.add(value);
  else if (Array.isArray(value)) for (const v of value) serviceUrls(v, base, found);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) serviceUrls(v, base, found);
  return found;
}

describe('the app manifest and the service', () => {
  let service: TestService;
  beforeAll(async () => {
    // The web assets the manifest names were built by the test run's global setup (npm run build).
    service = await startTestService();
  }, 180_000);
  afterAll(async () => {
    await service.close();
  });

  it('serves every URL the filled manifest points at', async () => {
    const url = new URL(service.url);
    const env = { ...readEnvironment(root, 'local'), TAB_ENDPOINT: service.url, TAB_DOMAIN: url.host };
    const { manifest } = await buildAppPackage(env);
    const urls = [...serviceUrls(manifest, service.url)];
    expect(urls.length).toBeGreaterThanOrEqual(8);
    const failures: string[] = [];
    for (const address of urls) {
      const response = await fetch(address.split('#')[0]!);
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || body.length === 0) failures.push(`${address}: ${response.status}`);
    }
    expect(failures).toEqual([]);
  });
});
