import fc from 'fast-check';
import { createApp } from '../../server/app';
import type { ApiResponse } from '../harness/testService';
import { routeExpectations, type CallerKind, type RouteExpectation } from './routeExpectations';
import { tokenOf } from './support/callers';
import { discoverRoutes, type DiscoveredRoute } from './support/routes';
import { buildWorld, people, startTwoTenantService, tenantDigest, type TwoTenantService, type World } from './support/world';

const runsPerRoute = Number(process.env.UPWARD_FUZZ_RUNS ?? 6);

function allowedKind(entry: RouteExpectation): CallerKind | null {
  return (['self', 'admin', 'partner', 'stranger'] as CallerKind[]).find((k) => entry.callers[k] === 'ok' || entry.callers[k] === 'allowed') ?? null;
}

/** Bodies near the valid one (a field replaced, a key added) and anything at all. */
function bodies(valid: unknown): fc.Arbitrary<unknown> {
  const anything = fc.jsonValue({ maxDepth: 4 });
  if (!valid || typeof valid !== 'object' || Array.isArray(valid)) return anything;
  const keys = Object.keys(valid);
  const replaced = fc.record({ key: fc.constantFrom(...keys), value: fc.oneof(anything, fc.string({ unit: 'binary', maxLength: 600 }), fc.constant('before\u0000after'), fc.integer(), fc.constant(null)) }).map(({ key, value }) => ({ ...valid, [key]: value }));
  const extra = fc.record({ key: fc.string({ maxLength: 20 }), value: anything }).map(({ key, value }) => ({ ...valid, [key]: value }));
  return fc.oneof(replaced, extra, anything);
}

const queries = fc.dictionary(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 40 }), { maxKeys: 3 });

function problemIsClear(response: ApiResponse): string | null {
  if (response.status >= 500) return `answered ${response.status}`;
  if (response.status < 400) return null;
  const body = response.body as { detail?: unknown; code?: unknown } | null;
  if (!String(response.headers.get('content-type')).startsWith('application/problem+json')) return `${response.status} without problem+json`;
  if (typeof body?.detail !== 'string' || body.detail.length < 10 || typeof body.code !== 'string') return `${response.status} without a clear detail`;
  return null;
}

describe('bad input: fuzzed bodies and queries on every route', () => {
  let service: TwoTenantService;
  let routes: DiscoveredRoute[];
  let world: World;
  beforeAll(async () => {
    service = await startTwoTenantService();
    routes = discoverRoutes(createApp(service.deps)).filter((r) => routeExpectations[r.key] && !routeExpectations[r.key]!.outsideApi);
    world = await buildWorld(service.database.db, service.tenantA);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('answers only 4xx problem+json with a detail, never 5xx, and a rejected request changes nothing', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const entry = routeExpectations[route.key]!;
      const kind = allowedKind(entry);
      if (!kind || entry.contentType) continue;
      const token = await tokenOf(service, kind, entry);
      const valid = entry.body?.(world);
      const [path, validQuery] = entry.path(world).split('?');
      // The tenant as the last rejected request left it (unchanged, or that was reported): read
      // again only after a request was accepted, so most requests cost one digest, not two.
      let unchangedSince: string | null = null;
      await fc.assert(
        fc.asyncProperty(bodies(valid), queries, async (body, query) => {
          const before = unchangedSince ?? (await tenantDigest(service.database.db, service.tenantA));
          const search = new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(validQuery ?? '')), ...query }).toString();
          const response = await service.api(route.method, `${path}${search ? `?${search}` : ''}`, { token, body: route.method === 'GET' ? undefined : body });
          const problem = problemIsClear(response);
          if (problem) failures.push(`${route.key} ${JSON.stringify(body).slice(0, 120)} ?${search}: ${problem}`);
          unchangedSince = null;
          if (response.status >= 400) {
            const after = await tenantDigest(service.database.db, service.tenantA);
            if (after !== before) failures.push(`${route.key}: rejected (${response.status}) but changed the database`);
            unchangedSince = after;
          }
          return !problem;
        }),
        { numRuns: runsPerRoute, seed: 20260417 },
      ).catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 420_000);

  it('refuses an oversized body with 413, a body that is not JSON with 415, malformed and deeply nested JSON with 400', async () => {
    world = await buildWorld(service.database.db, service.tenantA);
    const token = await service.token(people.mentee);
    const path = `/api/pairs/${world.pairId}/reflections`;
    const before = await tenantDigest(service.database.db, service.tenantA);
    const big = await service.api('POST', path, { token, body: { text: 'x'.repeat(200_000) } });
    expect([big.status, big.body.code]).toEqual([413, 'payloadTooLarge']);
    const text = await service.api('POST', path, { token, body: 'text=hello', headers: { 'content-type': 'text/plain' } });
    expect([text.status, text.body.code]).toEqual([415, 'unsupportedMediaType']);
    const form = await service.api('POST', path, { token, body: 'text=hello', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([form.status, form.body.code]).toEqual([415, 'unsupportedMediaType']);
    const malformed = await service.api('POST', path, { token, body: '{"text": "unterminated', headers: { 'content-type': 'application/json' } });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'invalidJson']);
    const deep = await service.api('POST', path, { token, body: `{"text":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, headers: { 'content-type': 'application/json' } });
    expect(deep.status).toBe(400);
    expect(deep.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await tenantDigest(service.database.db, service.tenantA)).toBe(before);
  });

  it('refuses a NUL character in any string with 400 naming the field, and an unknown Content-Encoding with 415, changing nothing', async () => {
    world = await buildWorld(service.database.db, service.tenantA);
    const token = await service.token(people.mentee);
    const before = await tenantDigest(service.database.db, service.tenantA);
    const nul = await service.api('POST', `/api/pairs/${world.pairId}/agenda`, { token, body: { text: 'before\u0000after' } });
    expect([nul.status, nul.body.code]).toEqual([400, 'invalidRequest']);
    expect(JSON.stringify(nul.body.errors)).toContain('text');
    const nested = await service.api('POST', `/api/pairs/${world.pairId}/agenda`, { token, body: { text: 'fine', ['k\u0000ey']: 1 } });
    expect(nested.status).toBe(400);
    const query = await service.api('GET', `/api/pairs/${world.pairId}/workspace?x=%00`, { token });
    expect(query.status).toBe(400);
    const encoded = await service.api('POST', `/api/pairs/${world.pairId}/agenda`, { token, body: JSON.stringify({ text: 'hello' }), headers: { 'content-type': 'application/json', 'content-encoding': 'bogus' } });
    expect([encoded.status, encoded.body.code]).toEqual([415, 'unsupportedMediaType']);
    const badGzip = await service.api('POST', `/api/pairs/${world.pairId}/agenda`, { token, body: 'not gzip at all', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect([badGzip.status, badGzip.body.code]).toEqual([400, 'undecodableBody']);
    expect(await tenantDigest(service.database.db, service.tenantA)).toBe(before);
  });

  it('stores unicode and markup verbatim and returns it as JSON, never as HTML', async () => {
    const text = '<script>alert("x")</script><img src=x onerror=alert(1)> 👩🏽‍💻 العربية \u202Eevil\u202C &amp; {{7*7}} ${x}';
    // The fuzzer may have erased the mentee (DELETE /api/me/data): a fresh pair.
    world = await buildWorld(service.database.db, service.tenantA);
    const token = await service.token(people.mentee);
    const created = await service.api('POST', `/api/pairs/${world.pairId}/agenda`, { token, body: { text } });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    expect(created.headers.get('x-content-type-options')).toBe('nosniff');
    const workspace = await service.api('GET', `/api/pairs/${world.pairId}/workspace`, { token });
    expect(JSON.stringify(workspace.body)).toContain(JSON.stringify(text).slice(1, -1));
    const stored = await service.database.db.selectFrom('agenda_items').select('text').where('tenant_id', '=', service.tenantA).where('text', '=', text).execute();
    expect(stored).toHaveLength(1);
  });
});
