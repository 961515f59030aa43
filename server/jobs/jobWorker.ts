import type { Logger } from '../logger';
import type { JobQueue, JobResult, JobRow } from './jobQueue';

/** The worker's hold on a job, renewed right before a message is handed to Teams (which must happen once). */
export interface JobLease {
  beginSend(): Promise<boolean>;
}

export type JobHandler = (job: JobRow, now: Date, lease: JobLease) => Promise<JobResult>;

export interface JobWorkerOptions {
  queue: JobQueue;
  handlers: Readonly<Record<string, JobHandler>>;
  clock: () => Date;
  logger: Pick<Logger, 'warn' | 'error' | 'debug'>;
  /** Jobs claimed at a time, and run side by side. */
  batchSize?: number;
  /** Pause between polls when nothing was due. */
  idleMs?: number;
  /** Runs before each poll (the planner that turns sessions and events into jobs). */
  beforePoll?: (now: Date) => Promise<void>;
}

/**
 * Claims due jobs and runs them. Every process may run one: claims never overlap. A 429 from
 * Teams pauses this worker for as long as Teams asked, so it does not keep knocking. Stopping
 * lets the jobs in hand finish (a restart loses nothing and sends nothing twice).
 */
export function startJobWorker(options: JobWorkerOptions) {
  const batchSize = options.batchSize ?? 20;
  const idleMs = options.idleMs ?? 5_000;
  let stopping = false;
  let wake: (() => void) | null = null;
  let pausedUntil = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  async function runOne(job: JobRow): Promise<void> {
    const handler = options.handlers[job.kind];
    let result: JobResult;
    try {
      const lease: JobLease = { beginSend: () => options.queue.beginSend(job, options.clock()) };
      result = handler ? await handler(job, options.clock(), lease) : { kind: 'failed', error: `No handler for job kind "${job.kind}".` };
    } catch (error) {
      result = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    const now = options.clock();
    if (result.kind === 'throttled') pausedUntil = Math.max(pausedUntil, now.getTime() + result.retryAfterMs);
    if (result.kind === 'failed') options.logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, error: result.error }, 'job failed');
    const held = await options.queue.finish(job, result, now);
    if (!held) options.logger.warn({ jobId: job.id }, 'job lease ran out before it finished; another worker owns it now');
  }

  /** One round: plan, claim a batch, run it. Returns how many jobs ran. */
  async function tick(): Promise<number> {
    const now = options.clock();
    if (now.getTime() < pausedUntil) return 0;
    if (options.beforePoll) await options.beforePoll(now);
    const jobs = await options.queue.claim(now, batchSize);
    await Promise.all(jobs.map(runOne));
    return jobs.length;
  }

  const loop = (async () => {
    while (!stopping) {
      let ran = 0;
      try {
        ran = await tick();
      } catch (error) {
        options.logger.error({ err: error }, 'job worker round failed');
      }
      if (stopping) break;
      const waitForPause = pausedUntil - options.clock().getTime();
      if (ran === 0 || waitForPause > 0) await sleep(Math.max(waitForPause, ran === 0 ? idleMs : 0));
    }
  })();

  return {
    /** Wakes the loop early, after jobs were scheduled. */
    poke: () => wake?.(),
    /** Stops claiming; resolves when the jobs in hand have finished. */
    async stop(): Promise<void> {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}

export type JobWorker = ReturnType<typeof startJobWorker>;

/** The service's background jobs, as the process that runs them sees them. */
export interface BackgroundJobs {
  /** Starts this process's job worker (every process may run one). */
  startWorker(workerId: string): JobWorker;
}
