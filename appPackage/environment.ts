import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

export type Environment = Record<string, string>;

const ENV_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Reads an environment the way the Microsoft 365 Agents Toolkit does: `env/.env.<name>`
 * (committed, no secrets), then `env/.env.<name>.user` (git-ignored, secrets and local
 * overrides such as a tunnel URL), the latter winning.
 */
export function readEnvironment(root: string, envName: string): Environment {
  if (!ENV_NAME.test(envName)) throw new Error(`"${envName}" is not an environment name (lower-case letters, digits and dashes).`);
  const file = path.join(root, 'env', `.env.${envName}`);
  if (!existsSync(file)) throw new Error(`No environment "${envName}": ${path.relative(root, file)} does not exist.`);
  const values = parseEnv(readFileSync(file, 'utf8')) as Environment;
  const userFile = `${file}.user`;
  const user = existsSync(userFile) ? (parseEnv(readFileSync(userFile, 'utf8')) as Environment) : {};
  return { ...values, ...user };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names of the `${{NAME}}` placeholders in a text, each once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export class MissingValuesError extends Error {
  constructor(
    readonly missing: string[],
    where: string,
  ) {
    super(`${where} needs values for ${missing.join(', ')}: set them in env/.env.<name> (or .env.<name>.user for secrets), or run provision first.`);
  }
}

/**
 * Fills every `${{NAME}}` placeholder. A value may be empty (an empty name suffix in production)
 * but must be set: a missing one is reported with all the others, never left in place.
 */
export function fillPlaceholders(text: string, env: Environment, where: string): string {
  const missing = placeholdersIn(text).filter((name) => env[name] === undefined);
  if (missing.length > 0) throw new MissingValuesError(missing, where);
  // JSON-escape each value so a quote or backslash in it cannot break the document it lands in.
  return text.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(env[name]).slice(1, -1));
}
