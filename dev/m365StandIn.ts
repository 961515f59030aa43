import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { generateDemoOrg } from './demoOrg/generateDemoOrg';
import { UPWARD_SPA_REDIRECT_URIS } from './demoOrg/tenant';
import type { DemoOrg } from './demoOrg/types';
import { adminRouter } from './graph/adminRouter';
import { CalendarStore, type SentCancellation, type SentMeetingUpdate } from './graph/calendarStore';
import { ChannelStore } from './graph/channelRoutes';
import { DirectoryStore } from './graph/directoryStore';
import { FaultInjector } from './graph/faults';
import { createGraphRouter } from './graph/graphApp';
import { RequestStats } from './graph/requestStats';
import { TeamsChatStore } from './graph/teamsChats';
import { MeetingChatStore } from './graph/meetingChatRoutes';
import { BOT_CONNECTOR_PATH, createBotConnectorIssuer, type BotConnectorIssuer } from './botConnector/botConnectorIssuer';
import { appRegistrations, createBotRegistration, createUpwardRegistration, type AppRegistration } from './identity/appRegistration';
import { createIdentityRouter, signInRedirect } from './identity/identityRouter';
import { createInteractionRequirements, type InteractionRequirements } from './identity/interactionRequirements';
import { appServiceIdentityEndpoint, type IdentityEnvironment } from './identity/appServiceIdentityEndpoint';
import { createManagedIdentity, type ManagedIdentity } from './identity/managedIdentity';
import { directoryFromOrg } from './identity/orgDirectory';
import { createSigningKeys } from './identity/signingKeys';
import { createSpaGrants } from './identity/spaGrants';
import { hostTokens } from './teamsHost/hostTokens';
import { createTeamsHostRouter } from './teamsHost/teamsHostRouter';
import { createTokenIssuer } from './identity/tokenIssuer';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import type { AppTokenOptions, TokenIssuer, UserTokenOptions } from './identity/tokenIssuer';

export interface M365StandInOptions {
  /** 0 picks a free port (for tests). */
  port?: number;
  seed?: string | number;
  size?: number;
  /** Further tenant ids whose tokens the stand-in also issues and whose keys it publishes, for cross-tenant tests (same people, other tenant). */
  extraTenantIds?: readonly string[];
  /** How long rooms take to answer invitations (0, the default: on the first read after the create); see `CalendarStoreOptions`. */
  roomResponseDelayMs?: number;
  /** Milliseconds now, for the room answers' delay (tests set the time). */
  now?: () => number;
  /** Concurrent requests an app may have on one mailbox before Exchange answers 429 (4, as Outlook's service limits say). */
  mailboxConcurrency?: number;
}

export interface M365StandIn {
  /** Origin, for example `http://127.0.0.1:5100`. */
  url: string;
  /** `${url}/v1.0`: use as the Graph client's base URL. */
  graphBaseUrl: string;
  /** `${url}/${tenantId}`: the OpenID Connect authority. */
  authority: string;
  /** `${authority}/v2.0`: the `iss` of every token. */
  issuer: string;
  tenantId: string;
  clientId: string;
  /** The user-assigned managed identity Upward runs as (App Service form), the Upward app's only credential (federated). */
  managedIdentity: Pick<ManagedIdentity, 'clientId' | 'principalId' | 'resourceId' | 'verifyTokenFor'> & { environment: IdentityEnvironment };
  /**
   * The tenant's app registrations: Upward's (the managed identity is its federated credential) and
   * the bot's own, used where there is no managed identity. Certificates are uploaded to them as an
   * admin uploads one in the Entra admin centre (`applications.upward.certificates.upload(pem)`, or
   * `POST /_standin/applications/<client id>/certificates`), several at once during a rotation.
   */
  applications: Record<'upward' | 'bot', Pick<AppRegistration, 'clientId' | 'servicePrincipalId' | 'certificates'>>;
  /** The Bot Connector: signs the activities it posts to the bot. */
  botConnector: Pick<BotConnectorIssuer, 'issuer' | 'authority' | 'issueActivityToken' | 'acceptsBotPost'>;
  /** The "sign in as" page of the authorization code flow (an app's authorize request, with the client id filled in). */
  signInUrl: string;
  /** The Teams host stand-in (`dev/teamsHost`): `${url}/teamsHost`. */
  teamsHostUrl: string;
  org: DemoOrg;
  issueToken(userId: string, options?: UserTokenOptions): Promise<string>;
  /** An app-only token (client credentials), for Graph unless another audience is given. */
  issueAppToken(options?: AppTokenOptions): Promise<string>;
  /**
   * Consent and MFA the identity stand-in demands of people: `requireConsent(personId)` and
   * `requireMfa(personId)` make on-behalf-of refuse them (AADSTS65001, AADSTS50076 with a claims
   * challenge) until they consent in an interactive sign-in (or `grantConsent`) and sign in
   * interactively with the challenge's claims (or present a token issued with `authContexts: ['c1']`).
   */
  interaction: Pick<InteractionRequirements, 'requireConsent' | 'grantConsent' | 'hasConsented' | 'requireMfa'>;
  /** Moves a person under another manager (null: none), as a reorganisation would; `/users/delta` reports it. */
  setManager(userId: string, managerId: string | null): void;
  /** Ages every delta link issued so far by `ms` (as if that time had passed): past seven days Graph refuses them. */
  ageDeltaLinks(ms: number): void;
  faults: FaultInjector;
  stats: RequestStats;
  /** Events stored in a mailbox (or everywhere): for tests that check one booking was made. */
  eventCount(mailboxUserId?: string): number;
  /**
   * Room mailboxes' answers: `process()` has rooms answer their waiting invitations now (or only
   * the one for an event); `decline(room, eventId)` withdraws a room's acceptance, as when
   * facilities take a room back. Also `POST /_standin/rooms/process` and `/_standin/rooms/{room}/decline`.
   */
  rooms: { process(filter?: { eventId?: string }): number; decline(roomAddress: string, eventId: string): boolean };
  /** Meeting cancellations sent to attendees (from one organizer's mailbox, or all): for tests that check who was told. */
  cancellations(mailboxUserId?: string): readonly SentCancellation[];
  /** Meeting updates sent to attendees when an organizer changed a meeting: for tests that check who was told what. */
  meetingUpdates(mailboxUserId?: string): readonly SentMeetingUpdate[];
  /** Messages posted to a Teams channel: for tests that check what reached it. */
  channelMessages(teamId: string, channelId: string): readonly ChatMessage[];
  /** Teams apps installed for people, and the 1:1 chats of their bots (what the Bot Connector delivered). */
  teamsChats: Pick<TeamsChatStore, 'install' | 'postFromBot'>;
  /** The apps and tabs added to Teams meeting chats. */
  meetingChats: Pick<MeetingChatStore, 'installedApps' | 'tabsOf'>;
  stop(): Promise<void>;
}

/** App Service's identity endpoint on the stand-in (IDENTITY_ENDPOINT). */

/** One local server on 127.0.0.1 hosting Microsoft Graph at `/v1.0`, Entra ID at `/{tenantId}/...`, App Service's managed identity endpoint and the Bot Connector's keys. */
export async function startM365StandIn({ port = 5100, seed = 'upward', size = 300, extraTenantIds = [], roomResponseDelayMs = 0, now, mailboxConcurrency }: M365StandInOptions = {}): Promise<M365StandIn> {
  const org = generateDemoOrg({ seed, size });
  const keys = await createSigningKeys();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const graphBaseUrl = `${url}/v1.0`;
  const identityDirectory = directoryFromOrg(org);
  const issuer = createTokenIssuer({ baseUrl: url, tenantId: org.tenantId, clientId: org.clientId, keys, directory: identityDirectory });
  const directory = new DirectoryStore(org);
  const calendars = new CalendarStore(org, { roomResponseDelayMs, now });
  const faults = new FaultInjector();
  const stats = new RequestStats();
  const channels = new ChannelStore();
  const chats = new TeamsChatStore();
  const meetingChats = new MeetingChatStore();
  const requirements = createInteractionRequirements();
  const managedIdentity = createManagedIdentity({ baseUrl: url, tenantId: org.tenantId, keys });
  const identityEndpoint = await appServiceIdentityEndpoint();
  const detachIdentity = identityEndpoint.attach(managedIdentity);
  const botConnector = await createBotConnectorIssuer(url, { issuer: managedIdentity.issuer, keys });
  const upwardApp = createUpwardRegistration(org.clientId, managedIdentity.verifyFederatedAssertion);
  const botApp = createBotRegistration();
  const applications = appRegistrations([upwardApp, botApp]);
  const identityConfig = {
    baseUrl: url,
    tenantId: org.tenantId,
    clientId: org.clientId,
    applications,
    keys,
    issuer,
    directory: identityDirectory,
    requirements,
    grants: createSpaGrants(),
    spaRedirectUris: UPWARD_SPA_REDIRECT_URIS,
  };

  const app = express();
  app.disable('x-powered-by');
  // The Graph JS SDK only recognises absolute https URLs; given our absolute http @odata.nextLink it
  // appends the whole link to its base URL. Undo that here so its PageIterator works unchanged.
  app.use((req, _res, next) => {
    const nested = /^\/v1\.0\/https?:\/+[^/]+\/v1\.0(\/.*)$/.exec(req.url);
    if (nested) req.url = `/v1.0${nested[1]}`;
    next();
  });
  const extraIssuers = extraTenantIds.map((tenantId) => createTokenIssuer({ baseUrl: url, tenantId, clientId: org.clientId, keys, directory: identityDirectory }));
  // Graph accepts a token of any tenant the stand-in hosts (same people in each).
  const graphIssuer = { ...issuer, verify: (token: string, audience: string | readonly string[]) => firstVerified([issuer, ...extraIssuers], token, audience) };
  app.use('/v1.0', createGraphRouter({ directory, calendars, graphBaseUrl, issuer: graphIssuer, faults, stats, channels, chats, meetingChats, mailboxConcurrency }));
  app.use(`/${org.tenantId}`, createIdentityRouter(identityConfig));
  extraIssuers.forEach((extra, i) => app.use(`/${extraTenantIds[i]}`, createIdentityRouter({ ...identityConfig, tenantId: extraTenantIds[i]!, issuer: extra })));
  app.get('/signin', signInRedirect(identityConfig));
  app.use(BOT_CONNECTOR_PATH, botConnector.router);
  app.use('/_standin', adminRouter({ faults, stats, directory, calendars, applications }));
  const teamsHostDeps = { directory: identityDirectory, tenantId: org.tenantId, clientId: org.clientId, environment: new URL(url).host };
  app.use('/teamsHost', createTeamsHostRouter({ ...teamsHostDeps, tokens: hostTokens({ issuer, keys, clientId: org.clientId, tenantId: org.tenantId }) }));
  server.on('request', app);

  return {
    url,
    graphBaseUrl,
    authority: `${url}/${org.tenantId}`,
    issuer: issuer.issuer,
    tenantId: org.tenantId,
    clientId: org.clientId,
    managedIdentity: { ...managedIdentity, environment: identityEndpoint.environment },
    applications: { upward: upwardApp, bot: botApp },
    botConnector,
    signInUrl: `${url}/signin`,
    teamsHostUrl: `${url}/teamsHost`,
    org,
    issueToken: (userId, options) => issuer.issueToken(userId, options),
    issueAppToken: (options) => issuer.issueAppToken(options),
    interaction: requirements,
    setManager: (userId, managerId) => directory.setManager(userId, managerId),
    ageDeltaLinks: (ms) => directory.ageDeltaLinks(ms),
    faults,
    stats,
    eventCount: (mailboxUserId) => calendars.eventCount(mailboxUserId),
    cancellations: (mailboxUserId) => calendars.cancellations(mailboxUserId),
    meetingUpdates: (mailboxUserId) => calendars.meetingUpdates(mailboxUserId),
    rooms: { process: (filter) => calendars.processRoomInvitations(filter), decline: (room, eventId) => calendars.declineAsRoom(room, eventId) },
    channelMessages: (teamId, channelId) => channels.messages(teamId, channelId),
    teamsChats: chats,
    meetingChats,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        detachIdentity();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function firstVerified(issuers: readonly TokenIssuer[], token: string, audience: string | readonly string[]) {
  let lastError: unknown;
  for (const candidate of issuers) {
    try {
      return await candidate.verify(token, audience);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
