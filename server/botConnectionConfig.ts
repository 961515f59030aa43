import { readCertificateCredential } from './certificateCredential';

/**
 * The bot's identity, read from the variables the Microsoft 365 Agents SDK itself reads
 * (`connections__<id>__settings__<property>`, `connectionsMap__<i>__<property>`, names compared
 * without regard to case, as the SDK does), and checked at start so that a missing or
 * contradictory setting stops the service with its name. Upward uses one connection,
 * `serviceConnection`: a user-assigned managed identity or, on a host without one, the bot's own
 * app registration with a certificate (the SDK's `Certificate` auth type, which reads the PEM
 * files itself); tokens are trusted only from the issuers the configuration lists.
 */

export const BOT_CONNECTION = 'serviceConnection';
const prefix = `connections__${BOT_CONNECTION}__settings__`;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The settings of the bot connection exactly as written in the environment, for the SDK to read. */
export type BotConnectionSettings = {
  /** The managed identity's client id, or the bot's own app registration's with a certificate. */
  clientId: string;
  tenantId: string;
  /** Where the SDK derives signing keys of issuers other than the Bot Framework's from (and, with a certificate, asks for tokens); the SDK's default when absent. */
  authorityEndpoint?: string;
  /** The issuers whose tokens the bot accepts; the SDK's defaults for the tenant when absent. */
  issuers?: string[];
  validateIssuer: true;
} & (
  | { authType: 'UserManagedIdentity' }
  /** The certificate uploaded to the bot's app registration and its private key, PEM files the SDK reads itself. */
  | { authType: 'Certificate'; certPemFile: string; certKeyFile: string }
);

const authTypes = ['UserManagedIdentity', 'Certificate'] as const;

/** Settings that would give the bot a password, or configure it a second way that could disagree. */
const refusedSettings: { pattern: RegExp; why: string }[] = [
  { pattern: /^connections__[^_]+__settings__(clientsecret)$/i, why: 'the bot authenticates as its managed identity or with a certificate; Upward has no client secrets' },
  { pattern: /^(clientsecret|microsoftapppassword|entra_client_secret|bot_client_secret)$/i, why: 'Upward has no client secrets: its credential is the managed identity, or a certificate where there is none' },
  { pattern: /^(clientid|tenantid|authtype|certpemfile|certkeyfile|microsoftappid|microsoftapptenantid|microsoftapptype|bot_app_id|bot_tenant_id)$/i, why: `set the bot's identity once, as ${prefix}<property>` },
];

/** Reads and checks the bot connection; returns it, or the problems, each naming its variable. */
export function readBotConnection(env: NodeJS.ProcessEnv): { settings: BotConnectionSettings; authType: BotConnectionSettings['authType']; problems: [] } | { settings: null; authType: BotConnectionSettings['authType'] | null; problems: string[] } {
  const problems: string[] = [];
  const own = new Map<string, string>();
  for (const [name, raw] of Object.entries(env)) {
    const value = raw?.trim();
    if (!value) continue;
    const refused = refusedSettings.find((r) => r.pattern.test(name));
    if (refused) problems.push(`${name}: remove it (${refused.why})`);
    const connection = /^connections__([^_]+)__settings__(\w+)$/i.exec(name);
    if (connection && connection[1]!.toLowerCase() !== BOT_CONNECTION.toLowerCase()) problems.push(`${name}: Upward has one bot connection, ${BOT_CONNECTION}`);
    else if (connection) own.set(connection[2]!.toLowerCase(), value);
    const map = /^connectionsmap__(\d+)__(\w+)$/i.exec(name);
    if (map && !mapEntryFits(map[2]!.toLowerCase(), value)) problems.push(`${name}: the connections map may only send every service URL ("*") to ${BOT_CONNECTION}`);
  }
  const known = new Set(['clientid', 'tenantid', 'authtype', 'certpemfile', 'certkeyfile', 'authorityendpoint', 'issuers', 'validateissuer']);
  for (const property of own.keys()) if (!known.has(property)) problems.push(`${prefix}${property}: Upward does not use this setting of the Agents SDK`);

  const clientId = own.get('clientid');
  const tenantId = own.get('tenantid');
  if (!clientId) problems.push(`${prefix}clientId: is required (the client id the Azure Bot is registered with: its managed identity's, or its app registration's)`);
  else if (!guid.test(clientId)) problems.push(`${prefix}clientId: must be the bot's client id, a GUID`);
  if (!tenantId) problems.push(`${prefix}tenantId: is required (the tenant of the bot's identity)`);
  else if (!guid.test(tenantId)) problems.push(`${prefix}tenantId: must be a tenant id, a GUID`);
  const authType = authTypes.find((t) => t === own.get('authtype'));
  if (!authType) problems.push(`${prefix}authType: must be UserManagedIdentity (the bot signs in as its managed identity) or Certificate (its app registration's certificate, where there is no managed identity)`);
  const certificate = authType === 'Certificate' ? readBotCertificate(own, problems) : null;
  if (authType === 'UserManagedIdentity') {
    for (const property of ['certPemFile', 'certKeyFile']) {
      if (own.has(property.toLowerCase())) problems.push(`${prefix}${property}: is for authType Certificate; the managed identity needs no certificate`);
    }
  }
  if (own.get('validateissuer')?.toLowerCase() !== 'true') problems.push(`${prefix}validateIssuer: must be true, or the SDK accepts a token from any issuer that signs with the authority's keys`);
  const authority = own.get('authorityendpoint');
  if (authority !== undefined && !isUrl(authority)) problems.push(`${prefix}authorityEndpoint: must be a URL`);
  // Split as the SDK splits it: by commas when there are any, else by white space.
  const issuers = own.get('issuers')?.split(own.get('issuers')!.includes(',') ? ',' : /\s+/).map((s) => s.trim()).filter(Boolean);
  if (issuers?.some((i) => !isUrl(i))) problems.push(`${prefix}issuers: must list issuer URLs`);
  if (problems.length > 0 || !authType) return { settings: null, authType: authType ?? null, problems };
  const common = { clientId: clientId!, tenantId: tenantId!, validateIssuer: true as const, ...(authority ? { authorityEndpoint: authority } : {}), ...(issuers ? { issuers } : {}) };
  return { settings: certificate ? { ...common, authType: 'Certificate', ...certificate } : { ...common, authType: 'UserManagedIdentity' }, authType, problems: [] };
}

/** The certificate files the SDK will read, checked now so that a wrong one stops the service rather than the first reply. */
function readBotCertificate(own: Map<string, string>, problems: string[]): { certPemFile: string; certKeyFile: string } | null {
  const certPemFile = own.get('certpemfile');
  const certKeyFile = own.get('certkeyfile');
  if (!certPemFile) problems.push(`${prefix}certPemFile: is required with authType Certificate (the PEM certificate uploaded to the bot's app registration)`);
  if (!certKeyFile) problems.push(`${prefix}certKeyFile: is required with authType Certificate (the certificate's PEM private key)`);
  if (!certPemFile || !certKeyFile) return null;
  const read = readCertificateCredential({ name: `${prefix}certPemFile`, path: certPemFile }, { name: `${prefix}certKeyFile`, path: certKeyFile });
  problems.push(...read.problems);
  return read.credential ? { certPemFile, certKeyFile } : null;
}

function mapEntryFits(property: string, value: string): boolean {
  if (property === 'serviceurl') return value === '*';
  if (property === 'connection') return value === BOT_CONNECTION;
  return false;
}

function isUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
