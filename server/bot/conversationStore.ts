import type { ConversationReference } from '@microsoft/agents-activity';
import type { Conversation, Storage } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { Db } from '../store/database';
import { json, noteUnreadable } from '../store/json';
import { forTenant } from '../store/tenantScope';

const prefix = 'proactive/conversations/';

const account = z.looseObject({ id: z.string().optional(), name: z.string().optional(), aadObjectId: z.string().optional(), tenantId: z.string().optional(), role: z.string().optional() });

/**
 * A stored reference as the connector needs it to reach the chat again: the conversation's id, the
 * channel and the service URL (the SDK refuses to store one without the id or the URL). Fields the
 * SDK adds and this does not name are kept as stored.
 */
const storedReferenceSchema = z.looseObject({
  activityId: z.string().optional(),
  user: account.optional(),
  locale: z.string().optional(),
  agent: account.nullish(),
  conversation: z.looseObject({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional(), isGroup: z.boolean().optional() }),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
}) satisfies z.ZodType<ConversationReference>;

/**
 * The SDK's proactive conversation store, kept in Postgres: one row per person (tenant, Entra
 * object id). A person who writes from a new chat replaces their own reference, and nobody else's,
 * whatever conversation id the activity carried. Upward finds a conversation by person
 * (`conversationReferenceOf`), never by conversation id, which two people's activities could share.
 */
export function postgresConversationStore(db: Db, clock: () => Date): Storage {
  const byPersonOnly = () => {
    throw new Error('Upward finds stored conversations by tenant and person (conversationReferenceOf), not by conversation id.');
  };
  return {
    read: byPersonOnly,
    delete: byPersonOnly,
    async write(changes) {
      for (const [key, item] of Object.entries(changes)) {
        if (!key.startsWith(prefix)) throw new Error(`The conversation store keeps only proactive conversations, not "${key}".`);
        // The SDK writes a conversation as its reference and claims; Storage types every item as `any`.
        // Only the reference is kept: the bot continues a conversation with its own identity.
        const { reference } = item as Pick<Conversation, 'reference'>;
        const tenantId = reference.conversation?.tenantId?.toLowerCase();
        const userId = reference.user?.aadObjectId;
        if (!tenantId || !userId) throw new Error('A conversation reference needs the tenant id and the user’s Entra object id to be stored.');
        const values = { reference: json(reference), updated_at: clock() };
        await db
          .insertInto('conversation_references')
          .values({ tenant_id: tenantId, user_id: userId, ...values })
          .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet(values))
          .execute();
      }
    },
  };
}

/**
 * A person's stored 1:1 conversation with the bot, or null when the bot has never reached them.
 * A stored reference that no longer parses is logged and read as none: it cannot address a chat,
 * so the message waits (or is skipped) as for someone not reached yet, and the person's next
 * message to the bot stores a fresh reference over it.
 */
export async function conversationReferenceOf(db: Db, tenantId: string, userId: string): Promise<ConversationReference | null> {
  const row = await forTenant(db, tenantId).selectFrom('conversation_references').select(['user_id', 'reference']).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return null;
  const parsed = storedReferenceSchema.safeParse(row.reference);
  if (parsed.success) return parsed.data;
  noteUnreadable({ table: 'conversation_references', column: 'reference', id: `${tenantId}/${userId}` }, parsed.error.issues.map((i) => i.path.join('.') || '(reference)'), 'stored conversation reference does not parse; the person is treated as not reached');
  return null;
}

/**
 * The language a person uses Teams in, as their last activity gave it (the SDK keeps the
 * activity's `locale` in the stored reference): proactive cards are written in it. Null when the
 * bot has never heard from them, or Teams sent no locale.
 */
export async function storedLocaleOf(db: Db, tenantId: string, userId: string): Promise<string | null> {
  return (await conversationReferenceOf(db, tenantId, userId))?.locale || null;
}
