import { parseParticipantCsv } from './participantCsv';

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

  it('reports every bad row with its line and reason, and keeps the good ones', () => {
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
      { line: 3, message: 'email is not an e-mail address' },
      { line: 4, message: expect.stringMatching(/^role must be "mentor"/) },
      { line: 6, message: expect.stringMatching(/languages: must be a language tag .*; capacity: a mentor can take at most 5 mentees/) },
      { line: 7, message: 'good@contoso.com is already on line 2.' },
    ]);
  });

  it('refuses a file without the email and role columns', () => {
    expect(parseParticipantCsv('name,team\nAda,Finance\n').errors).toEqual([
      { line: 1, message: 'The header must name the columns email and role.' },
    ]);
  });

  it('refuses a file that is not CSV, naming the line', () => {
    const { rows, errors } = parseParticipantCsv('email,role\n"unterminated,mentor\n');
    expect(rows).toEqual([]);
    expect(errors[0]?.message).toMatch(/not valid CSV/);
  });
});
