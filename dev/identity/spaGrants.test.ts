import { CODE_LIFETIME_SECONDS, createSpaGrants, SPA_REFRESH_TOKEN_LIFETIME_SECONDS } from './spaGrants';

const signIn = { clientId: 'client', personId: 'person', scopes: ['client/access_as_user'], authContexts: [] };

describe('codes and refresh tokens of single-page apps', () => {
  it('lets a code expire after its short lifetime', () => {
    let now = 1_000;
    const grants = createSpaGrants(() => now);
    const code = grants.issueCode({ ...signIn, redirectUri: 'http://127.0.0.1/cb', codeChallenge: 'c' });
    now += CODE_LIFETIME_SECONDS;
    expect(grants.redeemCode(code)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps the first refresh token’s 24-hour expiry through rotation', () => {
    let now = 1_000;
    const grants = createSpaGrants(() => now);
    const first = grants.issueRefreshToken(signIn);
    now += 3_600;
    const used = grants.useRefreshToken(first.token);
    expect(used.ok).toBe(true);
    const rotated = grants.issueRefreshToken(signIn, used.ok ? used.expiresAt : undefined);
    expect(rotated.expiresIn).toBe(SPA_REFRESH_TOKEN_LIFETIME_SECONDS - 3_600);
    now = 1_000 + SPA_REFRESH_TOKEN_LIFETIME_SECONDS;
    expect(grants.useRefreshToken(rotated.token)).toEqual({ ok: false, reason: 'expired' });
  });
});
