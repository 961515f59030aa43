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

  it('words a shared schema’s own messages (catalogue keys) in French and German, with their values, never in English', async () => {
    const invalid = (acceptLanguage: string) =>
      service.api('POST', '/api/programmes', { as: DEMO_PERSONAS.programmeAdmin.id, body: { name: ' ', startsOn: 'soon', endsOn: '2027-01-01' }, headers: { 'accept-language': acceptLanguage } });
    const messages = async (acceptLanguage: string) => Object.fromEntries((await invalid(acceptLanguage)).body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(await messages('en-GB')).toEqual({ name: 'must not be empty', startsOn: 'must be a date like 2026-01-31', endsOn: 'must be after the start date' });
    expect(await messages('fr-FR')).toEqual({ name: 'ne doit pas être vide', startsOn: 'doit être une date comme 2026-01-31', endsOn: 'doit être postérieure à la date de début' });
    expect(await messages('de-DE')).toEqual({ name: 'darf nicht leer sein', startsOn: 'muss ein Datum wie 2026-01-31 sein', endsOn: 'muss nach dem Startdatum liegen' });
  });

  it('words a refusal’s own detail in French and German from the catalogue, with its values in the reader’s formats', async () => {
    const headers = (acceptLanguage: string) => ({ 'accept-language': acceptLanguage });
    const admin = DEMO_PERSONAS.programmeAdmin.id;
    // Own detail with values: the method and the path asked for (under /api).
    const route = (acceptLanguage: string) => service.api('DELETE', '/api/no-such-thing', { as: admin, headers: headers(acceptLanguage) });
    expect([(await route('en')).body.detail, (await route('fr-FR')).body.detail, (await route('de-DE')).body.detail]).toEqual([
      'There is no DELETE /no-such-thing in the Upward API.',
      'L’API Upward n’a pas de DELETE /no-such-thing.',
      'Die Upward-API hat kein DELETE /no-such-thing.',
    ]);
    // Own detail of a role check.
    const notAdmin = await service.api('GET', '/api/programmes', { as: DEMO_PERSONAS.seniorLeader.id, headers: headers('de') });
    expect([notAdmin.status, notAdmin.body.code, notAdmin.body.detail]).toEqual([403, 'forbidden', 'Nur Programmverwalter (Rolle Upward.Admin) können das tun.']);
    // Own detail with a number, formatted by the reader's locale.
    const below = (acceptLanguage: string) =>
      service.api('POST', '/api/programmes', { as: admin, body: { name: 'Trop petit', startsOn: '2027-01-04', settings: { anonymityThreshold: 3 } }, headers: headers(acceptLanguage) });
    const [english, french] = [await below('en'), await below('fr')];
    expect([french.status, french.body.code]).toEqual([english.status, english.body.code]);
    expect(english.body.detail).toBe('The anonymity threshold must be at least 5, your organisation’s floor.');
    expect(french.body.detail).toBe('Le seuil d’anonymat doit être d’au moins 5, le minimum fixé par votre organisation.');
    // A hand-written field check's message is a catalogue message too, with its number in the reader's format.
    expect(english.body.errors).toEqual([{ field: 'settings.anonymityThreshold', message: 'must be at least 5, your organisation’s floor' }]);
    expect(french.body.errors).toEqual([{ field: 'settings.anonymityThreshold', message: 'doit être au moins 5, le plancher de votre organisation' }]);
  });

  it('words a list of names as the reader’s language joins them', async () => {
    const nul = (acceptLanguage: string) =>
      service.api('POST', '/api/programmes', { as: DEMO_PERSONAS.programmeAdmin.id, body: { name: 'a\u0000', startsOn: '2027-01-04\u0000', settings: { cadenceDays: 14 } }, headers: { 'accept-language': acceptLanguage } });
    const [french, german] = [await nul('fr'), await nul('de')];
    expect([french.status, french.body.code]).toEqual([400, 'invalidRequest']);
    expect(french.body.detail).toBe('La demande contient un caractère NUL (U+0000) dans name et startsOn ; supprimez-le et réessayez.');
    expect(german.body.detail).toBe('Die Anfrage enthält ein NUL-Zeichen (U+0000) in name und startsOn; entfernen Sie es und versuchen Sie es erneut.');
    expect(german.body.errors).toEqual(['name', 'startsOn'].map((field) => ({ field, message: 'Entfernen Sie das NUL-Zeichen (U+0000); ein Text darf es nicht enthalten.' })));
  });
});
