import { isMobileClient, type HostOptions } from './hostOptions';
import type { IdentityPerson } from '../identity/directory';

/**
 * What the host sends teams-js, in the wire shapes teams-js 2.x reads (see
 * node_modules/@microsoft/teams-js: internal/appHelpers.js parses `initialize`, public/app/app.js
 * converts the `getContext` answer, public/runtime.js checks the runtime config).
 */

/** The teams-js runtime version the host speaks (runtime.js: `latestRuntimeApiVersion`). */
const RUNTIME_API_VERSION = 4;
/** The host's supported SDK version, sent third: teams-js then reads the runtime config from the fourth place, where its NAA bridge polyfill also looks. */
const CLIENT_SUPPORTED_SDK_VERSION = '2.5.0';

export function runtimeConfig(options: HostOptions): Record<string, unknown> {
  const mobile = isMobileClient(options);
  return {
    apiVersion: RUNTIME_API_VERSION,
    isLegacyTeams: false,
    isNAAChannelRecommended: options.nestedAppAuth,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: {
      app: {},
      appEntity: {},
      appInstallDialog: {},
      calendar: {},
      chat: {},
      dialog: { card: { bot: {} }, url: { bot: {}, parentCommunication: {} }, update: {} },
      mail: {},
      ...(options.nestedAppAuth ? { nestedAppAuth: {} } : {}),
      pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} },
      people: {},
      profile: {},
      sharing: {},
      stageView: {},
      teams: { fullTrust: { joinedTeams: {} } },
      teamsCore: {},
      ...(mobile ? { geoLocation: {}, barCode: {} } : {}),
    },
  };
}

/** The `initialize` answer: frame context, host client type, the host's SDK version, then the runtime config as JSON. */
export function initializeArgs(options: HostOptions): unknown[] {
  return [options.frameContext, options.hostClientType, CLIENT_SUPPORTED_SDK_VERSION, JSON.stringify(runtimeConfig(options))];
}

export interface ContextFacts {
  person: IdentityPerson;
  tenantId: string;
  sessionId: string;
}

/** The flat context Teams sends for `getContext`; teams-js turns it into `app.Context`. */
export function wireContext(options: HostOptions, facts: ContextFacts): Record<string, unknown> {
  return {
    locale: options.locale,
    theme: options.theme,
    entityId: options.entityId,
    ...(options.subEntityId ? { subEntityId: options.subEntityId } : {}),
    ...(options.meetingId ? { meetingId: options.meetingId } : {}),
    ...(options.chatId ? { chatId: options.chatId } : {}),
    frameContext: options.frameContext,
    hostClientType: options.hostClientType,
    hostName: 'Teams',
    ...(options.appId ? { appId: options.appId } : {}),
    appSessionId: facts.sessionId,
    sessionId: facts.sessionId,
    tid: facts.tenantId,
    userObjectId: facts.person.id,
    userPrincipalName: facts.person.userPrincipalName,
    loginHint: facts.person.userPrincipalName,
    userDisplayName: facts.person.displayName,
    userLicenseType: 'Unknown',
    isFullScreen: false,
    isMultiWindow: false,
    appIconPosition: 0,
  };
}
