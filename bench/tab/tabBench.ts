import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aPerson } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';
import { launchChromium, signIn } from '../../test/e2e/support/tabBrowser';

/*
 * npm run bench:tab — what the tab's first view costs, next to a blank Fluent page built the
 * same way in the same run: gzipped JavaScript and CSS actually fetched by Chromium until the
 * page is usable, and the time from navigation to usable (median of several cold loads).
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUDGET_JS_GZIP = 250 * 1024;

interface Load {
  ms: number;
  jsGzip: number;
  cssGzip: number;
}

/** Builds with the production configuration (tabs/viteConfig.mjs) in plain Node, as `npm run build` does. */
function buildWithTabConfig(options: { root?: string; outDir: string; base?: string }) {
  const script = `const { build } = await import('vite'); const { tabViteConfig } = await import('./tabs/viteConfig.mjs'); await build(tabViteConfig(${JSON.stringify(options)}));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Build failed:\n${result.stderr}`);
}

async function measure(browser: Browser, url: string, init: string, usable: (page: Page) => Promise<unknown>): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(init);
  const page = await context.newPage();
  const bodies: Promise<{ type: string; gzip: number }>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') bodies.push(response.body().then((b) => ({ type, gzip: gzipSync(b, { level: 9 }).length })));
  });
  const started = performance.now();
  await page.goto(url);
  await usable(page);
  const ms = performance.now() - started;
  const sizes = await Promise.all(bodies);
  await context.close();
  const sum = (type: string) => sizes.filter((s) => s.type === type).reduce((a, s) => a + s.gzip, 0);
  return { ms, jsGzip: sum('script'), cssGzip: sum('stylesheet') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'upward-tab-bench-'));
  buildWithTabConfig({ outDir: path.join(assets, 'tab') });
  buildWithTabConfig({ root: path.join(__dirname, 'blank'), outDir: path.join(assets, 'blank'), base: '/blank/' });

  let service: TestService | undefined;
  let browser: Browser | undefined;
  try {
    service = await startTestService({ env: { WEB_ASSETS_DIR: assets } });
    const { db } = service.database;
    const tenantId = service.standIn.tenantId;
    const mentee = DEMO_PERSONAS.seniorLeader.id;
    const mentor = DEMO_PERSONAS.juniorMentor.id;
    for (const id of [mentee, mentor]) {
      const user = service.standIn.org.people.find((p) => p.user.id === id)!.user;
      await aPerson(db, tenantId, { userId: id, displayName: user.displayName, department: user.department ?? undefined });
    }
    const programme = await service.api<{ id: string }>('POST', '/api/programmes', { as: DEMO_PERSONAS.programmeAdmin.id, body: { name: 'Bench', startsOn: '2026-01-05' } });
    await aPair(db, tenantId, { status: 'accepted', programmeId: programme.body.id, mentorUserId: mentor, menteeUserId: mentee });

    browser = await launchChromium();
    // The person is already signed in, as on every visit after the first: MSAL's cache (in
    // sessionStorage) from one real sign-in through the identity stand-in, put back before each cold load.
    const tabUrl = `${service.url}/tab/index.html#/workspace`;
    const signInContext = await browser.newContext();
    const signInPage = await signInContext.newPage();
    await signIn(signInPage, tabUrl, service.standIn.org.people.find((p) => p.user.id === mentee)!.user.displayName!);
    await signInPage.getByRole('button', { name: 'Sign the charter' }).waitFor();
    const msalCache = await signInPage.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    await signInContext.close();
    const init = `if (location.origin === ${JSON.stringify(new URL(service.url).origin)}) for (const [key, value] of ${msalCache}) sessionStorage.setItem(key, value);`;

    const tab: Load[] = [];
    const blank: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      blank.push(await measure(browser, `${service.url}/blank/index.html`, '', (page) => page.getByRole('heading', { name: 'Blank' }).waitFor()));
      tab.push(await measure(browser, tabUrl, init, (page) => page.getByRole('button', { name: 'Sign the charter' }).waitFor()));
    }
    const result = {
      bench: 'tab',
      runs: RUNS,
      tab: { jsGzipBytes: tab[0]!.jsGzip, cssGzipBytes: tab[0]!.cssGzip, usableMsMedian: Math.round(median(tab.map((l) => l.ms))) },
      blank: { jsGzipBytes: blank[0]!.jsGzip, cssGzipBytes: blank[0]!.cssGzip, usableMsMedian: Math.round(median(blank.map((l) => l.ms))) },
      ratio: { jsGzip: 0, usableMs: 0 },
      budget: { jsGzipBytes: BUDGET_JS_GZIP, withinBudget: tab[0]!.jsGzip < BUDGET_JS_GZIP },
    };
    result.ratio.jsGzip = Math.round((result.tab.jsGzipBytes / result.blank.jsGzipBytes) * 100) / 100;
    result.ratio.usableMs = Math.round((result.tab.usableMsMedian / result.blank.usableMsMedian) * 100) / 100;

    console.log(`First view of the tab (pair workspace), ${RUNS} cold loads in headless Chromium:`);
    console.log(`  JavaScript, gzipped:   tab ${kb(result.tab.jsGzipBytes)}   blank Fluent ${kb(result.blank.jsGzipBytes)}   ratio ${result.ratio.jsGzip}  (budget ${kb(BUDGET_JS_GZIP)}: ${result.budget.withinBudget ? 'within' : 'OVER'})`);
    console.log(`  CSS, gzipped:          tab ${kb(result.tab.cssGzipBytes)}   blank Fluent ${kb(result.blank.cssGzipBytes)}  (Griffel inserts styles at run time)`);
    console.log(`  Navigation to usable:  tab ${result.tab.usableMsMedian} ms   blank Fluent ${result.blank.usableMsMedian} ms   ratio ${result.ratio.usableMs}  (median; the tab includes /api/me, /api/pairs and the workspace)`);
    console.log(JSON.stringify(result));
    if (!result.budget.withinBudget) process.exitCode = 1;
  } finally {
    await browser?.close();
    await service?.close();
    fs.rmSync(assets, { recursive: true, force: true });
  }
}

void main();
