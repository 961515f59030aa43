import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import type { DemoPerson } from '../../../dev/demoOrg/types';
import { aPerson } from '../../harness/factories';
import type { TestService } from '../../harness/testService';

/** The Chromium flags CI and this machine use (see docs/HELPERS.md and .ci/run). */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const artifactsDir = path.resolve(__dirname, '../../../test-artifacts/tab');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
}

interface PersonContextOptions {
  dark?: boolean;
  width?: number;
  locale?: string;
  timezoneId?: string;
}

/** A fresh browser profile per person; CSP bypass only so axe-core can be injected. */
export async function newPersonContext(browser: Browser, options: PersonContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    // The browser's language and time zone, as a person's system sets them (Playwright's defaults: en-US, the machine's zone).
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    bypassCSP: true,
    colorScheme: options.dark ? 'dark' : 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
    reducedMotion: 'reduce',
  });
}

/** On the identity stand-in's sign-in page: the person by name, among the featured personas or found with the page's search. */
export async function choosePerson(page: Page, displayName: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in as a demo person' }).waitFor();
  const link = page.getByRole('link', { name: displayName, exact: true });
  if ((await link.count()) === 0) {
    await page.getByRole('textbox', { name: 'Find a person' }).fill(displayName);
    await page.getByRole('button', { name: 'Search' }).click();
  }
  await link.click();
}

/**
 * Opens a page of the tab (or the add-in) and signs in as a person do: MSAL sends the browser to
 * the identity stand-in's authorize endpoint (authorization code with PKCE), the person is chosen
 * on its sign-in page, and MSAL redeems the code once the browser is back on the page.
 */
export async function signIn(page: Page, pageUrl: string, displayName: string): Promise<void> {
  const { pathname } = new URL(pageUrl);
  await page.goto(pageUrl);
  await choosePerson(page, displayName);
  await page.waitForURL((url) => url.pathname === pathname);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export async function axeViolations(page: Page | Frame): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // Tabster (Fluent's focus manager) adds aria-hidden focus sentinels that forward focus at once;
    // they are not content, and axe reads them as hidden focusable elements.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface Persona {
  id: string;
  givenName: string;
  surname: string;
}

export const nameOf = (p: Pick<Persona, 'givenName' | 'surname'>) => `${p.givenName} ${p.surname}`;

/** Stores the demo people's directory facts, as the reporting-line sync would, so pages show their names. */
export async function recordPersonas(service: TestService, personas: readonly Persona[]): Promise<void> {
  for (const persona of personas) {
    const user = service.standIn.org.people.find((p) => p.user.id === persona.id)!.user;
    await aPerson(service.database.db, service.standIn.tenantId, { userId: user.id, displayName: user.displayName, department: user.department ?? undefined, jobTitle: user.jobTitle ?? undefined });
  }
}

/** A programme the admin creates through the API and sets running, as they would in the tab; its id. */
export async function aRunningProgramme(service: TestService, admin: Persona, input: { name: string; startsOn: string }): Promise<string> {
  const created = await service.api<{ id: string }>('POST', '/api/programmes', { as: admin.id, body: input });
  expect(created.status).toBe(201);
  expect((await service.api('PATCH', `/api/programmes/${created.body.id}`, { as: admin.id, body: { status: 'running' } })).status).toBe(200);
  return created.body.id;
}

/** The tab's address for a page (`workspace`, `admin`, ...); where to sign in comes from the service. */
export function tabAddress(service: TestService): (hash: string) => string {
  return (hash) => `${service.url}/tab/index.html#/${hash}`;
}

/** A fresh browser context signed in as the person, on a page of the tab. */
export async function openTabAs(browser: Browser, address: (hash: string) => string, person: Persona, hash = 'workspace', options: PersonContextOptions = {}): Promise<Page> {
  const page = await (await newPersonContext(browser, options)).newPage();
  await signIn(page, address(hash), nameOf(person));
  return page;
}

export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect({ page: what, violations }).toEqual({ page: what, violations: [] });
}

/** How far below the top of the organisation a person sits: matching pairs a deeper mentor with a shallower mentee. */
export function depthIn(people: DemoPerson[]): (p: DemoPerson) => number {
  const byId = new Map(people.map((p) => [p.user.id!, p]));
  return (p) => {
    let depth = 0;
    for (let at = p; at.managerId && byId.has(at.managerId); at = byId.get(at.managerId)!) depth += 1;
    return depth;
  };
}
