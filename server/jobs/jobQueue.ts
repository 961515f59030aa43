import { randomUUID } from 'node:crypto';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../store/database';
import { json } from '../store/json';
import type { Database, JobTable } from '../store/schema';
import { acrossTenants } from '../store/tenantScope';
import { forTenant } from '../store/tenantScope';

export type JobRow = Selectable<JobTable>;

export interface NewJob {
  tenantId: string;
  kind: string;
  /** Unique per tenant: scheduling the same key again changes nothing, so a job exists (and runs) once. */
  dedupeKey: string;
  payload: Record<string, unknown>;
  runAt: Date;
}

/** How one run of a job ended, as the handler reports it. */
export type JobResult =
  | { kind: 'done'; outcome: 'sent' | 'skipped' }
  /** Not now (outside working hours, reminders paused): run again at `at`, without counting an attempt. */
  | { kind: 'defer'; at: Date }
  /** Teams said 429: wait as long as it asked, without counting an attempt. */
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'failed'; error: string };

export interface QueueOptions {
  /** How long a claim lasts; a worker that dies loses its claims when they run out. */
  leaseMs: number;
  maxAttempts: number;
  /** Backoff after the n-th failure: base * 2^(n-1), at most `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const defaultQueueOptions: QueueOptions = { leaseMs: 60_000, maxAttempts: 8, baseBackoffMs: 30_000, maxBackoffMs: 6 * 3_600_000 };

export function backoffMs(attempts: number, options: Pick<QueueOptions, 'baseBackoffMs' | 'maxBackoffMs'>): number {
  return Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
}

/** Schedules jobs; a key already scheduled (or already run) is left as it is. Returns how many were new. */
export async function scheduleJobs(db: Db | Transaction<Database>, jobs: readonly NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  let inserted = 0;
  // Chunks keep each statement well under Postgres's 65,535 bind parameters.
  for (let i = 0; i < jobs.length; i += 1000) {
    const rows = jobs.slice(i, i + 1000).map((j) => ({
      tenant_id: j.tenantId,
      id: randomUUID(),
      kind: j.kind,
      dedupe_key: j.dedupeKey,
      payload: json(j.payload),
      run_at: j.runAt,
      locked_until: null,
      locked_by: null,
      done_at: null,
      outcome: null,
      last_error: null,
    }));
    const result = await db
      .insertInto('jobs')
      .values(rows)
      .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/**
 * The durable queue. A claim is one statement: due rows, not held by a live lease, locked with
 * FOR UPDATE SKIP LOCKED so that concurrent workers on Postgres each take different rows, then
 * leased to this worker. On PGlite (one connection) the same statement simply runs alone.
 */
export function jobQueue(db: Db, workerId: string, options: QueueOptions = defaultQueueOptions) {
  return {
    async claim(now: Date, limit: number, kinds?: readonly string[]): Promise<JobRow[]> {
      const leaseEnd = new Date(now.getTime() + options.leaseMs);
      const kindFilter = kinds && kinds.length > 0 ? sql`and kind in (${sql.join(kinds)})` : sql``;
      const { rows } = await sql<JobRow>`
        update jobs set locked_until = ${leaseEnd}, locked_by = ${workerId}, attempts = attempts + 1
        where (tenant_id, id) in (
          select tenant_id, id from jobs
          where done_at is null and run_at <= ${now} and (locked_until is null or locked_until <= ${now}) ${kindFilter}
          order by run_at
          limit ${limit}
          for update skip locked)
        returning *`.execute(acrossTenants(db, 'job worker'));
      return rows;
    },

    /**
     * Extends this worker's claim just before a step that cannot be undone (a message handed to
     * Teams), so a job that ran long (Graph retries, Retry-After) is not sent by two workers: false
     * when another worker took it over after the lease ran out, and then this one must not send.
     * It also notes when the first attempt began handing the message over (kept until a run learns
     * how that ended), so a run after a crash knows to look for it before sending again.
     */
    async beginSend(job: JobRow, now: Date): Promise<boolean> {
      const outcome = await forTenant(db, job.tenant_id)
        .updateTable('jobs')
        .set({ locked_until: new Date(now.getTime() + options.leaseMs), send_started_at: sql<Date>`coalesce(send_started_at, ${now})` })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      return Number(outcome.numUpdatedRows) === 1;
    },

    /** Records the result of a run; false when this worker no longer held the claim (its lease ran out). */
    async finish(job: JobRow, result: JobResult, now: Date): Promise<boolean> {
      const mine = forTenant(db, job.tenant_id).updateTable('jobs').where('id', '=', job.id).where('locked_by', '=', workerId);
      let update;
      if (result.kind === 'done') {
        update = mine.set({ done_at: now, outcome: result.outcome, locked_until: null, last_error: null });
      } else if (result.kind === 'defer' || result.kind === 'throttled') {
        const at = result.kind === 'defer' ? result.at : new Date(now.getTime() + result.retryAfterMs);
        // A 429 is Teams saying it did not take the message: nothing of this job is in flight.
        const settled = result.kind === 'throttled' ? { send_started_at: null } : {};
        update = mine.set({ run_at: at, locked_until: null, locked_by: null, attempts: sql`attempts - 1`, ...settled });
      } else if (job.attempts >= options.maxAttempts) {
        update = mine.set({ done_at: now, outcome: 'failed', locked_until: null, last_error: result.error.slice(0, 2000) });
      } else {
        update = mine.set({
          run_at: new Date(now.getTime() + backoffMs(job.attempts, options)),
          locked_until: null,
          locked_by: null,
          last_error: result.error.slice(0, 2000),
        });
      }
      const outcome = await update.executeTakeFirst();
      return Number(outcome.numUpdatedRows) === 1;
    },
  };
}

export type JobQueue = ReturnType<typeof jobQueue>;
