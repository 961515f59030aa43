import { describeEachEngine } from '../../test/harness/databases';
import { json, reportStoredDataTo } from '../store/json';
import { conversationReferenceOf, postgresConversationStore } from './conversationStore';

const warn = jest.fn();
beforeAll(() => reportStoredDataTo({ warn }));
beforeEach(() => warn.mockClear());

const tenantId = 'f2c1a8e0-0000-4000-8000-000000000001';
const reference = (userId: string) => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: `a:personal-${userId}`, tenantId, conversationType: 'personal' },
  user: { id: `29:${userId}`, aadObjectId: userId },
  agent: { id: '28:upward' },
});

describeEachEngine('conversation store', (database) => {
  it('gives back the reference the SDK stored for a person, and nothing for someone never reached', async () => {
    const { db } = database();
    await postgresConversationStore(db, () => new Date()).write({ 'proactive/conversations/a:personal-u1': { reference: reference('u1'), claims: { aud: 'bot' } } });
    expect(await conversationReferenceOf(db, tenantId, 'u1')).toEqual(reference('u1'));
    expect(await conversationReferenceOf(db, tenantId, 'u2')).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads a stored reference that no longer parses as none, and logs it', async () => {
    const { db } = database();
    await db.insertInto('conversation_references').values({ tenant_id: tenantId, user_id: 'u3', reference: json({ channelId: 'msteams', conversation: {} }), updated_at: new Date() }).execute();
    expect(await conversationReferenceOf(db, tenantId, 'u3')).toBeNull();
    expect(warn).toHaveBeenCalledWith({ table: 'conversation_references', column: 'reference', id: `${tenantId}/u3`, fields: ['conversation.id', 'serviceUrl'] }, expect.any(String));
  });
});
