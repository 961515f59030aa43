import { z } from 'zod';
import { handlerOf, jobKind, jobOf } from './jobKind';
import type { JobRow } from './jobQueue';

const greeting = jobKind('test.greeting', z.object({ userId: z.string(), times: z.number().int() }));
const lease = { beginSend: async () => true };
const now = new Date('2026-03-02T09:00:00Z');

function storedRow(kind: string, payload: Record<string, unknown>): JobRow {
  return { tenant_id: 't', id: 'j1', kind, dedupe_key: 'k', payload, run_at: now, attempts: 1, locked_until: null, locked_by: 'w', done_at: null, outcome: null, last_error: null, send_started_at: null, created_at: now };
}

describe('typed job kinds', () => {
  it('schedules a job under its kind’s name with the payload as given', () => {
    expect(jobOf(greeting, { tenantId: 't', dedupeKey: 'k', payload: { userId: 'u', times: 2 }, runAt: now })).toEqual({ tenantId: 't', kind: 'test.greeting', dedupeKey: 'k', payload: { userId: 'u', times: 2 }, runAt: now });
  });

  it('hands the handler the stored payload parsed into its kind’s type', async () => {
    const seen: unknown[] = [];
    const handlers = handlerOf(greeting, async (job) => {
      seen.push(job.payload);
      return { kind: 'done', outcome: 'sent' };
    });
    const scheduled = jobOf(greeting, { tenantId: 't', dedupeKey: 'k', payload: { userId: 'u', times: 2 }, runAt: now });
    expect(await handlers['test.greeting']!(storedRow(scheduled.kind, scheduled.payload), now, lease)).toEqual({ kind: 'done', outcome: 'sent' });
    expect(seen).toEqual([{ userId: 'u', times: 2 }]);
  });

  it('fails a job whose stored payload does not parse, naming the field, without running the handler', async () => {
    const run = jest.fn();
    const handlers = handlerOf(greeting, run);
    const result = await handlers['test.greeting']!(storedRow('test.greeting', { userId: 'u', times: 'twice' }), now, lease);
    expect(result).toEqual({ kind: 'failed', error: expect.stringContaining('times') });
    expect(run).not.toHaveBeenCalled();
  });
});
