import { CloudAdapter, Conversation, getAuthConfigWithDefaults, type AuthConfiguration, type Request as AgentRequest } from '@microsoft/agents-hosting';
import express from 'express';
import type { BotBackend } from '../../bot/botBackend';
import type { Card } from '../../bot/cards/cardText';
import { tabLinks, type TabLinks } from '../../bot/cards/noticeCards';
import { UpwardBot } from '../../bot/upwardBot';
import type { Config } from '../config';
import type { Db } from '../store/database';
import { conversationOf, postgresConversationStore } from './conversationStore';

export type SendOutcome = { kind: 'sent' } | { kind: 'no-conversation' } | { kind: 'throttled'; retryAfterMs: number };

export interface BotHost {
  /** POST /api/messages, with the SDK's Bot Framework token validation in front. */
  router: express.Router;
  /** A card to a person's 1:1 chat with the bot, through their stored conversation. */
  send(tenantId: string, userId: string, card: Card): Promise<SendOutcome>;
  /** The personal tab's addresses (as appPackage/manifest.json serves it), for the links in cards. */
  links: TabLinks;
}

function authConfigOf(config: Config): AuthConfiguration {
  // Anonymous is chosen explicitly (BOT_AUTH=anonymous) and refused in production by loadConfig.
  if (config.bot.auth === 'anonymous') return {} as AuthConfiguration;
  return getAuthConfigWithDefaults({ clientId: config.bot.appId, tenantId: config.bot.tenantId, clientSecret: config.bot.clientSecret });
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

/** Hosts the Upward bot with the Microsoft 365 Agents SDK: the adapter, the app and its Postgres conversation store. */
export function createBotHost(options: { config: Config; db: Db; backend: BotBackend; clock: () => Date }): BotHost {
  const { config, db, clock } = options;
  const anonymous = config.bot.auth === 'anonymous';
  const adapter = new CloudAdapter(authConfigOf(config));
  const links = tabLinks(`${config.publicBaseUrl}/tab/index.html`, config.bot.teamsAppCatalogId);
  const bot = new UpwardBot({ adapter, backend: options.backend, conversations: postgresConversationStore(db, clock), botAppId: config.bot.appId, links, clock });

  const router = express.Router();
  router.post(
    '/api/messages',
    express.json({ limit: '256kb' }),
    (req, res, next) => void adapter.authorizeRequest(req as unknown as AgentRequest, res, next),
    (req, res) => void adapter.process(req as unknown as AgentRequest, res, (context) => bot.run(context)),
  );

  return {
    router,
    links,
    async send(tenantId, userId, card) {
      const stored = await conversationOf(db, tenantId, userId);
      if (!stored) return { kind: 'no-conversation' };
      // Without a bot identity the SDK's connector sends no token, as the local Playground expects.
      const conversation = anonymous ? new Conversation({ ...stored.claims, aud: '' }, stored.reference) : stored;
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
