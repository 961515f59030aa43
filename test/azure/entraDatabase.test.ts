import { sql } from 'kysely';
import { startEntraAuthProxy, type EntraAuthProxy } from '../../dev/azurePostgres/entraAuthProxy';
import { AZURE_POSTGRES_RESOURCE } from '../../server/managedIdentityTokens';
import { createLogger } from '../../server/logger';
import { startService, type RunningService } from '../../server/service';
import { openDatabase } from '../../server/store/database';
import { testEngines, testPostgresUrl, type TestDatabase } from '../harness/databases';
import { configFor, useM365StandIn } from '../harness/m365';

/** The role Azure creates for the managed identity when it is made the server's Entra administrator: its name. */
const IDENTITY_ROLE = 'upward-identity';
const postgres = testEngines().find((engine) => engine.name === 'postgres');

// Needs the Postgres server behind the Azure stand-in; CI requires it (UPWARD_REQUIRE_POSTGRES).
(postgres ? describe : describe.skip)('Postgres in Azure with Microsoft Entra authentication only', () => {
  const standIn = useM365StandIn({ seed: 'entra-db', size: 40 });
  let database: TestDatabase;
  let proxy: EntraAuthProxy;
  let service: RunningService | undefined;

  beforeAll(async () => {
    database = await postgres!.create();
    const local = new URL(testPostgresUrl);
    proxy = await startEntraAuthProxy({
      target: { host: local.hostname, port: Number(local.port), user: decodeURIComponent(local.username) },
      async verify(role, token) {
        if (role !== IDENTITY_ROLE) throw new Error(`no Entra role ${role}`);
        await standIn().managedIdentity.verifyTokenFor(token, AZURE_POSTGRES_RESOURCE);
      },
    });
  });
  afterAll(async () => {
    await service?.close();
    await proxy.stop();
    await database.drop();
  });

  const urlAs = (role: string, password = '') => `postgres://${role}${password ? `:${password}` : ''}@127.0.0.1:${proxy.port}${new URL(database.url!).pathname}`;

  it("starts, migrates and serves with the managed identity's token as the password of every new connection, and no password anywhere", async () => {
    const config = configFor(standIn(), { DATABASE_URL: urlAs(IDENTITY_ROLE), DATABASE_AUTH: 'managed-identity', DATABASE_POOL_SIZE: '3', PORT: '0' });
    service = await startService(config, createLogger('silent'));
    const db = service.deps.db;
    // Three statements at once make the pool open three connections, each authenticated on its own.
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.2)`.execute(db)));
    expect(proxy.attempts.length).toBeGreaterThanOrEqual(3);
    expect(proxy.attempts.every((attempt) => attempt.role === IDENTITY_ROLE && attempt.accepted)).toBe(true);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });

  it('is refused, as Azure refuses it, with a password in place of a token or as a role that is not the identity', async () => {
    for (const url of [urlAs(IDENTITY_ROLE, 'hunter2'), urlAs('someone-else')]) {
      const attempt = await openDatabase({ kind: 'postgres', url, maxConnections: 1 });
      await expect(sql`select 1`.execute(attempt.db)).rejects.toThrow(/password authentication failed/);
      await attempt.close();
    }
    expect(proxy.attempts.slice(-2).map((a) => a.accepted)).toEqual([false, false]);
  });

  it('will not start with DATABASE_AUTH=managed-identity and a password in DATABASE_URL, or without DATABASE_URL', () => {
    expect(() => configFor(standIn(), { DATABASE_URL: urlAs(IDENTITY_ROLE, 'hunter2'), DATABASE_AUTH: 'managed-identity' })).toThrow(/cannot be combined with a password/);
    expect(() => configFor(standIn(), { DATABASE_AUTH: 'managed-identity' })).toThrow(/needs DATABASE_URL/);
  });
});
