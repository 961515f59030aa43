import english from './locales/en.json';
import german from './locales/de.json';
import french from './locales/fr.json';
import { createTranslator } from './i18n/translator';
import { parseParticipantCsv } from './participantCsv';
import { wordMessage } from './schemas/messages';

describe('parseParticipantCsv', () => {
  it('reads people, roles and ";"-separated lists with their line numbers', () => {
    const { rows, errors } = parseParticipantCsv(
      'Email,Role,Learning goals,Offers,Meeting preference,Languages,Capacity\n' +
        'Ada@Contoso.com,mentee,"Gen Z at work; social media",,online,en;fr,\n' +
        'jun@contoso.com,mentor,,lived experience;TikTok,either,ko,2\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        email: 'ada@contoso.com',
        role: 'mentee',
        profile: { learningGoals: ['Gen Z at work', 'social media'], offers: [], meetingPreference: 'online', languages: ['en', 'fr'], capacity: 1 },
      },
      {
        line: 3,
        email: 'jun@contoso.com',
        role: 'mentor',
        profile: { learningGoals: [], offers: ['lived experience', 'TikTok'], meetingPreference: 'either', languages: ['ko'], capacity: 2 },
      },
    ]);
  });

  it('reports every bad field of every bad row with its line and a reason as a code with values, and keeps the good ones', () => {
    const { rows, errors } = parseParticipantCsv(
      'email,role,capacity,languages\n' +
        'good@contoso.com,mentor,1,en\n' +
        'not-an-email,mentor,1,en\n' +
        'boss@contoso.com,manager,1,en\n' +
        '\n' +
        'big@contoso.com,mentor,9,english!\n' +
        'good@contoso.com,mentee,1,en\n',
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 3, reason: { key: 'csv.invalidValue', values: { column: 'email', problem: 'schema.email' } } },
      { line: 4, reason: { key: 'csv.invalidValue', values: { column: 'role', problem: 'schema.role' } } },
      { line: 6, reason: { key: 'csv.invalidValue', values: { column: 'languages', problem: 'schema.language' } } },
      { line: 6, reason: { key: 'csv.invalidValue', values: { column: 'capacity', problem: 'schema.capacity', max: 5 } } },
      { line: 7, reason: { key: 'csv.duplicate', values: { email: 'good@contoso.com', earlier: 2 } } },
    ]);
  });

  it('refuses a file without the email and role columns', () => {
    expect(parseParticipantCsv('name,team\nAda,Finance\n').errors).toEqual([
      { line: 1, reason: { key: 'csv.missingColumns', values: { columns: ['email', 'role'] } } },
    ]);
  });

  it('refuses a file that is not CSV, naming the line', () => {
    const { rows, errors } = parseParticipantCsv('email,role\n"unterminated,mentor\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 2, reason: { key: 'csv.notCsv' } }]);
  });

  it('reasons are worded in the reader’s language, the field’s problem and lists included', () => {
    const { errors } = parseParticipantCsv('email,role,capacity\nok@contoso.com,mentor,1\nok@contoso.com,mentee,1\nbig@contoso.com,mentor,9\n');
    const reasons = (catalogue: Record<string, string>, language: 'en' | 'fr' | 'de', locale: string) => {
      const text = createTranslator({ language, locale, catalogue });
      return [...errors.map((e) => wordMessage(e.reason, text)), wordMessage(parseParticipantCsv('name\nAda\n').errors[0]!.reason, text)];
    };
    expect(reasons(english, 'en', 'en-GB')).toEqual(['ok@contoso.com is already on line 2.', 'capacity: a mentor can take at most 5 mentees', 'The header must name the columns email and role.']);
    expect(reasons(german, 'de', 'de-DE')).toEqual(['ok@contoso.com steht bereits in Zeile 2.', 'capacity: ein Mentor kann höchstens 5 Mentees begleiten', 'Die Kopfzeile muss die Spalten email und role nennen.']);
    expect(reasons(french, 'fr', 'fr-FR')).toEqual(['ok@contoso.com figure déjà à la ligne 2.', 'capacity : un mentor peut accompagner au plus 5 mentorés', 'L’en-tête doit nommer les colonnes email et role.']);
  });
});
