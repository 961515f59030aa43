import { sql } from 'kysely';
import { createApp } from '../../server/app';
import { routeExpectations, type CallerKind, type RouteExpectation } from './routeExpectations';
import { call, comparable } from './support/callers';
import { discoverRoutes, type DiscoveredRoute } from './support/routes';
import { buildWorld, people, rowCounts, startTwoTenantService, tenantDigest, tenantTables, type TwoTenantService, type World } from './support/world';

const marker = 'ONLY-IN-TENANT-A';

/** The caller a route is for in tenant B: the member or admin the table allows. */
function allowedKind(entry: RouteExpectation): CallerKind | null {
  const order: CallerKind[] = ['self', 'admin', 'partner', 'stranger'];
  return order.find((k) => entry.callers[k] === 'ok' || entry.callers[k] === 'allowed') ?? null;
}

async function tokenInB(service: TwoTenantService, kind: CallerKind, entry: RouteExpectation) {
  const self = entry.self === 'mentor' ? people.mentor : people.mentee;
  const partner = entry.self === 'mentor' ? people.mentee : people.mentor;
  const user = { self, partner, admin: people.admin, stranger: people.stranger }[kind as 'self' | 'partner' | 'admin' | 'stranger'];
  return service.token(user, service.tenantB);
}

/** Tenant A's free text carries a marker, so any of it reaching tenant B shows. */
async function markTenantA(service: TwoTenantService) {
  const db = service.database.db;
  for (const table of ['reflections', 'agenda_items', 'takeaways', 'commitments', 'praise', 'concerns', 'stories'] as const) {
    await sql`update ${sql.table(table)} set text = text || ${` ${marker}`} where tenant_id = ${service.tenantA} and text not like ${`%${marker}`}`.execute(db);
  }
  await sql`update programmes set name = name || ${` ${marker}`} where tenant_id = ${service.tenantA} and name not like ${`%${marker}`}`.execute(db);
}

/** Two tenants with the same people and the same ids: tenant A has one pair more, so counts differ. */
async function twinWorlds(service: TwoTenantService): Promise<World> {
  const a = await buildWorld(service.database.db, service.tenantA);
  await buildWorld(service.database.db, service.tenantB, a);
  await buildWorld(service.database.db, service.tenantA, { programmeId: undefined });
  await markTenantA(service);
  return a;
}

const volatile = /"(at|instance|exportedFor|generatedAt|createdAt|updatedAt|writtenAt|enrolledAt|raisedAt|[a-z]*At)":"[^"]*"/g;

describe('tenant isolation: two tenants with identical data', () => {
  let service: TwoTenantService;
  let routes: DiscoveredRoute[];
  beforeAll(async () => {
    service = await startTwoTenantService();
    routes = discoverRoutes(createApp(service.deps)).filter((r) => routeExpectations[r.key] && !routeExpectations[r.key]!.outsideApi);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('no write of tenant B changes a row of tenant A, even where every id is the same', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const entry = routeExpectations[route.key]!;
      const kind = allowedKind(entry);
      if (!kind) continue;
      const world = await twinWorlds(service);
      const before = await tenantDigest(service.database.db, service.tenantA);
      const response = await call(service, entry, route.method, world, await tokenInB(service, kind, entry));
      if (response.status >= 500) failures.push(`${route.key}: ${response.status}`);
      if (JSON.stringify(response.body ?? '').includes(marker)) failures.push(`${route.key}: answered with tenant A's data`);
      if ((await tenantDigest(service.database.db, service.tenantA)) !== before) failures.push(`${route.key}: changed tenant A`);
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it("no read of tenant B returns or counts a row of tenant A: B's answers are the same once A is gone", async () => {
    const world = await twinWorlds(service);
    const gets = routes.filter((r) => r.method === 'GET' && allowedKind(routeExpectations[r.key]!) !== null);
    const read = async () => {
      const answers = new Map<string, string>();
      for (const route of gets) {
        const entry = routeExpectations[route.key]!;
        const kind = allowedKind(entry)!;
        const response = await call(service, entry, route.method, world, await tokenInB(service, kind, entry));
        answers.set(route.key, JSON.stringify(comparable(response)));
      }
      return answers;
    };
    const withA = await read();
    for (const [key, answer] of withA) expect(`${key} ${answer}`).not.toContain(marker);
    // Foreign keys make the order matter: sweep until every table of tenant A is empty.
    const tables = await tenantTables(service.database.db);
    for (let sweep = 0; sweep < tables.length; sweep++) {
      for (const table of tables) {
        await sql`delete from ${sql.table(table)} where tenant_id = ${service.tenantA}`.execute(service.database.db).catch(() => undefined);
      }
    }
    expect(Object.keys(await rowCounts(service.database.db)).filter((k) => k.endsWith(`@${service.tenantA}`))).toEqual([]);
    const withoutA = await read();
    const differing = [...withA.keys()].filter(
      (key) => key !== 'GET /api/admin/audit-log' && withA.get(key)!.replace(volatile, '') !== withoutA.get(key)!.replace(volatile, ''),
    );
    expect(differing).toEqual([]);
  }, 120_000);
});
