import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

const SCHEMA_HOST = 'https://developer.microsoft.com/';

/**
 * Where `@microsoft/app-manifest` keeps its copy of a developer.microsoft.com Teams schema, or
 * undefined when it ships none (validating would then need the network, which we refuse).
 */
export function localSchemaFile(schemaUrl: string): string | undefined {
  const url = schemaUrl.replace(/^https:\/\/developer\.microsoft\.com\/[a-z]{2}(-[a-z]{2})?\/json-schemas\//i, `${SCHEMA_HOST}json-schemas/`);
  if (!url.startsWith(`${SCHEMA_HOST}json-schemas/teams/`)) return undefined;
  const file = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), url.slice(SCHEMA_HOST.length));
  return existsSync(file) ? file : undefined;
}

type Schema = Awaited<ReturnType<typeof AppManifestUtils.fetchSchema>>;

/**
 * The shipped localisation schemas (v1.24 at least) have patternProperties keys such as
 * `activityTypes\[\b(...)\b]` whose lone `]` is a syntax error in the Unicode regular expressions
 * Ajv compiles, so Ajv throws before validating anything. Escaping that bracket keeps the meaning.
 */
function repairPatternKeys(schema: Schema): Schema {
  const { patternProperties } = schema as { patternProperties?: Record<string, unknown> };
  if (!patternProperties) return schema;
  const repaired = Object.fromEntries(Object.entries(patternProperties).map(([pattern, rule]) => [pattern.replaceAll('\\b]', '\\b\\]'), rule]));
  return { ...schema, patternProperties: repaired } as Schema;
}

/** Validates a JSON document (manifest or localisation file) against the schema its `$schema` names, offline. */
export async function validateAgainstOwnSchema(document: Record<string, unknown>, name: string): Promise<string[]> {
  const schemaUrl = document.$schema;
  if (typeof schemaUrl !== 'string') return [`${name}: has no $schema to validate against`];
  if (!localSchemaFile(schemaUrl)) return [`${name}: $schema ${schemaUrl} is not shipped with @microsoft/app-manifest, so it cannot be checked offline`];
  // The package reads the schema from its own folder for these URLs (checked above), never the network.
  const schema = repairPatternKeys(await AppManifestUtils.fetchSchema(schemaUrl));
  const failures = await AppManifestUtils.validateAgainstSchema(document as never, schema);
  return failures.map((failure) => `${name}: ${failure.trim()}`);
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function* stringsIn(value: Json, at: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsIn(item, `${at}[${i}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (key !== '$schema') yield* stringsIn(item, at ? `${at}.${key}` : key);
}

/**
 * Checks the schema cannot express but Teams enforces on upload: every web address the app
 * loads is on one of its valid domains, and the SSO resource sits on that domain.
 */
export function crossFieldProblems(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const validDomains = Array.isArray(manifest.validDomains) ? (manifest.validDomains as string[]) : [];
  for (const [at, value] of stringsIn(manifest as Json, '')) {
    if (!/^https?:\/\//i.test(value)) continue;
    const host = new URL(value).host;
    if (!validDomains.includes(host)) problems.push(`manifest.json: ${at} is on ${host}, which is not in validDomains`);
  }
  const sso = manifest.webApplicationInfo as { id?: string; resource?: string } | undefined;
  if (sso?.resource !== undefined) {
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(sso.resource);
    if (!match || !validDomains.includes(match[1]!) || match[2] !== sso.id) {
      problems.push(`manifest.json: webApplicationInfo.resource must be api://<a valid domain>/<webApplicationInfo.id>, not ${sso.resource}`);
    }
  }
  return problems;
}

const TOP_LEVEL_KEYS = new Set(['$schema', 'name.short', 'name.full', 'description.short', 'description.full', 'localizationKeys']);

/** Localisation keys are paths into the manifest ("staticTabs[0].name"); each must name a text the manifest has. */
export function localizationKeyProblems(manifest: Record<string, unknown>, file: string, localization: Record<string, unknown>): string[] {
  const texts = new Map(stringsIn(manifest as Json, ''));
  return Object.keys(localization)
    .filter((key) => !TOP_LEVEL_KEYS.has(key) && !texts.has(key))
    .map((key) => `${file}: ${key} names no text in manifest.json (did an index move?)`);
}

/** Every problem with a filled manifest and its localisation files; empty when Teams would accept them. */
export async function validateAppPackage(manifest: Record<string, unknown>, localizations: Record<string, Record<string, unknown>>): Promise<string[]> {
  const problems = [...(await validateAgainstOwnSchema(manifest, 'manifest.json')), ...crossFieldProblems(manifest)];
  for (const [file, localization] of Object.entries(localizations)) {
    problems.push(...(await validateAgainstOwnSchema(localization, file)), ...localizationKeyProblems(manifest, file, localization));
  }
  return problems;
}
