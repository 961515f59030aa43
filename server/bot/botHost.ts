import { randomUUID } from 'node:crypto';
import { CloudAdapter, Conversation, type AuthConfiguration, type Request as AgentRequest } from '@microsoft/agents-hosting';
import express, { type RequestHandler } from 'express';
import type { BotBackend } from '../../bot/botBackend';
import type { Card } from '../../bot/cards/cardText';
import { tabLinks, type TabLinks } from '../../bot/cards/noticeCards';
import { UpwardBot } from '../../bot/upwardBot';
import { BOT_CONNECTION } from '../botConnectionConfig';
import type { Config } from '../config';
import { ApiError, errorCatalogue, problemDetailText } from '../http/errors';
import { problemText } from '../http/problemText';
import { rateLimits } from '../http/rateLimits';
import type { Logger } from '../logger';
import type { Db } from '../store/database';
import { admitActivity } from './activityAdmission';
import { conversationReferenceOf, postgresConversationStore } from './conversationStore';
import { type SendPace, sendPace } from './sendPace';

export type SendOutcome = { kind: 'sent' } | { kind: 'no-conversation' } | { kind: 'throttled'; retryAfterMs: number };

export interface BotHost {
  /** POST /api/messages, with the SDK's Bot Framework token validation in front. */
  router: express.Router;
  /** A card to a person's 1:1 chat with the bot, through their stored conversation. */
  send(tenantId: string, userId: string, card: Card): Promise<SendOutcome>;
  /** The personal tab's addresses (as appPackage/manifest.json serves it), for the links in cards. */
  links: TabLinks;
}

/** Teams posts one activity a request; a card's inputs are the largest, far below this. */
const bodyLimitBytes = 256 * 1024;

/**
 * The bot connection exactly as the environment gives it (server/botConnectionConfig.ts), handed
 * to the SDK, which adds its own defaults (authority, issuers). Anonymous (the local Agents
 * Playground) gives the SDK no connection, so it accepts unsigned activities and sends replies unsigned.
 */
export function botAuthConfiguration(config: Config): AuthConfiguration {
  const settings: AuthConfiguration = config.bot.auth === 'anonymous' ? {} : { ...config.bot.connection };
  return { connections: new Map([[BOT_CONNECTION, settings]]), connectionsMap: [{ serviceUrl: '*', connection: BOT_CONNECTION }] };
}

function retryAfterOf(error: unknown): number | null {
  const e = error as { status?: number; response?: { status?: number; headers?: Headers | Record<string, string> } };
  const status = e?.status ?? e?.response?.status;
  if (status !== 429) return null;
  const headers = e.response?.headers;
  const raw = headers instanceof Headers ? headers.get('retry-after') : (headers?.['retry-after'] ?? null);
  const seconds = Number(raw);
  if (raw !== null && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = raw ? Date.parse(raw) : NaN;
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : 1000;
}

/** Refuses what is not JSON, or announces more than the limit, before the token is checked or a byte of the body is read. */
const jsonWithinLimit: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) return next(new ApiError('unsupportedMediaType'));
  if (Number(req.get('content-length') ?? 0) > bodyLimitBytes) return next(new ApiError('payloadTooLarge'));
  next();
};

/** Hosts the Upward bot with the Microsoft 365 Agents SDK: the adapter, the app and its Postgres conversation store. */
export function createBotHost(options: {
  config: Config;
  db: Db;
  backend: BotBackend;
  clock: () => Date;
  logger: Logger;
  /** How proactive sends are paced (the reminders benchmark compares Teams' limits with no pacing). */
  pace?: SendPace;
}): BotHost {
  const { config, db, clock, logger } = options;
  const anonymous = config.bot.auth === 'anonymous';
  const adapter = new CloudAdapter(botAuthConfiguration(config), undefined, undefined, { validateServiceUrl: true });
  const links = tabLinks(`${config.publicBaseUrl}/tab/index.html`, config.bot.teamsAppCatalogId);
  const bot = new UpwardBot({
    adapter,
    backend: options.backend,
    conversations: postgresConversationStore(db, clock),
    botAppId: config.bot.connection.clientId,
    links,
    clock,
    failureMessage(error, activity, text) {
      // A refusal the domain explains (a catalogued 4xx) is told in its own catalogued words, in the person's language; anything else is logged and told plainly.
      if (error instanceof ApiError && error.code === 'invalidRequest') return { title: text.t('failure.heading'), text: text.t('failure.invalid') };
      if (error instanceof ApiError && errorCatalogue[error.code].status < 500) {
        const problem = problemText(text.locale);
        return { title: problem.t(`${error.code}.title`), text: problemDetailText(error.detail, text.locale) };
      }
      const correlationId = randomUUID();
      logger.error({ err: error, correlationId, activityType: activity.type, conversationId: activity.conversation?.id }, 'bot turn failed');
      return { title: text.t('failure.heading'), text: text.t('failure.internal', { reference: correlationId }) };
    },
  });
  const limits = rateLimits(config.rateLimits, db);
  const pace = options.pace ?? sendPace(db);

  const router = express.Router();
  router.post(
    '/api/messages',
    limits.perAddress,
    jsonWithinLimit,
    (req, res, next) => {
      adapter.authorizeRequest(req as unknown as AgentRequest, res, next).catch(next);
    },
    express.json({ limit: bodyLimitBytes, strict: true }),
    admitActivity({ anonymous, allowedTenants: config.entra.allowedTenants }),
    limits.perBotSender,
    async (req, res) => {
      try {
        await adapter.process(req as unknown as AgentRequest, res, (context) => bot.run(context));
      } catch (error) {
        const correlationId = randomUUID();
        logger.error({ err: error, correlationId }, 'bot activity failed');
        if (!res.headersSent) res.status(500).json({ error: 'The bot could not handle this activity.', correlationId });
      }
    },
  );

  return {
    router,
    links,
    async send(tenantId, userId, card) {
      const reference = await conversationReferenceOf(db, tenantId, userId);
      if (!reference) return { kind: 'no-conversation' };
      // The bot speaks as its own identity; without one (the Playground) the SDK's connector sends no token.
      const conversation = new Conversation({ aud: anonymous ? '' : config.bot.connection.clientId }, reference);
      await pace.acquire(tenantId, reference.conversation.id);
      try {
        await bot.sendCard(conversation, card);
        return { kind: 'sent' };
      } catch (error) {
        const retryAfterMs = retryAfterOf(error);
        if (retryAfterMs !== null) return { kind: 'throttled', retryAfterMs };
        throw error;
      }
    },
  };
}
