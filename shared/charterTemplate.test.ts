import { fillCharter, unknownPlaceholders } from './charterTemplate';

const values = { mentor: 'Jun Park', mentee: 'Catherine Lee', cadenceDays: '14', sessionMinutes: '60', startsOn: '2026-12-01', endsOn: '2027-09-01' };

describe('charter template', () => {
  it('fills every placeholder with the pair’s own value, as often as it appears', () => {
    expect(fillCharter('{mentee} sets the agenda; {mentor}’s experience counts. Every {cadenceDays} days, {sessionMinutes} minutes, {startsOn}–{endsOn}. {mentee} listens.', values)).toBe(
      'Catherine Lee sets the agenda; Jun Park’s experience counts. Every 14 days, 60 minutes, 2026-12-01–2027-09-01. Catherine Lee listens.',
    );
  });

  it('leaves text without placeholders as it is', () => {
    expect(fillCharter('We meet as equals {}.', values)).toBe('We meet as equals {}.');
  });

  it('names the placeholders it cannot fill, once each', () => {
    expect(unknownPlaceholders('{mentor} {manager} {manager} {mentee} {toString}')).toEqual(['manager', 'toString']);
    expect(unknownPlaceholders('{mentor} and {mentee}')).toEqual([]);
  });
});
