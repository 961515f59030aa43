import { z } from 'zod';
import type { JobResult, JobRow, NewJob } from './jobQueue';
import type { JobHandler, JobLease } from './jobWorker';

/** A kind of job: its name in the queue, and the schema of its payload. */
export interface JobKind<P> {
  name: string;
  payload: z.ZodType<P>;
}

export const jobKind = <P>(name: string, payload: z.ZodType<P>): JobKind<P> => ({ name, payload });

/** A job as its handler sees it: the payload read back into its kind's type. */
export type Job<P> = Omit<JobRow, 'payload'> & { payload: P };

/** A job of this kind to schedule; the compiler checks its payload against the kind. */
export function jobOf<P extends Record<string, unknown>>(kind: JobKind<P>, job: { tenantId: string; dedupeKey: string; payload: P; runAt: Date }): NewJob {
  return { ...job, kind: kind.name };
}

/**
 * The handler of one kind: the stored payload is parsed by the kind's schema before `run` sees
 * it. One that does not parse (written by older code, or by hand) fails the job with the reason,
 * rather than running on guesses.
 */
export function handlerOf<P>(kind: JobKind<P>, run: (job: Job<P>, now: Date, lease: JobLease) => Promise<JobResult>): Record<string, JobHandler> {
  const handler: JobHandler = async (job, now, lease) => {
    const parsed = kind.payload.safeParse(job.payload);
    if (!parsed.success) return { kind: 'failed', error: `The payload of this ${kind.name} job does not parse: ${z.prettifyError(parsed.error)}` };
    return run({ ...job, payload: parsed.data }, now, lease);
  };
  return { [kind.name]: handler };
}
