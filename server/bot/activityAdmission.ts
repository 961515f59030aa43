import { Activity } from '@microsoft/agents-activity';
import type { RequestHandler } from 'express';
import { ApiError } from '../http/errors';

export interface AdmissionOptions {
  /** The Agents Playground's unsigned activities (local only): no token, so no service URL to vouch for. */
  anonymous: boolean;
  allowedTenants: readonly string[];
}

type Claims = { serviceurl?: unknown };

/** Scheme, host, port and path, without a trailing slash: two spellings of one Bot Connector address compare equal. */
function serviceUrlKey(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
}

/** The tenants an activity names (its conversation's and its channel data's), lower-cased. */
function tenantsOf(body: Record<string, unknown>): string[] {
  const conversation = body.conversation as { tenantId?: unknown } | undefined;
  const channelData = body.channelData as { tenant?: { id?: unknown } } | undefined;
  return [conversation?.tenantId, channelData?.tenant?.id].filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
}

/**
 * After the SDK has checked the token (signature, audience, issuer), decides whether the activity
 * may reach the bot: it must be an activity the SDK can read (400), sent to the service URL the
 * token vouches for, so replies cannot be steered to another host (401), and from a tenant Upward
 * serves (401), before anything of it is stored.
 */
export function admitActivity(options: AdmissionOptions): RequestHandler {
  const allowed = new Set(options.allowedTenants.map((t) => t.toLowerCase()));
  return (req, _res, next) => {
    const body = req.body as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return next(new ApiError('invalidRequest', { key: 'invalidRequest.activityObject' }));
    const activity = body as Record<string, unknown>;
    const idOf = (party: unknown) => (party && typeof party === 'object' ? (party as { id?: unknown }).id : undefined);
    // What the SDK reads to route a reply; Teams sends each on every activity.
    const required = { type: activity.type, channelId: activity.channelId, serviceUrl: activity.serviceUrl, 'conversation.id': idOf(activity.conversation), 'from.id': idOf(activity.from), 'recipient.id': idOf(activity.recipient) };
    const missing = Object.entries(required).filter(([, value]) => typeof value !== 'string' || !value).map(([name]) => name);
    if (missing.length > 0) return next(new ApiError('invalidRequest', { key: 'invalidRequest.activityFields', values: { fields: missing } }, missing.map((field) => ({ field, message: { key: 'field.requiredText' } }))));
    try {
      Activity.fromObject(activity);
    } catch {
      return next(new ApiError('invalidRequest', { key: 'invalidRequest.activitySchema' }));
    }
    const serviceUrl = serviceUrlKey(activity.serviceUrl as string);
    if (!serviceUrl) return next(new ApiError('invalidRequest', { key: 'invalidRequest.serviceUrl' }));
    if (!options.anonymous) {
      const claim = (req as unknown as { user?: Claims }).user?.serviceurl;
      if (typeof claim !== 'string' || serviceUrlKey(claim) !== serviceUrl) return next(new ApiError('unauthenticated', { key: 'unauthenticated.serviceUrlClaim' }));
    }
    const tenants = tenantsOf(activity);
    // Teams names the tenant on every activity; only the local Playground may leave it out.
    if ((tenants.length === 0 && !options.anonymous) || tenants.some((t) => !allowed.has(t))) return next(new ApiError('unauthenticated', { key: 'unauthenticated.tenant' }));
    next();
  };
}
