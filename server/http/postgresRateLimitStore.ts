import { createHash } from 'node:crypto';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { sql } from 'kysely';
import type { Db } from '../store/database';
import { acrossTenants, forTenant } from '../store/tenantScope';

/** The tenant id of counters that belong to no tenant (per address, before sign-in). */
export const noTenant = '*';

/**
 * An express-rate-limit store in Postgres, so every process counts the same hits: with N
 * processes a client still gets the limit, not N times it. Fixed windows of `windowMs`; old
 * windows are swept now and then by whichever process passes by.
 */
export class PostgresRateLimitStore implements Store {
  private windowMs = 60_000;
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    readonly prefix: string,
    /** The tenant a key belongs to (keys of per-person limits start with it), or `noTenant`. */
    private readonly tenantOf: (key: string) => string = () => noTenant,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  /** Counters name nobody: the key (a person's id, an address) is stored as a hash. */
  private stored(key: string): string {
    return `${this.prefix}${createHash('sha256').update(key).digest('base64url')}`;
  }

  private windowStart(now: number): Date {
    return new Date(now - (now % this.windowMs));
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = Date.now();
    const windowStart = this.windowStart(now);
    const row = await this.db
      .insertInto('rate_limit_windows')
      .values({ tenant_id: this.tenantOf(key), key: this.stored(key), window_start: windowStart, hits: 1 })
      .onConflict((oc) => oc.columns(['tenant_id', 'key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_windows.hits + 1` }))
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (now - this.lastSweep > this.windowMs) {
      this.lastSweep = now;
      await acrossTenants(this.db, 'rate-limit cleanup').deleteFrom('rate_limit_windows').where('window_start', '<', new Date(windowStart.getTime() - this.windowMs)).execute();
    }
    return { totalHits: row.hits, resetTime: new Date(windowStart.getTime() + this.windowMs) };
  }

  async decrement(key: string): Promise<void> {
    await forTenant(this.db, this.tenantOf(key))
      .updateTable('rate_limit_windows')
      .set({ hits: sql`greatest(hits - 1, 0)` })
      .where('key', '=', this.stored(key))
      .where('window_start', '=', this.windowStart(Date.now()))
      .execute();
  }

  async resetKey(key: string): Promise<void> {
    await forTenant(this.db, this.tenantOf(key)).deleteFrom('rate_limit_windows').where('key', '=', this.stored(key)).execute();
  }
}
