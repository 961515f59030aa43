/**
 * The bot's identity, read from the variables the Microsoft 365 Agents SDK itself reads
 * (`connections__<id>__settings__<property>`, `connectionsMap__<i>__<property>`, names compared
 * without regard to case, as the SDK does), and checked at start so that a missing or
 * contradictory setting stops the service with its name. Upward uses one connection,
 * `serviceConnection`: a user-assigned managed identity, whose tokens it trusts only from the
 * issuers the configuration lists. See docs/decisions/0030-bot-identity-from-the-sdk-settings.md.
 */

export const BOT_CONNECTION = 'serviceConnection';
const prefix = `connections__${BOT_CONNECTION}__settings__`;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The settings of the bot connection exactly as written in the environment, for the SDK to read. */
export interface BotConnectionSettings {
  clientId: string;
  tenantId: string;
  authType: 'UserManagedIdentity';
  /** Where the SDK derives signing keys of issuers other than the Bot Framework's from; the SDK's default when absent. */
  authorityEndpoint?: string;
  /** The issuers whose tokens the bot accepts; the SDK's defaults for the tenant when absent. */
  issuers?: string[];
  validateIssuer: true;
}

/** Settings that would give the bot a password, or configure it a second way that could disagree. */
const refusedSettings: { pattern: RegExp; why: string }[] = [
  { pattern: /^connections__[^_]+__settings__(clientsecret)$/i, why: 'the bot authenticates as its managed identity; Upward has no client secrets' },
  { pattern: /^(clientsecret|microsoftapppassword|entra_client_secret|bot_client_secret)$/i, why: 'Upward has no client secrets: the managed identity is its only credential' },
  { pattern: /^(clientid|tenantid|authtype|microsoftappid|microsoftapptenantid|microsoftapptype|bot_app_id|bot_tenant_id)$/i, why: `set the bot's identity once, as ${prefix}<property>` },
];

/** Reads and checks the bot connection; returns it, or the problems, each naming its variable. */
export function readBotConnection(env: NodeJS.ProcessEnv): { settings: BotConnectionSettings; problems: [] } | { settings: null; problems: string[] } {
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
  const known = new Set(['clientid', 'tenantid', 'authtype', 'authorityendpoint', 'issuers', 'validateissuer']);
  for (const property of own.keys()) if (!known.has(property)) problems.push(`${prefix}${property}: Upward does not use this setting of the Agents SDK`);

  const clientId = own.get('clientid');
  const tenantId = own.get('tenantid');
  if (!clientId) problems.push(`${prefix}clientId: is required (the client id of the managed identity the Azure Bot is registered with)`);
  else if (!guid.test(clientId)) problems.push(`${prefix}clientId: must be the managed identity's client id, a GUID`);
  if (!tenantId) problems.push(`${prefix}tenantId: is required (the tenant of the bot's managed identity)`);
  else if (!guid.test(tenantId)) problems.push(`${prefix}tenantId: must be a tenant id, a GUID`);
  if (own.get('authtype') !== 'UserManagedIdentity') problems.push(`${prefix}authType: must be UserManagedIdentity (the bot signs in as its managed identity)`);
  if (own.get('validateissuer')?.toLowerCase() !== 'true') problems.push(`${prefix}validateIssuer: must be true, or the SDK accepts a token from any issuer that signs with the authority's keys`);
  const authority = own.get('authorityendpoint');
  if (authority !== undefined && !isUrl(authority)) problems.push(`${prefix}authorityEndpoint: must be a URL`);
  // Split as the SDK splits it: by commas when there are any, else by white space.
  const issuers = own.get('issuers')?.split(own.get('issuers')!.includes(',') ? ',' : /\s+/).map((s) => s.trim()).filter(Boolean);
  if (issuers?.some((i) => !isUrl(i))) problems.push(`${prefix}issuers: must list issuer URLs`);
  if (problems.length > 0) return { settings: null, problems };
  return {
    settings: { clientId: clientId!, tenantId: tenantId!, authType: 'UserManagedIdentity', validateIssuer: true, ...(authority ? { authorityEndpoint: authority } : {}), ...(issuers ? { issuers } : {}) },
    problems: [],
  };
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
