import fc from 'fast-check';
import { startM365StandIn, type M365StandIn } from '../../dev/m365StandIn';
import { standInEnvironment } from '../../dev/standInEnvironment';
import { testEngines, type TestDatabase } from '../harness/databases';
import { startTeamsConnector, type TeamsConnector } from '../harness/teamsConnector';
import { waitForWithin } from '../harness/waitFor';
import { startServiceProcess, type ServiceProcess } from '../reliability/support/serviceProcess';

/**
 * Whatever arrives at /api/messages (malformed JSON, wrong types, missing fields, other content
 * types, huge bodies; with a genuine Bot Connector token or none) the service answers and lives
 * on: checked against the real entry point in its own process, after every batch.
 */
describe('fuzzed Bot Framework traffic', () => {
  let standIn: M365StandIn;
  let teams: TeamsConnector;
  let database: TestDatabase;
  let service: ServiceProcess;
  let botId: string;
  let tenantId: string;

  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, seed: 'bot-fuzz', size: 40 });
    botId = standIn.managedIdentity.clientId;
    tenantId = standIn.tenantId.toLowerCase();
    teams = await startTeamsConnector();
    // A server process needs a database it can reach: the Postgres server when there is one.
    const engine = testEngines().find((e) => e.name === 'postgres');
    database = await (engine ?? testEngines()[0]!).create();
    service = await startServiceProcess({
      ...standInEnvironment(standIn),
      BOT_AUTH: 'entra',
      ...(database.url ? { DATABASE_URL: database.url } : { UPWARD_DATA_DIR: `/tmp/upward-bot-fuzz-${process.pid}` }),
      connections__serviceConnection__settings__authorityEndpoint: standIn.botConnector.authority,
      connections__serviceConnection__settings__issuers: standIn.botConnector.issuer,
    });
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await database?.drop();
    await teams?.stop();
    await standIn?.stop();
  });

  const person = () => standIn.org.people[3]!.user;
  const activity = () => ({
    type: 'message',
    id: 'm-1',
    channelId: 'msteams',
    serviceUrl: teams.url,
    from: { id: `29:${person().id}`, aadObjectId: person().id },
    recipient: { id: `28:${botId}` },
    conversation: { id: `a:personal-${person().id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    text: 'help',
  });

  it('answers every request with a 4xx, a 2xx, or a 5xx it logged, and stays alive after each batch', async () => {
    const anything = fc.jsonValue({ maxDepth: 4 });
    const field = fc.constantFrom('type', 'from', 'recipient', 'conversation', 'channelData', 'serviceUrl', 'text', 'value', 'channelId', 'id');
    const body = fc.oneof(
      fc.record({ key: field, value: fc.oneof(anything, fc.string({ unit: 'binary', maxLength: 300 }), fc.constant(null)) }).map(({ key, value }) => JSON.stringify({ ...activity(), [key]: value })),
      field.map((key) => JSON.stringify(Object.fromEntries(Object.entries(activity()).filter(([name]) => name !== key)))),
      anything.map((value) => JSON.stringify(value)),
      fc.constantFrom('', '{', '{"type":', 'null', '[]', '"message"', `{"text":${'['.repeat(5000)}${']'.repeat(5000)}}`, JSON.stringify({ ...activity(), text: 'x'.repeat(300 * 1024) })),
    );
    const request = fc.record({
      body,
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
      signed: fc.boolean(),
    });
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 10, maxLength: 10 }), async (batch) => {
        for (const { body: text, contentType, signed } of batch) {
          const token = signed ? await standIn.botConnector.issueActivityToken({ audience: botId, serviceUrl: teams.url }) : null;
          const response = await fetch(`${service.url}/api/messages`, {
            method: 'POST',
            headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: text,
          });
          statuses.add(response.status);
          const answer = await response.text();
          if (response.status >= 500) {
            // Logged with the correlation id the answer gives (the log is written asynchronously).
            const correlationId = (JSON.parse(answer) as { correlationId?: string }).correlationId;
            expect(correlationId).toBeTruthy();
            await waitForWithin(5_000)(`the log line of ${correlationId}`, () => service.output().includes(correlationId!));
          }
        }
        expect(service.alive()).toBe(true);
        const health = await fetch(`${service.url}/healthz`);
        expect({ status: health.status, body: await health.json() }).toEqual({ status: 200, body: { status: 'ok', unhandledRejections: 0 } });
      }),
      { numRuns: 12 },
    );
    // The fuzz reached past the token check as well as being refused at it.
    expect([...statuses].some((s) => s < 300 || (s >= 400 && s !== 401))).toBe(true);
    expect(statuses.has(401)).toBe(true);
  }, 120_000);
});
