import { participantAdminPolicy, participantPolicy } from './participantPolicy';
import { authorize } from './policy';
import { admin, adminOnly, mentee, mentor, outcomeOf, outcomesByCaller, participantRow, stranger } from './policyTestFixtures';

describe('participant policy: who may manage a programme’s people', () => {
  it.each(['list', 'invite', 'import', 'searchDirectory'] as const)('%s: an admin may; a participant or a stranger is refused with 403 forbidden', (ability) => {
    expect(outcomesByCaller(participantAdminPolicy, ability)).toEqual(adminOnly);
  });

  const mentorsPlace = participantRow(mentor);
  it.each([
    ['the person themself', mentor, mentorsPlace, 'allowed'],
    ['an admin', admin, mentorsPlace, 'allowed'],
    ['another participant (the record reads as missing)', mentee, mentorsPlace, '404 notFound'],
    ['a stranger', stranger, mentorsPlace, '404 notFound'],
    ['an admin, for a record that does not exist', admin, undefined, '404 notFound'],
  ] as const)('withdraw by %s: %s', (_who, caller, row, expected) => {
    expect(outcomeOf(() => authorize(participantPolicy, caller, 'withdraw', row))).toBe(expected);
  });

  it('says whether the person withdrew themself, so only an admin’s withdrawal of someone else is audited', () => {
    expect(authorize(participantPolicy, mentor, 'withdraw', mentorsPlace)).toEqual({ self: true, admin: false });
    expect(authorize(participantPolicy, admin, 'withdraw', mentorsPlace)).toEqual({ self: false, admin: true });
  });
});
