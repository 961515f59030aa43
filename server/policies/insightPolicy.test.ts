import { insightPolicy } from './insightPolicy';
import { adminOnly, outcomesByCaller } from './policyTestFixtures';

describe('insight policy: insight and the audit log are for programme admins alone', () => {
  it.each(['view', 'export', 'readAuditLog'] as const)('%s: an admin may; a participant or a stranger is refused with 403 forbidden', (ability) => {
    expect(outcomesByCaller(insightPolicy, ability)).toEqual(adminOnly);
  });
});
