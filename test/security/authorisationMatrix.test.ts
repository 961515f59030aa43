import { createApp } from '../../server/app';
import type { ApiResponse } from '../harness/testService';
import { routeExpectations, type CallerKind, type Outcome } from './routeExpectations';
import { call, comparable, missingWorld, tokenOf } from './support/callers';
import { discoverRoutes, type DiscoveredRoute } from './support/routes';
import { buildWorld, startTwoTenantService, type TwoTenantService } from './support/world';

const kinds: CallerKind[] = ['anonymous', 'otherTenant', 'stranger', 'admin', 'partner', 'self'];
const codeOf = (r: ApiResponse) => (r.body as { code?: string } | null)?.code;
const refusal = (r: ApiResponse) => r.status === 401 || (r.status === 403 && codeOf(r) === 'forbidden') || (r.status === 404 && codeOf(r) === 'notFound');

describe('authorisation matrix: every route against every kind of caller', () => {
  let service: TwoTenantService;
  let routes: DiscoveredRoute[];

  beforeAll(async () => {
    service = await startTwoTenantService();
    routes = discoverRoutes(createApp(service.deps));
  });
  afterAll(async () => {
    await service?.close();
  });

  it('has an expectation for every route the app serves, and none for a route it does not', () => {
    const served = routes.map((r) => r.key);
    expect(served.filter((key) => !routeExpectations[key])).toEqual([]);
    expect(Object.keys(routeExpectations).filter((key) => !served.includes(key))).toEqual([]);
  });

  it('answers every caller as the table says, a hidden record exactly like a missing one, and audits every admin write', async () => {
    const failures: string[] = [];
    const check = (route: string, kind: CallerKind, outcome: Outcome, ok: boolean, got: ApiResponse) => {
      if (!ok) failures.push(`${route} as ${kind}: expected ${outcome}, got ${got.status} ${JSON.stringify(got.body)?.slice(0, 200)}`);
    };
    for (const route of routes) {
      const entry = routeExpectations[route.key];
      if (!entry) continue;
      // Refused callers share one world (nothing of theirs may change it); each allowed caller gets a fresh one.
      const shared = await buildWorld(service.database.db, service.tenantA);
      for (const kind of kinds) {
        const outcome = entry.callers[kind];
        const refusedOutcome = outcome === 'hidden' || outcome === 'forbidden' || outcome === 'unauthenticated';
        const world = refusedOutcome ? shared : await buildWorld(service.database.db, service.tenantA);
        const token = await tokenOf(service, kind, entry);
        const auditBefore = await auditCount(service);
        const got = await call(service, entry, route.method, world, token);
        if (got.status >= 500) {
          check(route.key, kind, outcome, false, got);
          continue;
        }
        switch (outcome) {
          case 'ok':
            check(route.key, kind, outcome, got.status >= 200 && got.status < 300, got);
            break;
          case 'allowed':
            check(route.key, kind, outcome, !refusal(got), got);
            break;
          case 'refused':
            check(route.key, kind, outcome, (got.status === 403 && codeOf(got) !== 'forbidden') || got.status === 409, got);
            break;
          case 'forbidden':
            check(route.key, kind, outcome, got.status === 403 && codeOf(got) === 'forbidden', got);
            break;
          case 'unauthenticated':
            check(route.key, kind, outcome, got.status === 401, got);
            break;
          case 'hidden': {
            const missing = await call(service, entry, route.method, missingWorld(world), token);
            const same = JSON.stringify(comparable(got)) === JSON.stringify(comparable(missing)) && got.status === 404;
            check(route.key, kind, `${outcome} (like missing: ${missing.status} ${codeOf(missing)})` as Outcome, same, got);
            break;
          }
        }
        if (entry.audited && kind === 'admin' && got.status < 300 && (await auditCount(service)) <= auditBefore) {
          failures.push(`${route.key} as admin: succeeded (${got.status}) without an audit entry`);
        }
        if (!entry.outsideApi && got.status >= 400 && !String(got.headers.get('content-type')).startsWith('application/problem+json')) {
          failures.push(`${route.key} as ${kind}: ${got.status} is not problem+json`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);
});

async function auditCount(service: TwoTenantService): Promise<number> {
  const row = await service.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
