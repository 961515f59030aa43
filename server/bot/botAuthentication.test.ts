import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getAuthConfigWithDefaults, loadAuthConfigFromEnv } from '@microsoft/agents-hosting';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../../dev/m365StandIn';
import { bicepAppSettings, resolveAppSettings } from '../../infra/appSettings';
import { BOT_CONNECTION } from '../botConnectionConfig';
import { aPair, aPerson, aSession } from '../../test/harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../test/harness/testService';
import { botAuthConfiguration } from './botHost';

const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
/** Outside the programme: his own genuine Upward token is all he has. */
const outsider = DEMO_PERSONAS.programmeAdmin;
const otherTenant = 'f0e1d2c3-b4a5-4968-8776-a5b4c3d2e1f0';

/** The bot's settings exactly as infra/main.bicep writes them, evaluated for the stand-in's tenant and managed identity. */
function bicepBotSettings(standIn: M365StandIn): Record<string, string> {
  const settings = bicepAppSettings(readFileSync(path.resolve(__dirname, '../../infra/main.bicep'), 'utf8'));
  const bot = Object.fromEntries(Object.entries(settings).filter(([name]) => name.startsWith('connections__')));
  return resolveAppSettings(bot, { 'identity.properties.clientId': standIn.managedIdentity.clientId, 'identity.properties.tenantId': standIn.tenantId });
}

/*
 * The bot endpoint configured from the Bicep's app settings, with one addition only a test makes:
 * the Bot Connector it trusts is the stand-in's (its authority and issuer), since the real one's
 * keys are not reachable here. Every activity goes over HTTP to /api/messages.
 */
describe('who may talk to the bot: only the Bot Connector, for the bot’s own id', () => {
  let standIn: M365StandIn;
  let service: TestService;
  let teams: TeamsConnector;
  /** Where a forged activity would like the bot's replies (and its bearer token) to go. */
  let attacker: TeamsConnector;
  let tenantId: string;
  let pairId: string;
  let botId: string;
  const now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, seed: 'bot-authentication', size: 60 });
    botId = standIn.managedIdentity.clientId;
    teams = await startTeamsConnector({ authorize: (authorization) => standIn.botConnector.acceptsBotPost(authorization, botId) });
    attacker = await startTeamsConnector();
    const trustTheStandInConnector = {
      connections__serviceConnection__settings__authorityEndpoint: standIn.botConnector.authority,
      connections__serviceConnection__settings__issuers: standIn.botConnector.issuer,
    };
    service = await startTestService({ standIn, clock: () => now, env: { ...bicepBotSettings(standIn), ...trustTheStandInConnector } });
    tenantId = standIn.tenantId.toLowerCase();
    for (const p of [leader, mentor]) await aPerson(service.database.db, tenantId, { userId: p.id, displayName: `${p.givenName} ${p.surname}` });
    pairId = (await aPair(service.database.db, tenantId, { mentorUserId: mentor.id, menteeUserId: leader.id })).id;
    await aSession(service.database.db, tenantId, { pairId, startsAt: new Date('2026-03-12T10:00:00Z') });
  });
  afterAll(async () => {
    await service.close();
    await teams.stop();
    await attacker.stop();
    await standIn.stop();
  });

  /** An activity as Teams sends it, from `as` in their 1:1 chat; `fields` override any part. */
  const activity = (as: { id: string; givenName: string }, fields: Record<string, unknown> = {}) => ({
    type: 'message',
    id: `m-${Math.random()}`,
    timestamp: now.toISOString(),
    channelId: 'msteams',
    serviceUrl: teams.url,
    from: { id: `29:${as.id}`, name: as.givenName, aadObjectId: as.id },
    recipient: { id: `28:${botId}`, name: 'Upward' },
    conversation: { id: `a:personal-${as.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    text: 'next session',
    ...fields,
  });
  const post = (body: unknown, bearer: string | null) =>
    fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body) });
  const connectorToken = (serviceUrl = teams.url, options: Partial<Parameters<M365StandIn['botConnector']['issueActivityToken']>[0]> = {}) =>
    standIn.botConnector.issueActivityToken({ audience: botId, serviceUrl, ...options });
  const stored = async () => (await service.database.db.selectFrom('conversation_references').select(['tenant_id', 'user_id']).execute()).map((r) => `${r.tenant_id}/${r.user_id}`);
  const agendaCount = async () => Number((await service.database.db.selectFrom('agenda_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('hands the SDK exactly the connection its own environment reader finds in those settings', () => {
    const env = { ...bicepBotSettings(standIn), connections__serviceConnection__settings__authorityEndpoint: standIn.botConnector.authority, connections__serviceConnection__settings__issuers: standIn.botConnector.issuer };
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env, { TEST_MODE: 'true' });
      const sdkReads = loadAuthConfigFromEnv();
      const upwardGives = getAuthConfigWithDefaults(botAuthConfiguration(service.deps.config));
      expect(upwardGives.connections!.get(BOT_CONNECTION)).toEqual(sdkReads.connections!.get(BOT_CONNECTION));
      expect(sdkReads.connections!.get(BOT_CONNECTION)).toMatchObject({ clientId: botId, authType: 'UserManagedIdentity', validateIssuer: true });
    } finally {
      process.env = saved;
    }
  });

  it('accepts the Bot Connector’s token for the managed identity’s id, and replies through the Bot Connector with the identity’s own token', async () => {
    const before = teams.received.length;
    const response = await post(activity(leader), await connectorToken());
    expect(response.status).toBe(200);
    expect(teams.received.slice(before)).toEqual([expect.objectContaining({ conversationId: `a:personal-${leader.id}` })]);
    expect(JSON.stringify(teams.received.at(-1)!.activity)).toContain('Your next session');
    expect(teams.refused).toEqual([]);
    expect(await stored()).toEqual([`${tenantId}/${leader.id}`]);
  });

  describe('refuses with 401, answers nothing and stores nothing', () => {
    const refusals: [string, () => Promise<{ body: unknown; bearer: string | null }>][] = [
      ['an activity without a token', async () => ({ body: activity(mentor), bearer: null })],
      ['a token for the Upward API (another employee’s own, claiming to be the leader)', async () => ({ body: activity(leader, { text: 'next session' }), bearer: await standIn.issueToken(outsider.id) })],
      ['a token for the Upward API adding to the leader’s agenda', async () => ({ body: activity(leader, { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb: 'agenda.add', data: { pairId, text: 'Planted by someone else' } }, trigger: 'manual' } }), bearer: await standIn.issueToken(outsider.id) })],
      ['a Bot Connector token for another bot', async () => ({ body: activity(mentor), bearer: await connectorToken(teams.url, { audience: '0b7e4f2a-1c3d-4e5f-8a9b-7c6d5e4f3a2b' }) })],
      ['a token of another issuer, signed with the Bot Connector’s key', async () => ({ body: activity(mentor), bearer: await connectorToken(teams.url, { issuer: 'https://api.attacker.example' }) })],
      ['a Bot Connector-shaped token signed by a key nobody published', async () => ({ body: activity(mentor), bearer: await connectorToken(teams.url, { signedBy: 'unknown-key' }) })],
      ['an Entra ID token for the bot’s id (the tenant’s issuer, not the Bot Connector)', async () => ({ body: activity(mentor), bearer: await standIn.issueToken(outsider.id, { audience: botId }) })],
      ['an activity of another tenant', async () => ({ body: activity(mentor, { conversation: { id: `a:personal-${mentor.id}`, conversationType: 'personal', tenantId: otherTenant }, channelData: { tenant: { id: otherTenant } } }), bearer: await connectorToken() })],
      ['an activity naming another tenant in its channel data only', async () => ({ body: activity(mentor, { channelData: { tenant: { id: otherTenant } } }), bearer: await connectorToken() })],
      ['a service URL the token does not vouch for (replies would go to the attacker)', async () => ({ body: activity(leader, { serviceUrl: attacker.url }), bearer: await connectorToken() })],
      ['a token vouching for the attacker’s service URL, on an activity naming the real one', async () => ({ body: activity(leader), bearer: await connectorToken(attacker.url) })],
    ];
    it.each(refusals)('%s', async (_name, make) => {
      const storedBefore = await stored();
      const agendaBefore = await agendaCount();
      const [teamsBefore, attackerBefore] = [teams.received.length, attacker.received.length];
      const { body, bearer } = await make();
      expect((await post(body, bearer)).status).toBe(401);
      expect(teams.received.length).toBe(teamsBefore);
      expect(attacker.received.length).toBe(attackerBefore);
      expect(await stored()).toEqual(storedBefore);
      expect(await agendaCount()).toBe(agendaBefore);
    });
  });

  it('keeps each person’s conversation when another activity arrives with the same conversation id', async () => {
    const shared = { id: `a:personal-${leader.id}`, conversationType: 'personal', tenantId };
    expect((await post(activity(mentor, { conversation: shared, text: 'help' }), await connectorToken())).status).toBe(200);
    expect((await stored()).sort()).toEqual([`${tenantId}/${leader.id}`, `${tenantId}/${mentor.id}`].sort());
  });
});
