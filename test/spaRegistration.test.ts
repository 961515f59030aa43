import fs from 'node:fs';
import path from 'node:path';
import { UPWARD_SPA_REDIRECT_URIS } from '../dev/demoOrg/tenant';

/** The production app registration and the identity stand-in's view of it must agree on sign-in. */
const registration = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../aad.manifest.json'), 'utf8')) as {
  oauth2AllowImplicitFlow: boolean;
  oauth2AllowIdTokenImplicitFlow: boolean;
  replyUrlsWithType: { url: string; type: string }[];
};

describe('the app registration for browser sign-in', () => {
  it('keeps the implicit flow off, as the identity stand-in refuses it', () => {
    expect(registration.oauth2AllowImplicitFlow).toBe(false);
    expect(registration.oauth2AllowIdTokenImplicitFlow).toBe(false);
  });

  it('registers as single-page-application redirect URIs every page the stand-in sends codes to', () => {
    const spaPaths = registration.replyUrlsWithType.filter((r) => r.type === 'Spa' && r.url.startsWith('${{TAB_ENDPOINT}}')).map((r) => r.url.slice('${{TAB_ENDPOINT}}'.length));
    for (const uri of UPWARD_SPA_REDIRECT_URIS) expect(spaPaths).toContain(new URL(uri).pathname);
  });
});
