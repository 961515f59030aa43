import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { HostOptionsInput } from '../../../dev/teamsHost/hostOptions';
import type { HostCall } from '../../../dev/teamsHost/hostSession';
import type { TestService } from '../../harness/testService';
import type { Persona } from './tabBrowser';

/** Where Teams web lives: teams-js answers only https Microsoft 365 origins, so the host page is served here. */
export const TEAMS_ORIGIN = 'https://teams.microsoft.com';

export interface HostedTab<Tab extends FrameLocator | Page> {
  page: Page;
  /** The tab inside the host (for the mobile host, the page itself). */
  tab: Tab;
  calls(): Promise<HostCall[]>;
}

/** Headers that describe one connection, not the request: fetch sets its own. */
const HOP_HEADERS = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'content-length'];

type HostChoices = Omit<HostOptionsInput, 'userId' | 'contentUrl'> & { hash?: string; context?: BrowserContext };

async function openSession(service: TestService, person: Persona, choices: HostChoices): Promise<{ id: string; base: string }> {
  const { hash = 'workspace', context: _context, ...options } = choices;
  const response = await fetch(`${service.standIn.teamsHostUrl}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...options, userId: person.id, contentUrl: `${service.url}/tab/index.html#/${hash}` }),
  });
  if (response.status !== 201) throw new Error(`The host stand-in refused the session: ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  return { id, base: `${service.standIn.teamsHostUrl}/sessions/${id}` };
}

const callsOf = (base: string) => async () => (await (await fetch(`${base}/calls`)).json()) as HostCall[];

/**
 * Opens the tab inside the Teams host stand-in as Teams web or desktop does: the host page at the
 * real Teams origin (Playwright fulfils it from the stand-in), the tab framed from the service.
 */
export async function openInTeamsHost(browser: Browser, service: TestService, person: Persona, choices: HostChoices = {}): Promise<HostedTab<FrameLocator>> {
  const { id, base } = await openSession(service, person, choices);
  const context = choices.context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' }));
  // Teams is a public page framing the tab from 127.0.0.1 here; in production the tab is public too, so allow the local frame.
  await context.grantPermissions(['local-network-access'], { origin: TEAMS_ORIGIN });
  await context.route(`${TEAMS_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith('/teamsHost/')) return route.fulfill({ status: 404, body: 'Not part of the host stand-in' });
    const request = route.request();
    let answer: { status: number; headers: Record<string, string>; body: Buffer };
    try {
      // Fetched here rather than with route.fetch, whose response Playwright may dispose before it is used.
      const postData = request.postDataBuffer();
      const response = await fetch(`${service.standIn.url}${url.pathname}${url.search}`, {
        method: request.method(),
        headers: Object.fromEntries(Object.entries(await request.allHeaders()).filter(([name]) => !name.startsWith(':') && !HOP_HEADERS.includes(name))),
        body: postData ? new Uint8Array(postData) : undefined,
      });
      // Node's fetch has already decoded the body: drop what described the encoded one.
      const headers = Object.fromEntries([...response.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)));
      answer = { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
    } catch (error) {
      // A request still pending when the test closes the page (a host that never answers) ends with it.
      if (!context.pages().length) return;
      throw error;
    }
    // A request the page gave up meanwhile (it navigated, or the test closed it) has nobody to answer.
    await route.fulfill(answer).catch(() => undefined);
  });
  const page = await context.newPage();
  await page.goto(`${TEAMS_ORIGIN}/teamsHost/sessions/${id}/`);
  return { page, tab: page.frameLocator('#tab'), calls: callsOf(base) };
}

/**
 * Opens the tab as Teams mobile does: no frame, the page loaded in a webview into which the app
 * injects its native interface. The native app's side is this test process: it relays to the
 * stand-in and answers the host's prompts (`answer`, accepted by default).
 */
export async function openInTeamsMobile(browser: Browser, service: TestService, person: Persona, choices: HostChoices & { answer?: 'accepted' | 'declined' } = {}): Promise<HostedTab<Page>> {
  const { answer = 'accepted', ...rest } = choices;
  const { base } = await openSession(service, person, { hostClientType: 'android', ...rest });
  const context = choices.context ?? (await browser.newContext({ viewport: { width: 412, height: 900 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' }));
  const page = await context.newPage();
  await page.exposeFunction('upwardTeamsHostPost', async (path: string, body: string) => {
    const response = await fetch(`${base}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return response.status === 204 ? '' : response.text();
  });
  await page.exposeFunction('upwardTeamsHostAsk', () => answer);
  await page.addInitScript({ content: await (await fetch(`${base}/native.js`)).text() });
  await page.goto(`${service.url}/tab/index.html#/${choices.hash ?? 'workspace'}`);
  return { page, tab: page, calls: callsOf(base) };
}
