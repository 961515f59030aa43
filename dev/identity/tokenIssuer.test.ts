import { accessTokenLifetimeSeconds } from './tokenIssuer';

describe('access token lifetimes', () => {
  it('are random between 60 and 90 minutes, as Entra ID assigns its default lifetime, not one fixed hour', () => {
    const lifetimes = Array.from({ length: 200 }, () => accessTokenLifetimeSeconds());
    for (const lifetime of lifetimes) {
      expect(lifetime).toBeGreaterThanOrEqual(60 * 60);
      expect(lifetime).toBeLessThanOrEqual(90 * 60);
    }
    expect(new Set(lifetimes).size).toBeGreaterThan(100);
  });
});
