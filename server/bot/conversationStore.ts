import type { ConversationReference } from '@microsoft/agents-activity';
import { Conversation, type ConversationClaims, type Storage } from '@microsoft/agents-hosting';
import type { Db } from '../store/database';
import { json } from '../store/json';
import { forTenant } from '../store/tenantScope';

const prefix = 'proactive/conversations/';

/**
 * The SDK's proactive conversation store, kept in Postgres: one row per person (tenant, Entra
 * object id). A person who writes from a new chat replaces their own reference, and nobody else's,
 * whatever conversation id the activity carried. Upward finds a conversation by person
 * (`conversationOf`), never by conversation id, which two people's activities could share.
 */
export function postgresConversationStore(db: Db, clock: () => Date): Storage {
  const byPersonOnly = () => {
    throw new Error('Upward finds stored conversations by tenant and person (conversationOf), not by conversation id.');
  };
  return {
    read: byPersonOnly,
    delete: byPersonOnly,
    async write(changes) {
      for (const [key, item] of Object.entries(changes)) {
        if (!key.startsWith(prefix)) throw new Error(`The conversation store keeps only proactive conversations, not "${key}".`);
        // The SDK writes a conversation as its own two fields; Storage types every item as `any`.
        const { reference, claims } = item as Pick<Conversation, 'reference' | 'claims'>;
        const tenantId = reference.conversation?.tenantId?.toLowerCase();
        const userId = reference.user?.aadObjectId;
        if (!tenantId || !userId) throw new Error('A conversation reference needs the tenant id and the user’s Entra object id to be stored.');
        const values = { reference: json(reference), claims: json(claims ?? {}), conversation_id: key.slice(prefix.length), updated_at: clock() };
        await db
          .insertInto('conversation_references')
          .values({ tenant_id: tenantId, user_id: userId, ...values })
          .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet(values))
          .execute();
      }
    },
  };
}

/** A person's stored 1:1 conversation with the bot, or null when the bot has never reached them. */
export async function conversationOf(db: Db, tenantId: string, userId: string): Promise<Conversation | null> {
  const row = await forTenant(db, tenantId).selectFrom('conversation_references').select(['reference', 'claims']).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return null;
  return new Conversation(row.claims as ConversationClaims, row.reference as unknown as ConversationReference);
}

/**
 * The language a person uses Teams in, as their last activity gave it (the SDK keeps the
 * activity's `locale` in the stored reference): proactive cards are written in it. Null when the
 * bot has never heard from them.
 */
export async function storedLocaleOf(db: Db, tenantId: string, userId: string): Promise<string | null> {
  const row = await forTenant(db, tenantId).selectFrom('conversation_references').select('reference').where('user_id', '=', userId).executeTakeFirst();
  const locale = (row?.reference as { locale?: unknown } | undefined)?.locale;
  return typeof locale === 'string' && locale ? locale : null;
}
