import { DEMO_PERSONAS } from '../demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../m365StandIn';
import { tabConfigRefusal } from './hostSession';

const CHAT_ID = '19:meeting_Y2hhdA@thread.v2';
const TAB = 'https://upward.example/tab/index.html';

describe('the Teams host stand-in hosts a configuration page as Teams does', () => {
  let standIn: M365StandIn;
  let nextId = 1;

  beforeAll(async () => {
    standIn = await startM365StandIn({ port: 0, seed: 'tab-config', size: 40 });
  });
  afterAll(() => standIn.stop());

  async function openSession(options: Record<string, unknown>): Promise<{ status: number; base: string; message: string }> {
    const response = await fetch(`${standIn.teamsHostUrl}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: DEMO_PERSONAS.seniorLeader.id, contentUrl: `${TAB}#/meeting-setup`, frameContext: 'settings', chatId: CHAT_ID, meetingId: 'MCMx', ...options }),
    });
    const body = (await response.json()) as { id?: string; error?: { message: string } };
    return { status: response.status, base: `${standIn.teamsHostUrl}/sessions/${body.id}`, message: body.error?.message ?? '' };
  }
  async function send(base: string, func: string, args: unknown[] = []) {
    const response = await fetch(`${base}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: { id: nextId++, func, args } }) });
    return ((await response.json()) as { reply: { args: unknown[] } | null }).reply?.args ?? null;
  }
  const pressSave = async (base: string) => (await fetch(`${base}/save`, { method: 'POST' })).status;
  const saveState = async (base: string) => (await fetch(`${base}/save`)).json();

  test('refuses a configuration without a contentUrl, or with one off the app\'s valid domains or not https', () => {
    expect(tabConfigRefusal({ entityId: 'x' }, ['upward.example'])).toBe('contentUrl is required.');
    expect(tabConfigRefusal({ contentUrl: 'https://elsewhere.example/tab' }, ['upward.example'])).toMatch(/not on the app's valid domains/);
    expect(tabConfigRefusal({ contentUrl: 'http://upward.example/tab' }, ['upward.example'])).toMatch(/must be an https address/);
    expect(tabConfigRefusal({ contentUrl: `${TAB}#/x`, websiteUrl: 'https://elsewhere.example/' }, ['upward.example'])).toMatch(/websiteUrl is not on/);
    expect(tabConfigRefusal({ contentUrl: 'https://tabs.upward.example/x' }, ['*.upward.example'])).toBeNull();
    expect(tabConfigRefusal({ contentUrl: `${TAB}#/x` }, ['upward.example'])).toBeNull();
  });

  test('opens a settings frame only for a chat, and answers setConfig with Teams\' status and reason', async () => {
    expect((await openSession({ chatId: undefined })).message).toMatch(/settings frame context needs the chatId/);
    const { base } = await openSession({});
    expect(await send(base, 'settings.setSettings', [{ entityId: 'e', contentUrl: 'https://elsewhere.example/' }])).toEqual([false, expect.stringMatching(/valid domains/)]);
    expect(await send(base, 'settings.setSettings', [{ entityId: 'e', contentUrl: `${TAB}#/meeting/p/s` }])).toEqual([true]);
    const content = await openSession({ frameContext: 'content', contentUrl: `${TAB}#/workspace` });
    expect(await send(content.base, 'settings.setSettings', [{ contentUrl: `${TAB}#/x` }])).toEqual([false, expect.stringMatching(/only from the configuration page/)]);
  });

  test('keeps Save disabled until the page is valid, and adds the tab only when the page reports success after setting it', async () => {
    const { base } = await openSession({});
    expect(await pressSave(base)).toBe(409);
    await send(base, 'settings.setValidityState', [true]);
    // A success without a configuration saves nothing.
    expect(await pressSave(base)).toBe(204);
    await send(base, 'settings.save.success');
    expect(await saveState(base)).toEqual({ kind: 'failed', reason: expect.stringMatching(/without setting a configuration/) });
    // The page's own failure is shown as it gave it.
    expect(await pressSave(base)).toBe(204);
    await send(base, 'settings.save.failure', ['No session here']);
    expect(await saveState(base)).toEqual({ kind: 'failed', reason: 'No session here' });
    // Set, then saved: the tab opens in the meeting's side panel.
    expect(await pressSave(base)).toBe(204);
    await send(base, 'settings.setSettings', [{ entityId: 'upward-meeting-s', contentUrl: `${TAB}#/meeting/p/s`, suggestedDisplayName: 'Upward' }]);
    await send(base, 'settings.save.success');
    expect(await saveState(base)).toEqual({ kind: 'saved', tab: { entityId: 'upward-meeting-s', contentUrl: `${TAB}#/meeting/p/s`, websiteUrl: null, suggestedDisplayName: 'Upward' } });
    expect((await send(base, 'initialize', ['2.58.0']))?.[0]).toBe('sidePanel');
  });
});
