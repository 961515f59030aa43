import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppPackage, zipAppPackage } from './buildPackage';
import { readEnvironment } from './environment';
import { iconFiles } from './icons';

const root = path.resolve(__dirname, '..');

/** `npm run package -- <env>`: fills, validates and zips the app package for one environment. */
async function packageFor(envName: string): Promise<void> {
  const appPackage = await buildAppPackage(readEnvironment(root, envName));
  const outDir = path.join(__dirname, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipFile = path.join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(zipFile, await zipAppPackage(appPackage));
  writeFileSync(path.join(outDir, `manifest.${envName}.json`), appPackage.files['manifest.json']!);
  console.log(`Valid. Wrote ${path.relative(root, zipFile)} (${Object.keys(appPackage.files).join(', ')}).`);
}

/** `npm run icons`: redraws the committed icon PNGs. */
function drawIcons(): void {
  for (const [file, png] of Object.entries(iconFiles())) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), png);
    console.log(`Wrote ${file}`);
  }
}

const [command, arg] = process.argv.slice(2);
const run = command === 'icons' ? Promise.resolve(drawIcons()) : command === 'package' && arg ? packageFor(arg) : undefined;
if (!run) {
  console.error('Usage: npm run package -- <environment name, e.g. dev>   |   npm run icons');
  process.exitCode = 2;
} else {
  run.catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
