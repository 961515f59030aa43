import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../store/database';
import { acrossTenants } from '../store/tenantScope';

/** A steady rate with a burst: one message every `intervalMs`, up to `burst` at once after a quiet spell. */
export interface SendRate {
  intervalMs: number;
  burst: number;
}

/**
 * Teams' documented bot limits (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit)
 * as steady rates Upward keeps under:
 * - per app per tenant, 50 requests a second: one every 21 ms (47.6 a second), the margin absorbing
 *   the jitter between when a send is scheduled and when Teams counts it;
 * - per bot per conversation, 7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 in an hour: a burst of 7,
 *   then one every 2.05 s, which keeps an hour at 7 + 3,600 / 2.05 < 1,800 and the shorter windows
 *   well inside theirs.
 */
export const teamsSendRates = {
  perTenant: { intervalMs: 21, burst: 1 },
  perConversation: { intervalMs: 2_050, burst: 7 },
} as const satisfies Record<string, SendRate>;

/** How long a scope's row outlives its last send before a sweep may delete it (longer than any window). */
const keepMs = 2 * 3_600_000;

export interface SendPace {
  /** Reserves the next slot for a message to this conversation and waits for it. */
  acquire(tenantId: string, conversationId: string): Promise<void>;
}

/**
 * One pace for every process that sends, kept in Postgres: each send reserves the next slot of
 * its tenant and of its conversation (a generic cell rate algorithm: a row holds the time the next
 * message would be on schedule) and waits until both are due. Reservations are single statements,
 * so two processes never take the same slot; times come from the database's clock, so the
 * processes' clocks need not agree. Retry-After from Teams is still honoured by the job worker.
 */
export function sendPace(db: Db, rates: { perTenant: SendRate; perConversation: SendRate } = teamsSendRates, sleep = defaultSleep): SendPace {
  let lastSweep = 0;
  const wait = (ms: number) => (ms > 0 ? sleep(ms) : Promise.resolve());

  /** The milliseconds until this scope's reserved slot. */
  async function reserve(tenantId: string, scope: string, rate: SendRate): Promise<number> {
    const interval = sql`make_interval(secs => ${rate.intervalMs / 1000})`;
    // Slot = max(now, tat - (burst - 1) * interval); the next tat = max(tat, now) + interval.
    const row = await db
      .insertInto('send_pace')
      .values({ tenant_id: tenantId, scope, theoretical_arrival: sql<Date>`statement_timestamp() + ${interval}` })
      .onConflict((oc) => oc.columns(['tenant_id', 'scope']).doUpdateSet({ theoretical_arrival: sql<Date>`greatest(send_pace.theoretical_arrival, statement_timestamp()) + ${interval}` }))
      .returning(sql<number>`greatest(0, extract(epoch from (theoretical_arrival - statement_timestamp())) * 1000 - ${rate.intervalMs * rate.burst})::float8`.as('wait_ms'))
      .executeTakeFirstOrThrow();
    return Number(row.wait_ms);
  }

  async function sweep(): Promise<void> {
    const now = Date.now();
    if (now - lastSweep < keepMs / 4) return;
    lastSweep = now;
    await acrossTenants(db, 'send pace cleanup').deleteFrom('send_pace').where('theoretical_arrival', '<', sql<Date>`statement_timestamp() - make_interval(secs => ${keepMs / 1000})`).execute();
  }

  return {
    async acquire(tenantId, conversationId) {
      // The scope names no conversation: only a hash of its id is stored.
      const conversation = `conversation:${createHash('sha256').update(conversationId).digest('base64url')}`;
      // The conversation's slot first, then the tenant's: a tenant slot is taken only when the message can go in it.
      await wait(await reserve(tenantId, conversation, rates.perConversation));
      await wait(await reserve(tenantId, 'tenant', rates.perTenant));
      await sweep();
    },
  };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
