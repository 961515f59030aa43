import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../../dev/m365StandIn';
import { standInEnvironment } from '../../dev/standInEnvironment';
import { testEngines, type TestDatabase } from '../harness/databases';
import { awayFromWindowEdge } from '../harness/rateLimitWindow';
import { type ServiceProcess, startServiceProcess } from './support/serviceProcess';

const postgres = testEngines().find((e) => e.name === 'postgres');
// Two service processes must share one database: the Postgres server (CI requires it).
const describeWithPostgres = postgres ? describe : describe.skip;

describeWithPostgres('rate limits across processes', () => {
  let standIn: M365StandIn;
  let database: TestDatabase;
  let services: ServiceProcess[] = [];
  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, seed: 'rate-limits', size: 60 });
    database = await postgres!.create();
    const env = { ...standInEnvironment(standIn), DATABASE_URL: database.url!, RATE_LIMIT_PER_USER_PER_MINUTE: '10' };
    // One after the other: the first brings the schema up to date.
    services.push(await startServiceProcess(env));
    services.push(await startServiceProcess(env));
  }, 200_000);
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    services = [];
    await database?.drop();
    await standIn?.stop();
  });

  it('gives a person the limit once across two processes, not once in each', async () => {
    const token = await standIn.issueToken(DEMO_PERSONAS.seniorLeader.id);
    const statuses: number[] = [];
    await awayFromWindowEdge();
    for (let i = 0; i < 16; i++) {
      const service = services[i % 2]!;
      statuses.push((await fetch(`${service.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });
});
