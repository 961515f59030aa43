import { randomUUID } from 'node:crypto';
import { URL } from 'node:url';
import type { IdentityPerson } from '../identity/directory';
import type { HostOptions } from './hostOptions';
import { isUpwardScope, type HostTokens, type InteractionNeeded } from './hostTokens';
import { initializeArgs, wireContext } from './hostWire';

/** A message teams-js sends its host (communication.js: serialized with `uuidAsString`). */
export interface HostRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
  /** Nested app authentication requests carry MSAL's JSON here. */
  data?: string;
}

export interface HostReply {
  id: number;
  uuidAsString?: string;
  args: unknown[];
}

/** The host page's answer to the person when the host asks them something (consent, MFA). */
export type PromptAnswer = 'accepted' | 'declined';

export type HostOutcome =
  /** Send this reply to the tab (null: the host never answers, as for one-way messages). */
  | { kind: 'reply'; reply: HostReply | null }
  /** Ask the person first, then send the request again with their answer. */
  | { kind: 'prompt'; prompt: InteractionNeeded };

export interface HostCall {
  func: string;
  /** What matters about the call for tests: NAA method and scopes, getAuthToken's silent flag and claims, the link opened. */
  detail?: Record<string, unknown>;
  at: string;
}

export interface HostSessionDeps {
  person: IdentityPerson;
  tenantId: string;
  clientId: string;
  /** The issuer's host (`environment` of MSAL accounts). */
  environment: string;
  tokens: HostTokens;
}

/** A tab's configuration as teams-js's `pages.config.setConfig` sends it (`settings.setSettings`). */
export interface TabConfig {
  entityId: string | null;
  contentUrl: string;
  websiteUrl: string | null;
  suggestedDisplayName: string | null;
}

/** Where the configuration page is: Save pressed and not yet answered, the tab saved, or the page's failure reason. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; tab: TabConfig } | { kind: 'failed'; reason: string };

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One tab opened in the Teams host stand-in: answers teams-js's host protocol for the signed-in
 * person, and records every call the tab made.
 */
export class TeamsHostSession {
  readonly id = randomUUID();
  readonly calls: HostCall[] = [];
  private consented: boolean;
  private mfaDone: boolean;
  /** The configuration page's `setValidityState`: Teams enables Save only while it is true. */
  private valid = false;
  private pendingTab: TabConfig | null = null;
  private saveState: SaveState = { kind: 'idle' };

  constructor(
    readonly options: HostOptions,
    private readonly deps: HostSessionDeps,
  ) {
    this.consented = !options.consentRequired;
    this.mfaDone = !options.mfaRequired;
  }

  get theme(): HostOptions['theme'] {
    return this.options.theme;
  }

  /** A host-initiated message the host page sent the tab (a theme change), recorded like the tab's calls. */
  recordEvent(func: string, args: unknown[]): void {
    if (func === 'themeChange' && (args[0] === 'default' || args[0] === 'dark' || args[0] === 'contrast')) this.options.theme = args[0];
    this.record(`host:${func}`, { args });
  }

  get save(): SaveState {
    return this.saveState;
  }

  /**
   * The person pressed Save on the configuration page: refused (the reason) while the page has
   * not said it is valid, as Teams keeps the button disabled; otherwise the host sends the page
   * `settings.save` and waits for its notifySuccess or notifyFailure.
   */
  pressSave(): string | null {
    if (this.options.frameContext !== 'settings') return 'Save exists only on a configuration page.';
    if (!this.valid) return 'Save is disabled until the page calls setValidityState(true).';
    if (this.saveState.kind === 'saving') return 'Save was already pressed; the page has not answered yet.';
    this.saveState = { kind: 'saving' };
    this.record('host:settings.save');
    return null;
  }

  async handle(request: HostRequest, answer?: PromptAnswer): Promise<HostOutcome> {
    const args = request.args ?? [];
    const reply = (replyArgs: unknown[]): HostOutcome => ({ kind: 'reply', reply: { id: request.id, uuidAsString: request.uuidAsString, args: replyArgs } });
    switch (request.func) {
      case 'initialize': {
        this.record('initialize', { version: args[0] });
        if (this.options.initializeDelayMs === null) return { kind: 'reply', reply: null };
        await delay(this.options.initializeDelayMs);
        return reply(initializeArgs(this.options));
      }
      case 'getContext':
        this.record('getContext');
        return reply([wireContext(this.options, { person: this.deps.person, tenantId: this.deps.tenantId, sessionId: this.id })]);
      case 'authentication.getAuthToken':
        return this.getAuthToken(args, answer, reply);
      case 'nestedAppAuth.execute':
        return this.nestedAppAuth(request.data ?? '', answer, reply);
      case 'executeDeepLink':
        this.record('executeDeepLink', { url: args[0] });
        return reply(validLink(args[0]) ? [true] : [false, 'Invalid link']);
      case 'settings.setValidityState':
        this.record('settings.setValidityState', { valid: args[0] });
        if (this.options.frameContext === 'settings') this.valid = args[0] === true;
        return { kind: 'reply', reply: null };
      case 'settings.setSettings':
        return reply(this.setSettings(args[0]));
      case 'settings.save.success':
      case 'settings.save.failure':
        this.saved(request.func === 'settings.save.success', args[0]);
        return { kind: 'reply', reply: null };
      case 'calendar.composeMeeting':
        this.record('calendar.composeMeeting', { meeting: args[0] });
        return reply([true]);
      default:
        // appInitialization.*, registerHandler and the like are one-way: Teams does not answer them.
        this.record(request.func, args.length > 0 ? { args } : undefined);
        return { kind: 'reply', reply: null };
    }
  }

  /** `pages.config.setConfig`: the answer teams-js turns into a resolved promise or an error with Teams' reason. */
  private setSettings(config: unknown): unknown[] {
    this.record('settings.setSettings', { config });
    if (this.options.frameContext !== 'settings') return [false, 'The configuration can be set only from the configuration page.'];
    const refusal = tabConfigRefusal(config, this.options.validDomains ?? [new URL(this.options.contentUrl).hostname]);
    if (refusal) return [false, refusal];
    const c = config as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
    this.pendingTab = { entityId: text(c.entityId), contentUrl: c.contentUrl as string, websiteUrl: text(c.websiteUrl), suggestedDisplayName: text(c.suggestedDisplayName) };
    return [true];
  }

  /**
   * The page's answer to Save. On success Teams adds the tab with the configuration set last and
   * opens it where it lives: in a meeting, the side panel.
   */
  private saved(success: boolean, reason: unknown): void {
    this.record(success ? 'settings.save.success' : 'settings.save.failure', success ? undefined : { reason });
    if (this.saveState.kind !== 'saving') return; // Teams ignores an answer to a Save nobody pressed.
    if (!success) {
      this.saveState = { kind: 'failed', reason: typeof reason === 'string' && reason ? reason : 'The app could not save the tab.' };
      return;
    }
    const tab = this.pendingTab;
    if (!tab) {
      this.saveState = { kind: 'failed', reason: 'The page reported success without setting a configuration (setConfig).' };
      return;
    }
    this.saveState = { kind: 'saved', tab };
    this.options.frameContext = this.options.meetingId ? 'sidePanel' : 'content';
    this.options.contentUrl = tab.contentUrl;
    this.options.entityId = tab.entityId ?? this.options.entityId;
  }

  /** Which question the host must ask before it may issue a token, if any. */
  private interactionNeeded(): InteractionNeeded | null {
    if (!this.consented) return 'consent';
    if (!this.mfaDone) return 'mfa';
    return null;
  }

  /** An interactive request: the person's answer to the host's prompt settles what was missing. */
  private settle(answer: PromptAnswer | undefined): InteractionNeeded | 'declined' | null {
    const needed = this.interactionNeeded();
    if (!needed) return null;
    if (!answer) return needed;
    if (answer === 'declined') return 'declined';
    if (needed === 'consent') this.consented = true;
    else this.mfaDone = true;
    return this.settle(answer);
  }

  private async getAuthToken(args: unknown[], answer: PromptAnswer | undefined, reply: (args: unknown[]) => HostOutcome): Promise<HostOutcome> {
    const [resources, claims, silent] = args;
    const interactive = silent === false;
    this.record('authentication.getAuthToken', { silent: !interactive, ...(claims ? { claims } : {}), ...(resources ? { resources } : {}) });
    if (interactive) {
      const state = this.settle(answer);
      if (state === 'declined') return reply([false, 'CancelledByUser']);
      if (state) return { kind: 'prompt', prompt: state };
    } else {
      // The reasons Teams gives when it would have to ask the person (teams-js issue #2252 quotes the first).
      const needed = this.interactionNeeded();
      if (needed) return reply([false, needed === 'consent' ? 'resourceRequiresConsent' : 'resourceRequiresMfa']);
    }
    return reply([true, (await this.deps.tokens.accessToken(this.deps.person)).token]);
  }

  private async nestedAppAuth(data: string, answer: PromptAnswer | undefined, reply: (args: unknown[]) => HostOutcome): Promise<HostOutcome> {
    const request = parseNaaRequest(data);
    const respond = (body: Record<string, unknown>) => reply([null, JSON.stringify({ messageType: 'NestedAppAuthResponse', requestId: request?.requestId, ...body })]);
    if (!request) {
      this.record('nestedAppAuth.execute', { method: 'unreadable' });
      return { kind: 'reply', reply: null };
    }
    const params = request.tokenParams ?? {};
    this.record('nestedAppAuth.execute', { method: request.method, ...(params.scope ? { scope: params.scope } : {}), ...(params.claims ? { claims: params.claims } : {}) });
    const account = this.account();
    if (request.method === 'GetInitContext') {
      return respond({ success: true, initContext: { sdkName: 'Upward Teams host stand-in', sdkVersion: '1.0.0', accountContext: account, capabilities: { queryAccount: false } } });
    }
    if (request.method !== 'GetToken' && request.method !== 'GetTokenPopup') {
      return respond({ success: false, error: { status: 'PERSISTENT_ERROR', code: 'unsupported_method', description: `${request.method} is not supported by this host.` } });
    }
    // Entra ID refuses a token for another app than the one the NAA request names, and for scopes that app does not expose.
    if (params.clientId !== this.deps.clientId) {
      return respond({ success: false, error: { status: 'PERSISTENT_ERROR', code: 'unauthorized_client', description: `AADSTS700016: Application with identifier '${String(params.clientId)}' was not found in the directory.` } });
    }
    const scopes = (params.scope ?? '').split(' ').filter((s) => s && !['openid', 'profile', 'offline_access', 'email'].includes(s));
    if (scopes.length === 0 || !scopes.every((s) => isUpwardScope(s, this.deps.clientId))) {
      return respond({ success: false, error: { status: 'PERSISTENT_ERROR', code: 'invalid_scope', description: `AADSTS65005: The scopes '${scopes.join(' ')}' are not exposed by Upward.` } });
    }
    if (request.method === 'GetTokenPopup') {
      const state = this.settle(answer);
      if (state === 'declined') return respond({ success: false, error: { status: 'USER_CANCEL', code: 'user_cancelled', description: 'The person closed the sign-in window.' } });
      if (state) return { kind: 'prompt', prompt: state };
    } else {
      const needed = this.interactionNeeded();
      if (needed) {
        return respond({
          success: false,
          error: { status: 'USER_INTERACTION_REQUIRED', code: needed === 'consent' ? 'consent_required' : 'interaction_required', description: needed === 'consent' ? 'AADSTS65001: The user has not consented to use the application.' : 'AADSTS50076: Multi-factor authentication is required.' },
        });
      }
    }
    const [accessToken, idToken] = await Promise.all([this.deps.tokens.accessToken(this.deps.person), this.deps.tokens.idToken(this.deps.person)]);
    return respond({
      success: true,
      token: { access_token: accessToken.token, id_token: idToken, token_type: 'Bearer', expires_in: accessToken.lifetimeSeconds, scope: scopes.join(' ') },
      account: { ...account, username: this.deps.person.userPrincipalName, localAccountId: this.deps.person.id, name: this.deps.person.displayName },
    });
  }

  private account() {
    return { homeAccountId: `${this.deps.person.id}.${this.deps.tenantId}`, environment: this.deps.environment, tenantId: this.deps.tenantId };
  }

  private record(func: string, detail?: Record<string, unknown>): void {
    this.calls.push({ func, ...(detail ? { detail } : {}), at: new Date().toISOString() });
  }
}

interface NaaRequest {
  method: string;
  requestId: string;
  tokenParams?: { clientId?: string; scope?: string; claims?: string };
}

function parseNaaRequest(data: string): NaaRequest | null {
  try {
    const parsed = JSON.parse(data) as Partial<NaaRequest> & { messageType?: string };
    return parsed.messageType === 'NestedAppAuthRequest' && typeof parsed.method === 'string' && typeof parsed.requestId === 'string' ? (parsed as NaaRequest) : null;
  } catch {
    return null;
  }
}

/**
 * Why Teams refuses a tab configuration, or null: a contentUrl is required, and it and the
 * websiteUrl must be https addresses on the app manifest's validDomains (a host name, or `*.`
 * and a domain for its subdomains).
 */
export function tabConfigRefusal(config: unknown, validDomains: readonly string[]): string | null {
  if (typeof config !== 'object' || config === null) return 'A configuration object is required.';
  const { contentUrl, websiteUrl } = config as Record<string, unknown>;
  if (typeof contentUrl !== 'string' || !contentUrl) return 'contentUrl is required.';
  for (const [name, value] of [['contentUrl', contentUrl], ['websiteUrl', websiteUrl]] as const) {
    if (value === undefined || value === null) continue;
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      return `${name} is not a valid address.`;
    }
    // Tests serve the tab over http from the loopback address; anything else must be https, as Teams requires.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.includes(url.hostname))) return `${name} must be an https address.`;
    if (!onValidDomain(url.hostname, validDomains)) return `${name} is not on the app's valid domains (${validDomains.join(', ')}).`;
  }
  return null;
}

const LOOPBACK = ['127.0.0.1', 'localhost'];

const onValidDomain = (host: string, validDomains: readonly string[]) =>
  validDomains.some((domain) => (domain.startsWith('*.') ? host.endsWith(domain.slice(1)) && host.length > domain.length - 1 : host === domain.toLowerCase()));

/** Teams opens only https links (and its own deep links, which are https too). */
function validLink(value: unknown): boolean {
  try {
    return typeof value === 'string' && new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
