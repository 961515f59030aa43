import { teamsRateLimiter } from '../../dev/botConnector/teamsRateLimits';
import { describeEachEngine } from '../../test/harness/databases';
import { openDatabase } from '../store/database';
import { sendPace, teamsSendRates } from './sendPace';

/**
 * A pace that does not wait but adds up the waits it asks for: the time a send would go is when
 * it asked plus those waits. The sends are then replayed against Teams' own windows (the
 * stand-in's limiter, written from Microsoft's documentation independently of the pace).
 */
function simulated(db: Parameters<typeof sendPace>[0], tenantId: string) {
  let waited = 0;
  const pace = sendPace(db, teamsSendRates, async (ms) => {
    waited += ms;
  });
  return async (conversationId: string) => {
    waited = 0;
    const asked = Date.now();
    await pace.acquire(tenantId, conversationId);
    return { tenantId, conversationId, at: asked + waited, waited };
  };
}

/** How many of these sends Teams would refuse. */
function refusedByTeams(sends: { tenantId: string; conversationId: string; at: number }[]): number {
  let clock = 0;
  const teams = teamsRateLimiter(() => clock);
  let refused = 0;
  for (const send of [...sends].sort((a, b) => a.at - b.at)) {
    clock = send.at;
    if (!teams.admit(send.tenantId, send.conversationId).ok) refused++;
  }
  return refused;
}

const spanOf = (sends: { at: number }[]) => Math.max(...sends.map((s) => s.at)) - Math.min(...sends.map((s) => s.at));

describeEachEngine('the bot’s send pace', (database) => {
  it('spaces a burst of sends to many people within the 50 a second Teams allows an app in a tenant', async () => {
    const send = simulated(database().db, 'tenant-burst');
    const sends = [];
    for (let n = 0; n < 150; n++) sends.push(await send(`a:person-${n}`));
    expect(refusedByTeams(sends)).toBe(0);
    // No slower than it must be: 150 sends take 149 intervals of 21 ms, not much more.
    expect(spanOf(sends)).toBeGreaterThanOrEqual(149 * teamsSendRates.perTenant.intervalMs - 50);
    expect(spanOf(sends)).toBeLessThan(150 * teamsSendRates.perTenant.intervalMs + 1_000);
  });

  it('lets a few messages to one person go at once, then keeps their conversation under Teams’ per-conversation limits', async () => {
    const send = simulated(database().db, 'tenant-one-person');
    const sends = [];
    for (let n = 0; n < 20; n++) sends.push(await send('a:one-person'));
    expect(refusedByTeams(sends)).toBe(0);
    // Seven go at once (Teams allows 7 in a second), then one every 2.05 s.
    expect(spanOf(sends.slice(0, 7))).toBeLessThan(1_000);
    expect(spanOf(sends)).toBeGreaterThanOrEqual(13 * teamsSendRates.perConversation.intervalMs - 50);
  });

  it('keeps one pace for two processes sharing the database, and none between tenants', async () => {
    const { db, url } = database();
    // Another process: its own connection pool to the same database (PGlite has a single process).
    const other = url ? await openDatabase({ kind: 'postgres', url, maxConnections: 2 }) : null;
    try {
      const first = simulated(db, 'tenant-shared');
      const second = simulated(other?.db ?? db, 'tenant-shared');
      const sends = [];
      for (let n = 0; n < 100; n++) sends.push(await (n % 2 === 0 ? first : second)(`a:shared-${n}`));
      expect(refusedByTeams(sends)).toBe(0);
      expect(spanOf(sends)).toBeGreaterThanOrEqual(99 * teamsSendRates.perTenant.intervalMs - 50);
      // Another tenant has its own pace: its first send does not wait behind this tenant's backlog.
      expect((await simulated(db, 'tenant-elsewhere')('a:elsewhere')).waited).toBe(0);
    } finally {
      await other?.close();
    }
  });
});
