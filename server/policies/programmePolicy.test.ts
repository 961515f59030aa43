import { programmePolicy } from './programmePolicy';
import { adminOnly, outcomesByCaller } from './policyTestFixtures';

describe('programme policy: programmes are set up and read by programme admins alone', () => {
  it.each(['list', 'create', 'read', 'update'] as const)('%s: an admin may; a participant or a stranger is refused with 403 forbidden', (ability) => {
    expect(outcomesByCaller(programmePolicy, ability)).toEqual(adminOnly);
  });
});
