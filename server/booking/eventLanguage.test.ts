import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startTestService, type TestService } from '../../test/harness/testService';
import { languageOf } from './eventLanguage';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;

/** Each booking asks for two people's languages: the stand-in's mailbox is read once per person while the answer is fresh. */
describe('a person’s language for their invitation', () => {
  let service: TestService;
  let tenantId: string;
  beforeAll(async () => {
    service = await startTestService();
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(() => service.close());

  it('reads each mailbox’s language once for ten minutes, then again (seeing a change), and never keeps a fallback', async () => {
    // The mailbox reads the Graph stand-in answered.
    const reads = () => Object.entries(service.standIn.stats.get().byPath).reduce((sum, [path, count]) => sum + (path.endsWith('/mailboxSettings') ? count : 0), 0);
    service.standIn.stats.reset();
    let now = new Date('2026-12-01T09:00:00Z');
    const of = languageOf({ graph: service.deps.graph, db: service.database.db, clock: () => now });
    const mailbox = (id: string) => service.standIn.org.byId.get(id)!.mailboxSettings;
    const saved = { leader: mailbox(leader).language, mentor: mailbox(mentor).language };
    try {
      mailbox(leader).language = { locale: 'fr-FR', displayName: 'français (France)' };
      delete mailbox(mentor).language;

      expect([await of(tenantId, leader), await of(tenantId, leader)]).toEqual(['fr-FR', 'fr-FR']);
      expect(reads()).toBe(1);
      // No language in the mentor's mailbox: nothing is kept, so Graph is asked each time.
      expect([await of(tenantId, mentor), await of(tenantId, mentor)]).toEqual([null, null]);
      expect(reads()).toBe(3);

      mailbox(leader).language = { locale: 'de-DE', displayName: 'Deutsch (Deutschland)' };
      now = new Date(now.getTime() + 9 * 60_000);
      expect(await of(tenantId, leader)).toBe('fr-FR');
      now = new Date(now.getTime() + 60_000);
      expect(await of(tenantId, leader)).toBe('de-DE');
      expect(reads()).toBe(4);
    } finally {
      mailbox(leader).language = saved.leader;
      mailbox(mentor).language = saved.mentor;
    }
  });
});
