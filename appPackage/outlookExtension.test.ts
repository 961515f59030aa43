import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { requiredSets } from '../outlook-addin/src/host/requirements';
import { buildAppPackage } from './buildPackage';
import { azureLikeEnvironment } from './testEnvironments';

/*
 * What Microsoft needs from the unified manifest's Outlook extension to generate the XML manifest
 * that Outlook on Mac, on mobile and older or perpetual Windows builds install (they do not read
 * the unified manifest): `alternates` with `alternateIcons` (a 64-pixel icon and a 128-pixel
 * high-resolution one, the XML's IconUrl and HighResolutionIconUrl), on the add-in's own domain;
 * and the requirement sets the pane checks at run time, declared.
 */

const root = path.resolve(__dirname, '..');

interface Icon {
  size: number;
  url: string;
}
interface OutlookExtension {
  requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
  runtimes: { code: { page: string } }[];
  ribbons: { tabs: { groups: { icons: Icon[]; controls: { icons: Icon[] }[] }[] }[] }[];
  alternates?: { alternateIcons?: { icon?: Icon; highResolutionIcon?: Icon } }[];
}

async function extension() {
  const { manifest } = await buildAppPackage(azureLikeEnvironment);
  const m = manifest as { extensions: OutlookExtension[]; validDomains: string[] };
  expect(m.extensions).toHaveLength(1);
  return { ext: m.extensions[0]!, validDomains: m.validDomains };
}

/** The icon file an /addin/assets URL is served from, with its pixel size. */
function servedIcon(url: string): { width: number; height: number } {
  const { pathname } = new URL(url);
  expect(pathname).toMatch(/^\/addin\/assets\/icon-\d+\.png$/);
  const png = PNG.sync.read(readFileSync(path.join(root, 'outlook-addin/assets', path.basename(pathname))));
  return { width: png.width, height: png.height };
}

describe('the unified manifest’s Outlook extension', () => {
  it('has alternate icons, so the XML manifest can be generated: 64 pixels and 128 for high resolution, on the add-in’s domain', async () => {
    const { ext, validDomains } = await extension();
    const icons = ext.alternates?.[0]?.alternateIcons;
    expect(icons?.icon).toBeDefined();
    expect(icons?.highResolutionIcon).toBeDefined();
    for (const icon of [icons!.icon!, icons!.highResolutionIcon!]) {
      expect(icon.url).toMatch(/^https:\/\//);
      expect(validDomains).toContain(new URL(icon.url).host);
    }
    expect(servedIcon(icons!.icon!.url)).toEqual({ width: 64, height: 64 });
    expect(servedIcon(icons!.highResolutionIcon!.url)).toEqual({ width: 128, height: 128 });
  });

  it('declares the mailbox requirement set the task pane checks at run time, for mail only', async () => {
    const { ext } = await extension();
    expect(ext.requirements.scopes).toEqual(['mail']);
    expect(ext.requirements.capabilities).toEqual([{ name: 'Mailbox', minVersion: requiredSets.mailbox }]);
  });

  it('points every ribbon icon at a served file of the size it states, and the runtime at the task pane', async () => {
    const { ext } = await extension();
    const icons = ext.ribbons.flatMap((r) => r.tabs.flatMap((t) => t.groups.flatMap((g) => [...g.icons, ...g.controls.flatMap((c) => c.icons)])));
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) expect(servedIcon(icon.url)).toEqual({ width: icon.size, height: icon.size });
    expect(ext.runtimes.map((r) => new URL(r.code.page).pathname)).toEqual(['/addin/taskpane.html']);
  });

  it('is served a page that loads Office.js from Microsoft’s CDN in its head, before any other script', () => {
    const html = readFileSync(path.join(root, 'outlook-addin/taskpane.html'), 'utf8');
    const head = /<head>([\s\S]*)<\/head>/.exec(html)?.[1] ?? '';
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts[0]).toBe('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">');
    expect(head).toContain(scripts[0]);
  });
});
