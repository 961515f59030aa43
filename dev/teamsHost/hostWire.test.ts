import { hostOptionsSchema } from './hostOptions';
import { initializeArgs, wireContext } from './hostWire';

const person = { id: '5b2f1c3e-0000-4000-8000-000000000001', userPrincipalName: 'ama@contoso.example', displayName: 'Ama Mensah' } as Parameters<typeof wireContext>[1]['person'];
const facts = { person, tenantId: 'tenant-1', sessionId: 'session-1' };
const base = { userId: person.id, contentUrl: 'https://upward.example/tab/index.html#/meeting/p/s' };

describe('the Teams host stand-in in a meeting', () => {
  test('the side panel frame context carries the meeting and its chat, as teams-js reads them (meetingId, chatId)', () => {
    const options = hostOptionsSchema.parse({ ...base, frameContext: 'sidePanel', entityId: 'upward-meeting', meetingId: 'MCMxOTptZWV0aW5n', chatId: '19:meeting_abc@thread.v2' });
    expect(initializeArgs(options)[0]).toBe('sidePanel');
    expect(wireContext(options, facts)).toMatchObject({ frameContext: 'sidePanel', entityId: 'upward-meeting', meetingId: 'MCMxOTptZWV0aW5n', chatId: '19:meeting_abc@thread.v2' });
  });

  test('a personal tab has no meeting or chat in its context', () => {
    const context = wireContext(hostOptionsSchema.parse(base), facts);
    expect(context).not.toHaveProperty('meetingId');
    expect(context).not.toHaveProperty('chatId');
  });

  test('refuses a side panel without the meeting it opens in, as Teams never opens one outside a meeting', () => {
    const parsed = hostOptionsSchema.safeParse({ ...base, frameContext: 'sidePanel' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/needs the meetingId and chatId/);
  });
});
