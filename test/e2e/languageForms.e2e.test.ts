import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';
import { apiStrings, readable, truncated, withoutData } from './support/languageChecks';
import { aRunningProgramme, launchChromium, nameOf, newPersonContext, openTabAs, recordPersonas, screenshot, signIn, tabAddress } from './support/tabBrowser';

/*
 * What people read when something they typed is wrong, in their language: the shared schemas'
 * field messages as the tab checks a form before sending it, and the CSV import's row reasons as
 * the service refuses rows. And the layout right to left: the mirrored pseudo-locale (qps-plocm,
 * the pseudo-locale's words with dir="rtl") mirrors the workspace and an admin page, with every
 * word from a catalogue and nothing spilling sideways.
 */

jest.setTimeout(180_000);

const mentee = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const admin = DEMO_PERSONAS.programmeAdmin;
const programmeName = 'Reverse mentoring 2026';

let service: TestService;
let browser: Browser;
let tabUrl: (hash: string) => string;

beforeAll(async () => {
  service = await startTestService();
  await recordPersonas(service, [mentee, mentor, admin]);
  const programmeId = await aRunningProgramme(service, admin, { name: programmeName, startsOn: '2026-01-05' });
  await aPair(service.database.db, service.standIn.tenantId, { status: 'accepted', programmeId, mentorUserId: mentor.id, menteeUserId: mentee.id });
  tabUrl = tabAddress(service);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const adminIn = (locale: string): Promise<Page> => openTabAs(browser, tabUrl, admin, 'admin', { locale });

test('a French admin saving a programme without a name or with an unknown placeholder reads why in French, beside the field, before anything is sent', async () => {
  const page = await adminIn('fr-FR');
  await page.getByRole('button', { name: `Modifier ${programmeName}` }).click();
  const editor = page.getByRole('region', { name: `Modifier ${programmeName}`, exact: true });
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') sent.push(request.url());
  });
  await editor.getByRole('textbox', { name: 'Nom', exact: true }).fill('  ');
  await editor.getByRole('textbox', { name: 'Modèle de charte' }).fill('{mentee} et {mentor} se voient ; {boss} valide.');
  await editor.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await editor.getByText('ne doit pas être vide').first().waitFor();
  // The placeholders the template may use, joined as French joins a list.
  await editor.getByText(/espace réservé inconnu \{boss\} ; utilisez \{mentor\}, .* et \{\w+\}/).first().waitFor();
  expect(await readable(page.locator('html'))).not.toMatch(/must not be empty|unknown placeholder/);
  expect(sent).toEqual([]);
  await screenshot(page, 'language-form-messages-fr');
  await page.context().close();
});

test('a German admin importing a CSV with bad rows reads each row’s reason in German in the import report', async () => {
  const [first, second] = service.standIn.org.people.filter((p) => p.user.mail && !([mentee.id, mentor.id, admin.id] as string[]).includes(p.user.id!));
  const csv = ['email,role,capacity', 'nobody@nowhere.example,mentor,1', `${first!.user.mail},boss,1`, `${second!.user.mail},mentor,9`].join('\n');
  const page = await adminIn('de-DE');
  await page.getByRole('tab', { name: 'Teilnehmende' }).click();
  await page.getByLabel('CSV-Datei').setInputFiles({ name: 'teilnehmende.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('checkbox', { name: 'Gültige Zeilen importieren, auch wenn einige Zeilen fehlerhaft sind' }).check();
  await page.getByRole('button', { name: 'Importieren', exact: true }).click();
  const report = page.getByRole('table', { name: 'Importbericht' });
  await report.waitFor();
  const rows = await report.getByRole('row').allInnerTexts();
  expect(rows.slice(1).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
    '2 nobody@nowhere.example ist keine Person in Ihrem Verzeichnis.',
    '3 role: muss „mentor“ (die jüngere Kollegin, der jüngere Kollege) oder „mentee“ (die Führungskraft) sein',
    '4 capacity: ein Mentor kann höchstens 5 Mentees begleiten',
  ]);
  await screenshot(page, 'language-csv-import-de');
  await page.context().close();
});

describe('right to left, in the mirrored pseudo-locale (qps-plocm)', () => {
  test.each([
    ['the workspace', mentee, 'workspace'],
    ['the admin pages', admin, 'admin'],
  ] as const)('%s mirror: dir="rtl", headings start at the right edge, navigation runs right to left, nothing untranslated or spilling sideways', async (_what, person, hash) => {
    const page = await (await newPersonContext(browser, { locale: 'qps-plocm' })).newPage();
    // What the API sends is set aside (names, the programme's name), and the people's names the sign-in gives.
    const data = apiStrings(page);
    // Fluent's avatars write initials right to left too (Jun Park is "PJ").
    for (const p of [mentee, mentor, admin]) [nameOf(p), `${p.surname[0]}${p.givenName[0]}`].forEach((v) => data.add(v));
    await signIn(page, tabUrl(hash), nameOf(person));
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    await page.locator('[role="status"]:has-text("…")').waitFor({ state: 'detached' }).catch(() => undefined);
    await page.waitForTimeout(800);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('qps-plocm');
    // Where the heading's words sit: nearer the right edge than the left, as a start-aligned text does right to left.
    const { left, right, width } = await heading.evaluate((h1) => {
      const range = document.createRange();
      range.selectNodeContents(h1);
      const box = range.getBoundingClientRect();
      return { left: box.left, right: box.right, width: document.documentElement.clientWidth };
    });
    expect(width - right).toBeLessThan(left);
    // The first of a row of tabs or links is the rightmost one.
    const row = hash === 'admin' ? page.getByRole('tablist').first().getByRole('tab') : page.getByRole('navigation').first().getByRole('link');
    if ((await row.count()) > 1) {
      const [firstBox, lastBox] = [await row.first().boundingBox(), await row.last().boundingBox()];
      if (firstBox && lastBox && Math.abs(firstBox.y - lastBox.y) < 4) expect(firstBox.x).toBeGreaterThan(lastBox.x);
    }
    const words = [...new Set(withoutData(await readable(page.locator('html')), data).match(/\b[A-Za-z]{2,}\b/g) ?? [])];
    expect(words).toEqual([]);
    expect(await truncated(page.locator('html'))).toEqual([]);
    await screenshot(page, `language-rtl-${hash}`);
    await page.context().close();
  });
});
