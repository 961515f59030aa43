import { matchingPolicy } from './matchingPolicy';
import { adminOnly, outcomesByCaller } from './policyTestFixtures';

describe('matching policy: matching is reviewed by programme admins alone', () => {
  it.each(['run', 'review', 'constrain', 'swap', 'publish'] as const)('%s: an admin may; a participant or a stranger is refused with 403 forbidden', (ability) => {
    expect(outcomesByCaller(matchingPolicy, ability)).toEqual(adminOnly);
  });
});
