import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aPerson } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { aRunningProgramme, expectNoAxeViolations, launchChromium, nameOf, openTabAs, recordPersonas, screenshot, tabAddress, type Persona } from './support/tabBrowser';

/*
 * Running a programme in a real Chromium against the real service: the admin's pairs board, its
 * filters and an action confirmed in a dialog (also at Teams mobile width), matching re-run
 * previewed then applied with the published pairs in view, and a participant's
 * journal entry shared and then deleted, each confirmed, after which the partner no longer reads it.
 */

jest.setTimeout(240_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;
const demoPair = `${nameOf(mentor)} (reverse mentor) and ${nameOf(mentee)} (mentee)`;
const freshPair = 'Gus Fresh (reverse mentor) and Hal Fresh (mentee)';

let service: TestService;
let browser: Browser;
let demoPairId: string;
let tabUrl: (hash: string) => string;

beforeAll(async () => {
  service = await startTestService();
  await recordPersonas(service, [mentee, mentor, admin]);
  const programmeId = await aRunningProgramme(service, admin, { name: 'Reverse mentoring 2026', startsOn: '2026-01-05' });
  const db = service.database.db;
  const tenantId = service.standIn.tenantId;
  // Active since February without a session: the board flags it. The other pair was proposed today.
  demoPairId = (await aPair(db, tenantId, { status: 'active', programmeId, mentorUserId: mentor.id, menteeUserId: mentee.id })).id;
  const [gus, hal] = await Promise.all(['Gus Fresh', 'Hal Fresh'].map((displayName) => aPerson(db, tenantId, { displayName })));
  await aPair(db, tenantId, { status: 'accepted', programmeId, mentorUserId: gus, menteeUserId: hal });
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const openAs = (person: Persona, hash = 'workspace', width?: number): Promise<Page> => openTabAs(browser, tabUrl, person, hash, width ? { width } : {});
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

describe('running a programme in a browser', () => {
  test('the admin reads the pairs board, filters it, and pauses then ends a pair, each confirmed in a dialog', async () => {
    const page = await openAs(admin, 'admin');
    await page.getByRole('tab', { name: 'Pairs' }).click();
    const board = section(page, 'Pairs board');
    const demo = board.getByRole('listitem', { name: demoPair });
    await demo.getByText('No session within the cadence plus a week').waitFor();
    await demo.getByText('No session held').waitFor();
    await board.getByRole('listitem', { name: freshPair }).waitFor();
    await expectNoAxeViolations(page, 'pairs board');
    await screenshot(page, 'admin-pairs-board');

    await board.getByRole('combobox', { name: 'Needs attention' }).selectOption('no-recent-session');
    await board.getByText('1 pair', { exact: true }).waitFor();
    await expect(board.getByRole('listitem', { name: freshPair }).count()).resolves.toBe(0);
    await board.getByRole('combobox', { name: 'Needs attention' }).selectOption('');
    await board.getByRole('searchbox', { name: 'Search by name' }).fill('hal fr');
    await board.getByText('1 pair', { exact: true }).waitFor();
    await board.getByRole('listitem', { name: freshPair }).waitFor();
    await board.getByRole('searchbox', { name: 'Search by name' }).fill('');
    await board.getByText('2 pairs', { exact: true }).waitFor();

    // Pausing asks first, and Cancel changes nothing.
    await demo.getByRole('button', { name: `Pause the pair ${nameOf(mentor)} and ${nameOf(mentee)}` }).click();
    const pause = page.getByRole('alertdialog', { name: `Pause ${nameOf(mentor)} and ${nameOf(mentee)}?` });
    await pause.getByText(/cannot book sessions until you resume the pair/).waitFor();
    await expectNoAxeViolations(page, 'pause dialog');
    await screenshot(page, 'admin-pairs-pause-dialog');
    await pause.getByRole('button', { name: 'Cancel' }).click();
    await pause.waitFor({ state: 'hidden' });
    await expect(demo.getByText('Active', { exact: true }).count()).resolves.toBe(1);

    await demo.getByRole('button', { name: `Pause the pair ${nameOf(mentor)} and ${nameOf(mentee)}` }).click();
    await pause.getByRole('button', { name: 'Pause the pair' }).click();
    await page.getByRole('status').getByText(`${nameOf(mentor)} and ${nameOf(mentee)} are paused.`).waitFor();
    await demo.getByText('Paused', { exact: true }).waitFor();
    await demo.getByRole('button', { name: /^History/ }).click();
    await demo.getByText(/: paused by a programme admin$/).waitFor();

    // Ending needs a reason that blames nobody before it can be confirmed.
    await demo.getByRole('button', { name: `End the pair ${nameOf(mentor)} and ${nameOf(mentee)}` }).click();
    const end = page.getByRole('alertdialog', { name: `End ${nameOf(mentor)} and ${nameOf(mentee)}?` });
    await expect(end.getByRole('button', { name: 'End the pair' }).isDisabled()).resolves.toBe(true);
    await end.getByRole('radio', { name: 'relationship completed' }).check();
    await expectNoAxeViolations(page, 'end dialog');
    await screenshot(page, 'admin-pairs-end-dialog');
    await end.getByRole('button', { name: 'End the pair' }).click();
    await demo.getByText('Reason: relationship completed').waitFor();
    await expect(demo.getByRole('button', { name: /^(Pause|Resume|End|Re-pair) / }).count()).resolves.toBe(0);
    await page.context().close();

    const audit = await service.database.db.selectFrom('audit_log').select('action').where('target', '=', demoPairId).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['pair.end', 'pair.pause']);
  });

  test('the board fits Teams mobile width', async () => {
    const page = await openAs(admin, 'admin', 360);
    await page.getByRole('tab', { name: 'Pairs' }).click();
    await section(page, 'Pairs board').getByRole('listitem', { name: freshPair }).waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'pairs board at 360 px');
    await screenshot(page, 'admin-pairs-board-mobile');
    await page.context().close();
  });

  test('the admin keeps the published pairs in view, previews a re-run and applies it after confirming', async () => {
    const page = await openAs(admin, 'admin');
    await page.getByRole('tab', { name: 'Matching', exact: true }).click();
    const published = section(page, 'Published pairs');
    await published.getByRole('row', { name: /Gus Fresh Hal Fresh Accepted/ }).waitFor();
    await page.getByRole('button', { name: 'Preview a run' }).click();
    const preview = section(page, 'What a re-run would change');
    await preview.getByText('Gus Fresh / Hal Fresh (Accepted)').waitFor();
    // The pair ended above: the two are never proposed to each other again, and the preview says why.
    await preview.getByText(`${nameOf(mentor)} (reverse mentor): no partner the pairing rules allow`).waitFor();
    await expect(service.database.db.selectFrom('match_runs').select('id').execute()).resolves.toEqual([]);
    await expectNoAxeViolations(page, 'matching preview');
    await screenshot(page, 'admin-matching-preview');

    await preview.getByRole('button', { name: 'Apply this re-run' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Apply this re-run?' });
    await confirm.getByText(/Published pairs stay as they are, and nobody is told anything until you publish/).waitFor();
    await expectNoAxeViolations(page, 'apply dialog');
    await confirm.getByRole('button', { name: 'Apply', exact: true }).click();
    await preview.waitFor({ state: 'hidden' });
    await section(page, 'Matching review').getByRole('heading', { name: 'Not matched' }).waitFor();
    await published.getByRole('row', { name: /Gus Fresh Hal Fresh Accepted/ }).waitFor();
    const runs = await service.database.db.selectFrom('match_runs').select('published_at').execute();
    expect(runs).toEqual([{ published_at: null }]);
    await page.context().close();
  });

  test('the mentee shares a journal entry and deletes it, each confirmed; the partner no longer reads it', async () => {
    const words = 'I talked over Jun twice; next time I ask first.';
    // The demo pair ended above: journals are written in a live pair.
    await aPair(service.database.db, service.standIn.tenantId, { status: 'active', mentorUserId: mentor.id, menteeUserId: mentee.id });
    const leader = await openAs(mentee);
    const journal = section(leader, 'My journal');
    await journal.getByRole('textbox', { name: 'New journal entry' }).fill(words);
    await journal.getByRole('button', { name: 'Save entry' }).click();
    const entry = journal.getByRole('listitem').filter({ hasText: words });
    await entry.getByRole('button', { name: /^Share entry: / }).click();
    const share = leader.getByRole('alertdialog', { name: `Share this entry with ${nameOf(mentor)}?` });
    await expectNoAxeViolations(leader, 'share dialog');
    await screenshot(leader, 'journal-share-dialog');
    await share.getByRole('button', { name: 'Share with my partner' }).click();
    await entry.getByText('Shared with your partner').waitFor();

    const junior = await openAs(mentor);
    await section(junior, 'My journal').getByText(words).waitFor();

    await entry.getByRole('button', { name: /^Delete entry: / }).click();
    const remove = leader.getByRole('alertdialog', { name: 'Delete this entry?' });
    await remove.getByText(`The entry is deleted for good, and ${nameOf(mentor)} can no longer read it. It cannot be brought back.`).waitFor();
    await screenshot(leader, 'journal-delete-dialog');
    await remove.getByRole('button', { name: 'Delete the entry' }).click();
    await journal.getByText('You have not written anything yet.').waitFor();
    await leader.context().close();

    await junior.reload();
    await section(junior, 'My journal').getByText('Your partner has not shared an entry.').waitFor();
    await expect(junior.getByText(words).count()).resolves.toBe(0);
    await junior.context().close();
  });
});
