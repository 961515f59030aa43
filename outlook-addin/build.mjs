// Builds the Outlook add-in's task pane into dist/web/addin (served at /addin/taskpane.html, as the manifest says).
import { cpSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { addinViteConfig } from './viteConfig.mjs';

export async function buildAddin(options) {
  const config = addinViteConfig(options);
  await build(config);
  // The manifest's icons: /addin/assets/icon-{16,32,80}.png.
  cpSync(path.join(config.root, 'assets'), path.join(config.build.outDir, 'assets'), { recursive: true });
}
