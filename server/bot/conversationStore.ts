import type { ConversationReference } from '@microsoft/agents-activity';
import { Conversation, type ConversationClaims, type Storage, type StoreItems } from '@microsoft/agents-hosting';
import type { Db } from '../store/database';
import { json } from '../store/json';

const prefix = 'proactive/conversations/';

/**
 * The SDK's proactive conversation store, kept in Postgres: one row per person (tenant, Entra
 * object id), found by the SDK through the conversation id. A person who writes from a new
 * chat replaces their old reference.
 */
export function postgresConversationStore(db: Db, clock: () => Date): Storage {
  return {
    async read(keys) {
      const ids = keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
      if (ids.length === 0) return {};
      const rows = await db.selectFrom('conversation_references').select(['conversation_id', 'reference', 'claims']).where('conversation_id', 'in', ids).execute();
      const items: StoreItems = {};
      for (const row of rows) items[`${prefix}${row.conversation_id}`] = { reference: row.reference, claims: row.claims };
      return items;
    },
    async write(changes) {
      for (const [key, item] of Object.entries(changes)) {
        if (!key.startsWith(prefix)) throw new Error(`The conversation store keeps only proactive conversations, not "${key}".`);
        const reference = item.reference as ConversationReference;
        const tenantId = reference.conversation?.tenantId;
        const userId = reference.user?.aadObjectId;
        if (!tenantId || !userId) throw new Error('A conversation reference needs the tenant id and the user’s Entra object id to be stored.');
        const conversationId = key.slice(prefix.length);
        const values = { reference: json(reference), claims: json(item.claims ?? {}), conversation_id: conversationId, updated_at: clock() };
        await db.transaction().execute(async (trx) => {
          // The conversation id is unique: a chat that moved to another row (a re-install) leaves the old one.
          await trx.deleteFrom('conversation_references').where('conversation_id', '=', conversationId).where((eb) => eb.or([eb('tenant_id', '!=', tenantId), eb('user_id', '!=', userId)])).execute();
          await trx
            .insertInto('conversation_references')
            .values({ tenant_id: tenantId, user_id: userId, ...values })
            .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet(values))
            .execute();
        });
      }
    },
    async delete(keys) {
      const ids = keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
      if (ids.length > 0) await db.deleteFrom('conversation_references').where('conversation_id', 'in', ids).execute();
    },
  };
}

/** A person's stored 1:1 conversation with the bot, or null when the bot has never reached them. */
export async function conversationOf(db: Db, tenantId: string, userId: string): Promise<Conversation | null> {
  const row = await db.selectFrom('conversation_references').select(['reference', 'claims']).where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return null;
  return new Conversation(row.claims as ConversationClaims, row.reference as unknown as ConversationReference);
}
