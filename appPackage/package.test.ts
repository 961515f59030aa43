import JSZip from 'jszip';
import { buildAppPackage, zipAppPackage } from './buildPackage';
import { azureLikeEnvironment } from './testEnvironments';

describe('the app package zip', () => {
  it('holds exactly manifest.json, the two icons and the localisation files, at its root, all placeholders filled', async () => {
    const zip = await JSZip.loadAsync(await zipAppPackage(await buildAppPackage(azureLikeEnvironment)));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['color.png', 'de-de.json', 'fr-fr.json', 'manifest.json', 'outline.png']);
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const text = await zip.file(name)!.async('string');
      expect(text).not.toContain('${{');
      expect(() => JSON.parse(text)).not.toThrow();
    }
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { id: string; bots: { botId: string }[]; name: { short: string } };
    expect(manifest.id).toBe(azureLikeEnvironment.TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(azureLikeEnvironment.BOT_ID);
    expect(manifest.name.short).toBe('Upward (dev)');
    expect(JSON.parse(await zip.file('fr-fr.json')!.async('string'))['name.short']).toBe('Upward (dev)');
  });

  it('is byte-for-byte the same when built twice from the same inputs', async () => {
    const build = async () => zipAppPackage(await buildAppPackage(azureLikeEnvironment));
    expect(Buffer.compare(await build(), await build())).toBe(0);
  });
});
