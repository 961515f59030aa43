import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { DEMO_STORIES_CHANNEL_ID, DEMO_TEAM_ID } from '../../dev/demoOrg/tenant';
import { aPair, aProgramme } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { launchChromium, nameOf, newPersonContext, recordPersonas, signIn, tabAddress } from './support/tabBrowser';

/*
 * Sign-in in a plain browser, as Entra ID allows it for Upward's registration: MSAL's
 * authorization code flow with PKCE against the identity stand-in (which refuses the implicit
 * flow), no token ever in the address, and a person whose consent or MFA Microsoft 365 needs is
 * asked for it in a popup rather than told that Microsoft 365 did not answer.
 */

jest.setTimeout(180_000);

const admin = DEMO_PERSONAS.programmeAdmin;
const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;

let service: TestService;
let browser: Browser;
let tabUrl: (hash: string) => string;

beforeAll(async () => {
  service = await startTestService();
  await recordPersonas(service, [admin, leader, mentor]);
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** Every address the page's main frame showed, and every bearer token its API calls carried. */
function watch(page: Page): { addresses: string[]; bearers: string[] } {
  const seen = { addresses: [] as string[], bearers: [] as string[] };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.addresses.push(frame.url());
  });
  page.on('request', (request) => {
    const authorization = request.headers().authorization;
    if (request.url().includes('/api/') && authorization) seen.bearers.push(authorization.replace(/^Bearer /, ''));
  });
  return seen;
}

/** A story both people agreed to publish, in its own programme with a Teams channel for stories. */
async function publishedStory(text: string): Promise<string> {
  const tenantId = service.standIn.tenantId.toLowerCase();
  const programme = await aProgramme(service.database.db, tenantId, { name: text.slice(0, 40) });
  const pair = await aPair(service.database.db, tenantId, { programmeId: programme.id, mentorUserId: mentor.id, menteeUserId: leader.id });
  await service.api('PUT', `/api/pairs/${pair.id}/story`, { as: leader.id, body: { text } });
  for (const as of [leader.id, mentor.id]) await service.api('POST', `/api/pairs/${pair.id}/story/consent`, { as, body: { version: 0, consent: true } });
  const storyChannel = { teamId: DEMO_TEAM_ID, channelId: DEMO_STORIES_CHANNEL_ID, displayName: 'Upward stories' };
  expect((await service.api('PATCH', `/api/programmes/${programme.id}`, { as: admin.id, body: { storyChannel } })).status).toBe(200);
  return programme.name;
}

/** A published story, and the admin signed in (in a fresh profile) on its programme's Stories panel, with the story's Post button. */
async function adminAtStory(text: string, context?: BrowserContext) {
  const programmeName = await publishedStory(text);
  const page = await (context ?? (await newPersonContext(browser))).newPage();
  await signIn(page, tabUrl('admin'), nameOf(admin));
  await page.getByRole('tab', { name: 'Stories' }).click();
  await page.getByRole('combobox', { name: 'Programme' }).selectOption({ label: programmeName });
  const item = page.getByRole('list', { name: 'Published stories' }).getByRole('listitem').filter({ hasText: text });
  return { page, item, post: item.getByRole('button', { name: 'Post to the programme’s Teams channel' }) };
}

const postedToChannel = (text: string) => service.standIn.channelMessages(DEMO_TEAM_ID, DEMO_STORIES_CHANNEL_ID).some((m) => m.body?.content?.includes(text));

describe('sign-in in a plain browser', () => {
  test('signs in through the authorization code flow with PKCE: no token ever appears in the address', async () => {
    const page = await (await newPersonContext(browser)).newPage();
    const seen = watch(page);
    await signIn(page, tabUrl('workspace'), nameOf(leader));
    await page.getByRole('heading', { name: /Your partner|Welcome to Upward/ }).first().waitFor();
    expect(seen.addresses.some((a) => a.includes('/oauth2/v2.0/authorize?') && a.includes('response_type=code') && a.includes('code_challenge_method=S256'))).toBe(true);
    expect(seen.addresses.some((a) => /[#?&]code=/.test(a))).toBe(true);
    expect(seen.addresses.filter((a) => /access_token|id_token=|refresh_token/.test(a))).toEqual([]);
    expect(seen.bearers.length).toBeGreaterThan(0);
    await page.context().close();
  });

  test('a link carrying a valid token in its address signs nobody in', async () => {
    const token = await service.tokenFor(leader.id);
    const page = await (await newPersonContext(browser)).newPage();
    const seen = watch(page);
    await page.goto(`${tabUrl('workspace')}#access_token=${token}&token_type=Bearer&state=%23%2Fworkspace`);
    // Sent to sign in like anyone without a session; the token in the link is never used.
    await page.getByRole('heading', { name: 'Sign in as a demo person' }).waitFor();
    expect(seen.bearers).toEqual([]);
    await page.goto(`${tabUrl('workspace')}?access_token=${token}`);
    await page.getByRole('heading', { name: 'Sign in as a demo person' }).waitFor();
    expect(seen.bearers).toEqual([]);
    await page.context().close();
  });

  test('an admin who must consent first is asked in a popup, consents, and the story is posted', async () => {
    const text = 'Leaders now ask juniors to open every review.';
    const { page, item, post } = await adminAtStory(text);
    service.standIn.interaction.requireConsent(admin.id);
    const popup = page.waitForEvent('popup');
    await post.click();
    const consent = await popup;
    await consent.getByRole('heading', { name: 'Permissions requested' }).waitFor();
    expect(postedToChannel(text)).toBe(false);
    await consent.getByRole('button', { name: 'Accept' }).click();
    await item.getByText(/^Posted to Teams on/).waitFor();
    expect(service.standIn.interaction.hasConsented(admin.id)).toBe(true);
    expect(postedToChannel(text)).toBe(true);
    await expect(page.getByText(/did not answer|not answering/).count()).resolves.toBe(0);
    await page.context().close();
  });

  test('an admin under an MFA policy signs in again with the claims challenge in a popup, and the story is posted', async () => {
    const text = 'Juniors now chair the monthly all-hands.';
    const context = await newPersonContext(browser);
    const authorizeRequests: URL[] = [];
    context.on('request', (request) => {
      if (request.url().includes('/oauth2/v2.0/authorize?')) authorizeRequests.push(new URL(request.url()));
    });
    const { page, item, post } = await adminAtStory(text, context);
    service.standIn.interaction.requireMfa(admin.id);
    const popup = page.waitForEvent('popup');
    await post.click();
    await popup;
    // MSAL names the signed-in person, so the stand-in's sign-in (standing in for the MFA prompt) needs no choice.
    await item.getByText(/^Posted to Teams on/).waitFor();
    // MSAL asks for a few id token claims on every sign-in; the step-up adds the challenge's to them.
    const stepUp = authorizeRequests.find((url) => url.searchParams.get('claims')?.includes('acrs'));
    expect(JSON.parse(stepUp?.searchParams.get('claims') ?? '{}')).toMatchObject({ access_token: { acrs: { essential: true, value: 'c1' } } });
    expect(postedToChannel(text)).toBe(true);
    await page.context().close();
  });

  test('a person who declines consent is told the post did not happen, and nothing is posted', async () => {
    const text = 'Stand-ups now start with the newest joiner.';
    const { page, post } = await adminAtStory(text);
    service.standIn.interaction.requireConsent(admin.id);
    const popup = page.waitForEvent('popup');
    await post.click();
    await (await popup).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alert').filter({ hasText: 'Microsoft 365 needs you to confirm' }).waitFor();
    expect(postedToChannel(text)).toBe(false);
    expect(service.standIn.interaction.hasConsented(admin.id)).toBe(false);
    service.standIn.interaction.grantConsent(admin.id);
    await page.context().close();
  });
});
