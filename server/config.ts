import { z } from 'zod';
import { defaultHttpLimits, type HttpLimits } from './http/httpServer';
import type { AppCredential } from './appCredential';
import { type BotConnectionSettings, readBotConnection } from './botConnectionConfig';
import { type CertificateCredential, readCertificateCredential } from './certificateCredential';
import { defaultRateLimits, type RateLimitSettings } from './http/rateLimits';

const list = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean));
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const defaultDatabasePoolSize = 10;

/** Every setting Upward reads from its environment; which Microsoft 365 it talks to is configuration only. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_BASE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPWARD_DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  DATABASE_AUTH: z
    .enum(['url', 'managed-identity'], { message: 'must be url (whatever DATABASE_URL holds) or managed-identity (Microsoft Entra tokens of the managed identity, Azure Database for PostgreSQL)' })
    .default('url'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(defaultDatabasePoolSize),
  ENTRA_CLIENT_ID: z.string().regex(guid, 'must be the application (client) id, a GUID'),
  ENTRA_ALLOWED_TENANTS: list.pipe(
    z.array(z.string().regex(guid, 'must list tenant ids (GUIDs), separated by commas')).min(1, 'must name at least one tenant id'),
  ),
  ENTRA_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  GRAPH_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  UPWARD_GRADE_ATTRIBUTE: z
    .string()
    .regex(/^extensionAttribute([1-9]|1[0-5])$/, 'must name an on-premises extension attribute, extensionAttribute1 to extensionAttribute15')
    .default('extensionAttribute1'),
  WEB_ASSETS_DIR: z.string().min(1).default('dist/web'),
  UPWARD_RETENTION_DAYS: z.coerce.number().int().min(30, 'must be at least 30 (days after a programme ends)').default(365),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  RATE_LIMIT_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).default(defaultRateLimits.perUserPerMinute),
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(defaultRateLimits.perAddressPerMinute),
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(defaultHttpLimits.requestTimeoutMs / 1000),
  HTTP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(defaultHttpLimits.headersTimeoutMs / 1000),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(defaultHttpLimits.maxConnections),
  UPWARD_ANONYMITY_FLOOR: z.coerce.number().int().min(3, 'groups smaller than 3 would single people out').max(100).default(5),
  BOOKING_GRAPH_IDENTITY: z
    .enum(['app', 'delegated'], { message: 'must be app (Calendars.ReadWrite application permission, the default) or delegated (on behalf of the caller)' })
    .default('app'),
  NODE_ENV: z.string().optional(),
  BOT_AUTH: z.enum(['entra', 'anonymous'], { message: 'must be entra (Bot Framework tokens, the default) or anonymous (local Agents Playground only)' }).default('entra'),
  IDENTITY_CREDENTIAL: z
    .enum(['managed-identity', 'certificate'], { message: 'must be managed-identity (the default, in Azure) or certificate (a host without a managed identity; see docs/admin-guide.md)' })
    .default('managed-identity'),
  // Set by App Service for the managed identity (msal-node reads them from the process environment); required with IDENTITY_CREDENTIAL=managed-identity.
  IDENTITY_ENDPOINT: z.url().optional(),
  IDENTITY_HEADER: z.string().optional(),
  // With IDENTITY_CREDENTIAL=certificate: the PEM certificate uploaded to the app registration, and its PEM private key.
  IDENTITY_CERTIFICATE_FILE: z.string().optional(),
  IDENTITY_CERTIFICATE_KEY_FILE: z.string().optional(),
  // Empty until the app is published to the org catalog (the deployment passes it through as it is).
  TEAMS_APP_CATALOG_ID: z.string().optional().transform((v) => v || undefined),
  // Set only by `npm start` and tests beside the local Teams host stand-in (dev/teamsHost); production refuses it.
  UPWARD_DEV_TEAMS_HOST_ORIGIN: z.url().optional(),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

export type Config = {
  port: number;
  host: string;
  publicBaseUrl: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  dataDir: string;
  databaseUrl: string | undefined;
  /** How Upward proves itself to the Postgres server: as DATABASE_URL says, or with its managed identity's Entra tokens (only with IDENTITY_CREDENTIAL=managed-identity). */
  databaseAuth: 'url' | 'managed-identity';
  /** Connections to the Postgres server this process may hold at once. */
  databasePoolSize: number;
  entra: {
    clientId: string;
    allowedTenants: string[];
    authorityHost: string;
    /** What the app registration signs in with for Graph tokens: the managed identity (federated credential) or a certificate. */
    credential: AppCredential;
  };
  graphBaseUrl: string;
  /** How long one attempt of a Graph request may wait for an answer. */
  graphAttemptTimeoutMs: number;
  /** The on-premises extension attribute that holds people's grade. */
  gradeAttribute: string;
  webAssetsDir: string;
  /** Days after a programme ends before all its data is deleted (`npm run retention`). */
  retentionDays: number;
  rateLimits: RateLimitSettings;
  /** Proxies in front of the service whose X-Forwarded-For is believed (0 when reached directly). */
  trustProxyHops: number;
  /** The smallest anonymity threshold any programme may use; set by whoever runs Upward for the organisation. */
  anonymityFloor: number;
  /** Timeouts and the connection cap that cut off slow or piling-up clients. */
  http: HttpLimits;
  /** Which Graph identity books sessions: the app (organizer may be either member) or the caller (organizer is the caller). See decision 0016. */
  bookingIdentity: 'app' | 'delegated';
  bot: {
    /** anonymous accepts unsigned activities: only for the local Agents Playground beside the stand-in, on loopback. */
    auth: 'entra' | 'anonymous';
    /** The Agents SDK connection as the environment gives it: the managed identity or the bot's certificate, trusted issuers. */
    connection: BotConnectionSettings;
    /** The app's id in the organisation's Teams app catalog, for installing it for participants. */
    teamsAppCatalogId: string | undefined;
  };
  /** How long a worker holds a claimed job: after a crash, its jobs run elsewhere once this passes. */
  jobLeaseMs: number;
  /** The local Teams host stand-in's origin, allowed to frame the tab and to talk to teams-js (development only). */
  devTeamsHostOrigin: string | undefined;
};

export class ConfigError extends Error {}

/** For entry points: a configuration error is printed for the operator and ends the process. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Reads and checks the environment once, at start, with messages that say which variable to fix. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  const bot = readBotConnection(env);
  const identity = readIdentityCredential(env);
  const problems: string[] = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const name = issue.path.join('.') || '(environment)';
          return `${name}: ${issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message}`;
        })),
    ...bot.problems,
    ...identity.problems,
  ];
  // One credential for the whole service: with a certificate there is no managed identity for the bot either, and the other way round.
  const botAuthType = { 'managed-identity': 'UserManagedIdentity', certificate: 'Certificate' }[identity.kind ?? 'managed-identity'];
  if (bot.authType && identity.kind && bot.authType !== botAuthType) {
    problems.push(
      identity.kind === 'certificate'
        ? 'connections__serviceConnection__settings__authType: must be Certificate with IDENTITY_CREDENTIAL=certificate (there is no managed identity for the bot to sign in as)'
        : 'connections__serviceConnection__settings__authType: must be UserManagedIdentity with IDENTITY_CREDENTIAL=managed-identity (the default); where there is no managed identity, set IDENTITY_CREDENTIAL=certificate',
    );
  }
  if (!parsed.success || !bot.settings || problems.length > 0) {
    throw new ConfigError(`Upward cannot start: fix these environment variables:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const e = parsed.data;
  if (bot.settings.clientId.toLowerCase() === e.ENTRA_CLIENT_ID.toLowerCase()) {
    throw new ConfigError(
      'Upward cannot start: connections__serviceConnection__settings__clientId is ENTRA_CLIENT_ID; the bot must have an identity of its own (the managed identity, or its own app registration with a certificate), or tokens for the Upward API would be accepted as Bot Framework traffic.',
    );
  }
  if (e.BOT_AUTH === 'anonymous') {
    const remote = Object.entries({ HOST: `http://${e.HOST}`, ENTRA_AUTHORITY_HOST: e.ENTRA_AUTHORITY_HOST, GRAPH_BASE_URL: e.GRAPH_BASE_URL }).filter(([, url]) => !isLoopback(url));
    if (remote.length > 0 || e.NODE_ENV === 'production') {
      throw new ConfigError(
        `Upward cannot start: BOT_AUTH=anonymous (unsigned activities) is only for the Agents Playground beside the local stand-in, listening on loopback; ${remote.length > 0 ? `${remote.map(([name]) => name).join(', ')} ${remote.length > 1 ? 'are' : 'is'} not on this machine` : 'NODE_ENV is production'}. Use BOT_AUTH=entra.`,
      );
    }
  }
  if (e.UPWARD_DEV_TEAMS_HOST_ORIGIN && e.NODE_ENV === 'production') {
    throw new ConfigError('Upward cannot start: UPWARD_DEV_TEAMS_HOST_ORIGIN is for the local Teams host stand-in only; in production Teams hosts the tab.');
  }
  if (e.DATABASE_AUTH === 'managed-identity') {
    const problem =
      e.IDENTITY_CREDENTIAL === 'certificate'
        ? 'needs a managed identity, and IDENTITY_CREDENTIAL=certificate says this host has none: use DATABASE_AUTH=url, with the database server\'s own authentication in DATABASE_URL (see docs/admin-guide.md)'
        : !e.DATABASE_URL
          ? 'needs DATABASE_URL naming the server, the database and the managed identity as user'
          : new URL(e.DATABASE_URL).password
            ? 'cannot be combined with a password in DATABASE_URL'
            : undefined;
    if (problem) throw new ConfigError(`Upward cannot start: DATABASE_AUTH=managed-identity ${problem}.`);
  }
  const authorityHost = e.ENTRA_AUTHORITY_HOST.replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    dataDir: e.UPWARD_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseAuth: e.DATABASE_AUTH,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    entra: {
      clientId: e.ENTRA_CLIENT_ID,
      allowedTenants: e.ENTRA_ALLOWED_TENANTS,
      authorityHost,
      // In Azure the bot's managed identity is also the app registration's federated credential.
      credential: identity.certificate ? { kind: 'certificate', certificate: identity.certificate } : { kind: 'managed-identity', managedIdentityClientId: bot.settings.clientId },
    },
    graphBaseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ''),
    graphAttemptTimeoutMs: e.GRAPH_TIMEOUT_SECONDS * 1000,
    gradeAttribute: e.UPWARD_GRADE_ATTRIBUTE,
    webAssetsDir: e.WEB_ASSETS_DIR,
    retentionDays: e.UPWARD_RETENTION_DAYS,
    rateLimits: { perUserPerMinute: e.RATE_LIMIT_PER_USER_PER_MINUTE, perAddressPerMinute: e.RATE_LIMIT_PER_ADDRESS_PER_MINUTE },
    trustProxyHops: e.TRUST_PROXY_HOPS,
    anonymityFloor: e.UPWARD_ANONYMITY_FLOOR,
    http: {
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
      keepAliveTimeoutMs: defaultHttpLimits.keepAliveTimeoutMs,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    bookingIdentity: e.BOOKING_GRAPH_IDENTITY,
    bot: {
      auth: e.BOT_AUTH,
      connection: bot.settings,
      teamsAppCatalogId: e.TEAMS_APP_CATALOG_ID,
    },
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    devTeamsHostOrigin: e.UPWARD_DEV_TEAMS_HOST_ORIGIN && new URL(e.UPWARD_DEV_TEAMS_HOST_ORIGIN).origin,
  };
}

/**
 * IDENTITY_CREDENTIAL and what it needs: App Service's managed identity endpoint, or the
 * certificate's two files, read and checked now (a missing file, a key that is not the
 * certificate's, an expired certificate stop the service here, naming the setting).
 */
function readIdentityCredential(env: NodeJS.ProcessEnv): { kind: 'managed-identity' | 'certificate' | null; certificate?: CertificateCredential; problems: string[] } {
  const value = (name: string) => env[name]?.trim() || undefined;
  const kind = value('IDENTITY_CREDENTIAL') ?? 'managed-identity';
  const problems: string[] = [];
  const certificateFiles = ['IDENTITY_CERTIFICATE_FILE', 'IDENTITY_CERTIFICATE_KEY_FILE'] as const;
  if (kind === 'managed-identity') {
    if (!value('IDENTITY_ENDPOINT')) problems.push('IDENTITY_ENDPOINT: is required: the managed identity endpoint App Service sets (see docs/admin-guide.md); where there is no managed identity, set IDENTITY_CREDENTIAL=certificate');
    if (!value('IDENTITY_HEADER')) problems.push('IDENTITY_HEADER: is required: set by App Service with IDENTITY_ENDPOINT');
    for (const name of certificateFiles) if (value(name)) problems.push(`${name}: is for IDENTITY_CREDENTIAL=certificate; remove it, or set IDENTITY_CREDENTIAL=certificate`);
    return { kind, problems };
  }
  if (kind !== 'certificate') return { kind: null, problems };
  const [certificateFile, keyFile] = certificateFiles.map(value);
  if (!certificateFile) problems.push('IDENTITY_CERTIFICATE_FILE: is required with IDENTITY_CREDENTIAL=certificate (the PEM certificate uploaded to the app registration)');
  if (!keyFile) problems.push('IDENTITY_CERTIFICATE_KEY_FILE: is required with IDENTITY_CREDENTIAL=certificate (the certificate\'s PEM private key)');
  if (!certificateFile || !keyFile) return { kind, problems };
  const read = readCertificateCredential({ name: 'IDENTITY_CERTIFICATE_FILE', path: certificateFile }, { name: 'IDENTITY_CERTIFICATE_KEY_FILE', path: keyFile });
  return { kind, problems: read.problems, ...(read.credential ? { certificate: read.credential } : {}) };
}

function isLoopback(url: string): boolean {
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
