import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aPerson, aSession } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { launchChromium } from './support/tabBrowser';

/*
 * The bot end to end: the Microsoft 365 Agents Playground (offline, pinned to 127.0.0.1 by the
 * same preload `npm run playground` uses, chatting as the demo senior leader from
 * bot/playground/.m365agentsplayground.yml) is driven in Chromium against the real service.
 */

jest.setTimeout(90_000);

const root = path.resolve(__dirname, '../..');
const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const hour = 3_600_000;

let service: TestService;
let playground: ChildProcess;
let playgroundUrl: string;
let browser: Browser;
let pairId: string;
let tenantId: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts the Playground as `npm run playground` does, against the harness's bot endpoint, and waits until it listens. */
async function startPlayground(appEndpoint: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--require', './bot/playground/loopback.cjs', 'node_modules/@microsoft/m365agentsplayground/cli.js', '--app-endpoint', appEndpoint, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'],
    {
      cwd: root,
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: 'bot/playground/.m365agentsplayground.yml',
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(os.tmpdir(), `upward-playground-${process.pid}.log`),
        TEAMSAPPTESTER_BROWSER: 'none',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The Playground did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Listening on ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The Playground exited (${code}):\n${output}`)));
  });
  return { child, port };
}

/** The local addresses listening on a port, as the kernel reports them. */
function listeningAddresses(port: number): string[] {
  const lines = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  return lines.map((line) => line.trim().split(/\s+/)[3]!);
}

beforeAll(async () => {
  service = await startTestService({ env: { BOT_AUTH: 'anonymous' } });
  tenantId = service.standIn.tenantId.toLowerCase();
  const { db } = service.database;
  for (const p of [leader, mentor]) await aPerson(db, tenantId, { userId: p.id, displayName: `${p.givenName} ${p.surname}` });
  pairId = (await aPair(db, tenantId, { mentorUserId: mentor.id, menteeUserId: leader.id })).id;
  // One session that has ended (to reflect on) and the next one (to be told about).
  await aSession(db, tenantId, { pairId, startsAt: new Date(Date.now() - 3 * hour) });
  await aSession(db, tenantId, { pairId, startsAt: new Date(Date.now() + 48 * hour) });

  const started = await startPlayground(`${service.url}/api/messages`);
  playground = started.child;
  playgroundUrl = `http://127.0.0.1:${started.port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (playground && playground.exitCode === null) {
    const exited = new Promise((resolve) => playground.once('exit', resolve));
    playground.kill('SIGTERM');
    await exited;
  }
  await service?.close();
});

async function say(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').last();
  await box.click();
  await box.fill(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
}

test('the Playground listens on 127.0.0.1 only', () => {
  const port = Number(new URL(playgroundUrl).port);
  expect(listeningAddresses(port)).toEqual([`127.0.0.1:${port}`]);
});

test('the senior leader asks for their next session and saves a private reflection from the card', async () => {
  const page = await browser.newPage();
  await page.goto(playgroundUrl);
  await page.getByRole('treeitem', { name: 'Personal Chat' }).click();

  await say(page, 'next session');
  await page.getByText('Your next session').first().waitFor();
  await page.getByText('Jun Park').first().waitFor();

  await say(page, 'reflect');
  await page.getByText('How did your session with Jun Park go?').first().waitFor();
  await page.getByLabel('Your reflection (private)').last().fill('I interrupted Jun twice; next time I ask and wait.');
  await page.getByLabel('Take-away 1').last().fill('Juniors speak first in my meetings');
  await page.getByRole('button', { name: 'Save' }).last().click();
  await page.getByText('Saved. Your reflection is private to you.').first().waitFor();

  const { db } = service.database;
  const reflections = await db.selectFrom('reflections').selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pairId).execute();
  expect(reflections).toEqual([expect.objectContaining({ author_user_id: leader.id, text: 'I interrupted Jun twice; next time I ask and wait.', shared_with_partner: false })]);
  const journalOf = async (userId: string) => (await service.api('GET', `/api/pairs/${pairId}/workspace`, { as: userId })).body.journal;
  expect(await journalOf(leader.id)).toEqual([expect.objectContaining({ text: 'I interrupted Jun twice; next time I ask and wait.' })]);
  expect(await journalOf(mentor.id)).toEqual([]);
  const stored = await db.selectFrom('conversation_references').select(['user_id']).where('tenant_id', '=', tenantId).execute();
  expect(stored).toEqual([{ user_id: leader.id }]);
});
