import { randomUUID } from 'node:crypto';
import { textCard } from '../../bot/cards/relationshipCards';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { chatsWithTheBot } from '../../test/harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../test/harness/testService';

const leader = DEMO_PERSONAS.seniorLeader;

/*
 * The bot's own identity cannot get a token (here: the bot is configured as a managed identity
 * the App Service does not have, so the identity endpoint refuses it, as after a botched
 * redeployment). Its replies and proactive messages fail; the service must say so and go on.
 */
describe('when the bot cannot get its outbound token', () => {
  let service: TestService;
  let teams: TeamsConnector;
  let tenantId: string;

  beforeAll(async () => {
    teams = await startTeamsConnector();
    service = await startTestService({ env: { connections__serviceConnection__settings__clientId: randomUUID() } });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service.close();
    await teams.stop();
  });

  const help = () => teams.chat(service, { tenantId, userId: leader.id, name: leader.givenName, at: new Date() }, { text: 'help' });

  it('answers the Bot Connector with a 500, posts nothing, and serves the next request', async () => {
    const first = await help();
    expect(first.status).toBe(500);
    expect(first.cards).toEqual([]);
    const second = await help();
    expect(second.status).toBe(500);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    expect((await service.api('GET', '/api/me', { as: leader.id })).status).toBe(200);
  });

  it('fails a proactive send with an error its job records, rather than sending unsigned or stopping', async () => {
    await chatsWithTheBot(service.database.db, tenantId, { userIds: [leader.id], serviceUrl: teams.url, conversationPrefix: 'a:personal-' });
    await expect(service.deps.bot.host.send(tenantId, leader.id, textCard('Hello', 'A proactive message.'))).rejects.toThrow();
    expect(teams.received).toEqual([]);
  });
});
