import { describeEachEngine } from '../../test/harness/databases';
import { jobQueue, scheduleJobs, type JobResult } from './jobQueue';
import { startJobWorker } from './jobWorker';

const tenantId = '11111111-1111-4111-8111-111111111111';
const quiet = { warn: () => undefined, error: () => undefined, debug: () => undefined };
const options = { leaseMs: 60_000, maxAttempts: 3, baseBackoffMs: 1_000, maxBackoffMs: 10_000 };

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeEachEngine('durable jobs', (database) => {
  beforeEach(async () => {
    await database().db.deleteFrom('jobs').execute();
  });

  const reminders = (n: number, prefix: string, runAt = new Date(Date.now() - 1000)) =>
    Array.from({ length: n }, (_, i) => ({ tenantId, kind: 'test.reminder', dedupeKey: `${prefix}:${i}`, payload: { n: i }, runAt }));

  it('schedules a job once however often its key is scheduled', async () => {
    const { db } = database();
    expect(await scheduleJobs(db, reminders(5, 'once'))).toBe(5);
    expect(await scheduleJobs(db, reminders(5, 'once'))).toBe(0);
    expect((await db.selectFrom('jobs').select('id').execute()).length).toBe(5);
  });

  it('loses none and sends none twice when the worker restarts in the middle of a run', async () => {
    const { db } = database();
    await scheduleJobs(db, reminders(120, 'restart'));
    const sent = new Map<number, number>();
    const handler = async (job: { payload: Record<string, unknown> }): Promise<JobResult> => {
      await new Promise((r) => setTimeout(r, 2));
      const n = job.payload.n as number;
      sent.set(n, (sent.get(n) ?? 0) + 1);
      return { kind: 'done', outcome: 'sent' };
    };
    const first = startJobWorker({ queue: jobQueue(db, 'first', options), handlers: { 'test.reminder': handler }, clock: () => new Date(), logger: quiet, batchSize: 10, idleMs: 20 });
    await until(() => sent.size >= 30);
    await first.stop();
    const sentBeforeRestart = sent.size;
    expect(sentBeforeRestart).toBeLessThan(120);
    const second = startJobWorker({ queue: jobQueue(db, 'second', options), handlers: { 'test.reminder': handler }, clock: () => new Date(), logger: quiet, batchSize: 10, idleMs: 20 });
    await until(() => sent.size === 120);
    await second.stop();
    expect([...sent.values()].every((count) => count === 1)).toBe(true);
    const open = await db.selectFrom('jobs').select('id').where('done_at', 'is', null).execute();
    expect(open).toHaveLength(0);
  });

  it('gives a crashed worker’s claims to another worker once the lease runs out, and refuses the late finish', async () => {
    const { db } = database();
    await scheduleJobs(db, reminders(1, 'lease'));
    const now = new Date();
    const [claimed] = await jobQueue(db, 'crashed', options).claim(now, 10);
    expect(claimed).toBeDefined();
    expect(await jobQueue(db, 'other', options).claim(new Date(now.getTime() + 1_000), 10)).toHaveLength(0);
    const later = new Date(now.getTime() + options.leaseMs + 1);
    const [reclaimed] = await jobQueue(db, 'other', options).claim(later, 10);
    expect(reclaimed?.id).toBe(claimed!.id);
    expect(await jobQueue(db, 'crashed', options).finish(claimed!, { kind: 'done', outcome: 'sent' }, later)).toBe(false);
    expect(await jobQueue(db, 'other', options).finish(reclaimed!, { kind: 'done', outcome: 'sent' }, later)).toBe(true);
  });

  it('lets a slow worker keep its job by renewing the lease before sending, and refuses once another worker took it', async () => {
    const { db } = database();
    await scheduleJobs(db, reminders(1, 'renew'));
    const now = new Date();
    const slow = jobQueue(db, 'slow', options);
    const [job] = await slow.claim(now, 10);
    const nearlyOver = new Date(now.getTime() + options.leaseMs - 1);
    expect(await slow.beginSend(job!, nearlyOver)).toBe(true);
    const afterFirstLease = new Date(now.getTime() + options.leaseMs + 1);
    expect(await jobQueue(db, 'other', options).claim(afterFirstLease, 10)).toHaveLength(0);
    const afterRenewed = new Date(nearlyOver.getTime() + options.leaseMs + 1);
    const [taken] = await jobQueue(db, 'other', options).claim(afterRenewed, 10);
    expect(taken?.id).toBe(job!.id);
    expect(await slow.beginSend(job!, afterRenewed)).toBe(false);
  });

  it('notes when a job first began handing its message to Teams, and forgets it only when Teams said it did not take it', async () => {
    const { db } = database();
    await scheduleJobs(db, reminders(2, 'in-flight'));
    const queue = jobQueue(db, 'w', options);
    const t0 = new Date();
    const [first, second] = await queue.claim(t0, 2);
    const sendStarted = async (id: string) => (await db.selectFrom('jobs').select('send_started_at').where('id', '=', id).executeTakeFirstOrThrow()).send_started_at;
    expect(await sendStarted(first!.id)).toBeNull();
    await queue.beginSend(first!, t0);
    await queue.beginSend(first!, new Date(t0.getTime() + 1_000));
    expect((await sendStarted(first!.id))?.getTime()).toBe(t0.getTime());
    // A failure (a timeout, a 5xx) may have come after Teams took it: the next run must look first.
    await queue.finish(first!, { kind: 'failed', error: 'socket hang up' }, t0);
    expect((await sendStarted(first!.id))?.getTime()).toBe(t0.getTime());
    await queue.beginSend(second!, t0);
    await queue.finish(second!, { kind: 'throttled', retryAfterMs: 1_000 }, t0);
    expect(await sendStarted(second!.id)).toBeNull();
  });

  it('waits as long as Retry-After says on a 429 without counting an attempt, and backs off on failures until it gives up', async () => {
    const { db } = database();
    await scheduleJobs(db, reminders(1, 'throttle'));
    const queue = jobQueue(db, 'w', options);
    const t0 = new Date();
    const [job] = await queue.claim(t0, 1);
    await queue.finish(job!, { kind: 'throttled', retryAfterMs: 5_000 }, t0);
    let row = await db.selectFrom('jobs').selectAll().where('id', '=', job!.id).executeTakeFirstOrThrow();
    expect(row.run_at.getTime()).toBe(t0.getTime() + 5_000);
    expect(row.attempts).toBe(0);
    expect(await queue.claim(new Date(t0.getTime() + 4_000), 1)).toHaveLength(0);

    let at = new Date(t0.getTime() + 5_000);
    for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
      const [again] = await queue.claim(at, 1);
      expect(again?.attempts).toBe(attempt);
      await queue.finish(again!, { kind: 'failed', error: 'Teams said 500' }, at);
      row = await db.selectFrom('jobs').selectAll().where('id', '=', job!.id).executeTakeFirstOrThrow();
      if (attempt < options.maxAttempts) expect(row.run_at.getTime() - at.getTime()).toBe(options.baseBackoffMs * 2 ** (attempt - 1));
      at = new Date(row.run_at.getTime() + 1);
    }
    expect(row.outcome).toBe('failed');
    expect(row.done_at).not.toBeNull();
  });

  it('runs each job once with two workers claiming at the same time', async () => {
    const { db } = database();
    await scheduleJobs(db, reminders(200, 'two'));
    const ranBy = new Map<number, string[]>();
    const handlerFor = (name: string) => async (job: { payload: Record<string, unknown> }): Promise<JobResult> => {
      await new Promise((r) => setTimeout(r, 1));
      const n = job.payload.n as number;
      ranBy.set(n, [...(ranBy.get(n) ?? []), name]);
      return { kind: 'done', outcome: 'sent' };
    };
    const workers = ['a', 'b'].map((name) =>
      startJobWorker({ queue: jobQueue(db, name, options), handlers: { 'test.reminder': handlerFor(name) }, clock: () => new Date(), logger: quiet, batchSize: 10, idleMs: 20 }),
    );
    await until(() => ranBy.size === 200);
    await Promise.all(workers.map((w) => w.stop()));
    expect([...ranBy.values()].every((names) => names.length === 1)).toBe(true);
    if (database().engine === 'postgres') expect(new Set([...ranBy.values()].flat()).size).toBe(2);
  });
});
