import { concernAdminPolicy, programmeConcernPolicy } from './concernPolicy';
import { authorize } from './policy';
import { admin, adminOnly, mentee, mentor, outcomeOf, outcomesByCaller, participantRow } from './policyTestFixtures';

describe('concern policy: concerns go from participants to programme admins only', () => {
  it.each(['list', 'changeStatus'] as const)('%s: an admin may; a participant or a stranger is refused with 403 forbidden', (ability) => {
    expect(outcomesByCaller(concernAdminPolicy, ability)).toEqual(adminOnly);
  });

  it.each([
    ['a participant of the programme', mentor, participantRow(mentor), 'allowed'],
    ['someone not in the programme', mentee, undefined, '404 notFound'],
    ['an admin not in the programme', admin, undefined, '404 notFound'],
    ['someone holding another person’s place', mentee, participantRow(mentor), '404 notFound'],
  ] as const)('raise about a programme by %s: %s', (_who, caller, enrolment, expected) => {
    expect(outcomeOf(() => authorize(programmeConcernPolicy, caller, 'raise', enrolment))).toBe(expected);
  });
});
