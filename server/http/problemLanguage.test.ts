import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startTestService, type TestService } from '../../test/harness/testService';

/** Problems people read come in their language (Accept-Language, as the tab sends it); the code a client acts on never changes. */
describe('problem details in the reader’s language', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  const forbidden = (acceptLanguage?: string) =>
    service.api('GET', '/api/pairs/00000000-0000-4000-8000-000000000000/workspace', { as: DEMO_PERSONAS.seniorLeader.id, headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });

  it('words a catalogued problem in French or German, keeps its code and status, and says the answer varies by language', async () => {
    expect((await forbidden()).body.code).toBe('notFound');
    const english = await forbidden();
    const french = await forbidden('fr-CH, en;q=0.5');
    const german = await forbidden('de');
    expect([english.status, french.status, german.status]).toEqual([english.status, english.status, english.status]);
    expect([french.body.code, german.body.code]).toEqual([english.body.code, english.body.code]);
    expect(english.body.title).toMatch(/^[A-Z][a-z]/);
    expect(french.body.title).not.toBe(english.body.title);
    expect(german.body.title).not.toBe(english.body.title);
    expect(french.body.detail).not.toBe(english.body.detail);
    expect(french.headers.get('vary')).toMatch(/accept-language/i);
  });

  it('answers English for a language Upward does not speak', async () => {
    expect((await forbidden('ja')).body.title).toBe((await forbidden()).body.title);
  });

  it('says which fields are wrong, and why, in the reader’s language (zod’s own French and German), naming the fields as sent', async () => {
    const invalid = (acceptLanguage: string) =>
      service.api('POST', '/api/programmes', { as: DEMO_PERSONAS.programmeAdmin.id, body: { name: 42, startsOn: 'soon' }, headers: { 'accept-language': acceptLanguage } });
    const [english, german] = [await invalid('en-GB'), await invalid('de-DE')];
    expect([english.status, german.status, german.body.code]).toEqual([400, 400, 'invalidRequest']);
    expect(english.body.detail).toBe('The request body is not valid: check name and startsOn.');
    expect(german.body.detail).toBe('Der Inhalt der Anfrage ist ungültig: Prüfen Sie name und startsOn.');
    expect(german.body.errors.map((e: { field: string }) => e.field)).toEqual(english.body.errors.map((e: { field: string }) => e.field));
    expect(german.body.errors.find((e: { field: string }) => e.field === 'name').message).toMatch(/^Ungültige Eingabe/);
  });
});
