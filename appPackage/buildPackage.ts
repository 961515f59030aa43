import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { fillPlaceholders, type Environment } from './environment';
import { validateAppPackage } from './validate';

export const APP_PACKAGE_DIR = __dirname;

export class InvalidAppPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export type AppPackage = {
  manifest: Record<string, unknown>;
  /** The files of the zip, by name: the filled manifest, its icons and its localisation files. */
  files: Record<string, Buffer>;
};

/** The files a manifest refers to: its two icons and its localisation files. */
function referencedFiles(manifest: Record<string, unknown>): { icons: string[]; localizations: string[] } {
  const icons = manifest.icons as { color: string; outline: string };
  const info = manifest.localizationInfo as { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] } | undefined;
  const localizations = [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((l) => l.file)].filter((f): f is string => f !== undefined);
  return { icons: [icons.color, icons.outline], localizations };
}

/**
 * Fills the manifest and its localisation files for one environment, validates them offline and
 * returns the package's files. Throws with every problem at once rather than the first.
 */
export async function buildAppPackage(env: Environment, sourceDir = APP_PACKAGE_DIR): Promise<AppPackage> {
  const read = (file: string) => readFileSync(path.join(sourceDir, file));
  const manifestText = fillPlaceholders(read('manifest.json').toString('utf8'), env, 'manifest.json');
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const { icons, localizations } = referencedFiles(manifest);
  const localizationTexts = Object.fromEntries(localizations.map((file) => [file, fillPlaceholders(read(file).toString('utf8'), env, file)]));
  const problems = await validateAppPackage(
    manifest,
    Object.fromEntries(Object.entries(localizationTexts).map(([file, text]) => [file, JSON.parse(text) as Record<string, unknown>])),
  );
  if (problems.length > 0) throw new InvalidAppPackageError(problems);
  const files: Record<string, Buffer> = { 'manifest.json': Buffer.from(manifestText, 'utf8') };
  for (const icon of icons) files[icon] = read(icon);
  for (const [file, text] of Object.entries(localizationTexts)) files[file] = Buffer.from(text, 'utf8');
  return { manifest, files };
}

// A fixed timestamp makes the zip a function of its contents: the same inputs give the same bytes.
const ZIP_DATE = new Date('2020-01-01T00:00:00Z');

/** The app package zip Teams admin centre and Developer Portal accept: files at the root, no folders. */
export async function zipAppPackage(appPackage: AppPackage): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(appPackage.files)) zip.file(name, content, { date: ZIP_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
