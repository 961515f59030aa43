import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aPerson, aSession } from '../../test/harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../test/harness/testService';
import { waitFor } from '../../test/harness/waitFor';
import type { JobWorker } from '../jobs/jobWorker';

const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;

/*
 * The bot speaks each person's language: the locale Teams puts on every activity (their Teams
 * display language) for replies, and the same locale, kept with their stored conversation, for
 * the reminders the bot sends on its own later. Real HTTP, real worker, the Teams connector stand-in.
 */
describe('the bot in the person’s language', () => {
  let service: TestService;
  let teams: TeamsConnector;
  let worker: JobWorker;
  let tenantId: string;
  // A Tuesday morning in working hours; the session is tomorrow, so its 24-hour reminder is due.
  const now = new Date('2026-03-10T10:00:00Z');

  beforeAll(async () => {
    teams = await startTeamsConnector();
    service = await startTestService({ clock: () => now });
    tenantId = service.standIn.tenantId.toLowerCase();
    for (const p of [leader, mentor]) await aPerson(service.database.db, tenantId, { userId: p.id, displayName: `${p.givenName} ${p.surname}` });
    const pairId = (await aPair(service.database.db, tenantId, { mentorUserId: mentor.id, menteeUserId: leader.id })).id;
    await aSession(service.database.db, tenantId, { pairId, startsAt: new Date('2026-03-11T09:00:00Z') });
  });
  afterAll(async () => {
    await worker?.stop();
    await service.close();
    await teams.stop();
  });

  const say = async (p: { id: string; givenName: string; surname: string }, text: string, locale: string) => {
    const answer = await teams.chat(service, { tenantId, userId: p.id, name: `${p.givenName} ${p.surname}`, at: now }, { text, locale });
    expect(answer.status).toBeLessThan(300);
    return answer.cards;
  };

  it('answers in German a person whose Teams is in German: the session card, its date and its buttons', async () => {
    const [card] = await say(leader, 'next session', 'de-DE');
    expect(card).toContain('Ihr nächster Termin');
    expect(card).toContain('11. März 2026');
    expect(card).toContain('"title":"Wann"');
    expect(card).toContain('Jun Park');
    expect(card).not.toMatch(/Your next session|When|Set your agenda/);
    // A regional French reads French (fr-CA -> fr); a language Upward does not speak reads English.
    expect((await say(leader, 'help', 'fr-CA'))[0]).toContain('Ce que je peux faire');
    expect((await say(leader, 'help', 'ja-JP'))[0]).toContain('What I can do');
    await say(leader, 'help', 'de-DE');
  });

  it('sends the reminder in the language each person last wrote in: French to the mentor, German to the mentee', async () => {
    await say(mentor, 'help', 'fr-FR');
    const before = teams.received.length;
    worker = service.deps.jobs.startWorker('language-worker');
    await waitFor('both reminders', async () => teams.received.length - before >= 2);
    const received = new Map(teams.received.slice(before).map((r) => [r.conversationId.replace('a:personal-', ''), JSON.stringify(r.activity.attachments?.[0]?.content)]));
    const french = received.get(mentor.id)!;
    expect(french).toContain('Votre séance approche');
    expect(french).toMatch(/mercredi 11 mars 2026/);
    expect(french).toContain('Suggérer un point');
    expect(french).not.toMatch(/coming up|Suggest an item/);
    expect(received.get(leader.id)).toContain('Ihr Termin steht bevor');
  });
});
