import { SchedulingError } from './errors';
import { chunk, collectScheduleResponses, maxRequestsPerBatch, maxSchedulesPerGetSchedule, planGetScheduleBatches } from './batching';

const emails = (n: number, prefix = 'room') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}@x.test`);
const window = { from: '2025-03-10T00:00:00Z', to: '2025-03-24T00:00:00+00:00' };

describe('getSchedule batching', () => {
  it('fetches 2 people and 40 rooms with 3 getSchedule calls in one $batch', () => {
    const batches = planGetScheduleBatches({ schedules: [...emails(2, 'person'), ...emails(40)], ...window, userId: 'organizer@x.test' });
    expect(batches).toHaveLength(1);
    expect(batches[0]?.requests.map((r) => r.body.schedules.length)).toEqual([20, 20, 2]);
    expect(batches[0]?.requests[0]).toMatchObject({
      id: 'getSchedule-1',
      method: 'POST',
      url: '/users/organizer%40x.test/calendar/getSchedule',
      headers: { Prefer: 'outlook.timezone="UTC"' },
      body: { startTime: { dateTime: '2025-03-10T00:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2025-03-24T00:00:00', timeZone: 'UTC' }, availabilityViewInterval: 30 },
    });
  });

  it('never puts more than 20 schedules in a call nor more than 20 calls in a batch', () => {
    expect([maxSchedulesPerGetSchedule, maxRequestsPerBatch]).toEqual([20, 20]);
    const exactly = planGetScheduleBatches({ schedules: emails(400), ...window });
    expect(exactly.map((b) => b.requests.length)).toEqual([20]);
    const over = planGetScheduleBatches({ schedules: emails(401), ...window });
    expect(over.map((b) => b.requests.length)).toEqual([20, 1]);
    expect(over.flatMap((b) => b.requests).every((r) => r.body.schedules.length <= 20)).toBe(true);
    expect(over[1]?.requests[0]?.id).toBe('getSchedule-21');
    expect(over[0]?.requests[0]?.url).toBe('/me/calendar/getSchedule');
  });

  it('asks for a schedule once even when listed twice in different case, and asks nothing for none', () => {
    const batches = planGetScheduleBatches({ schedules: ['a@x.test', 'A@X.test', 'b@x.test'], ...window });
    expect(batches[0]?.requests[0]?.body.schedules).toEqual(['a@x.test', 'b@x.test']);
    expect(planGetScheduleBatches({ schedules: [], ...window })).toEqual([]);
  });

  it('refuses an empty window and a chunk size below one', () => {
    expect(() => planGetScheduleBatches({ schedules: ['a@x.test'], from: window.from, to: window.from })).toThrow(SchedulingError);
    expect(() => chunk([1, 2], 0)).toThrow(SchedulingError);
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('collects schedules from the $batch responses in step order and lists throttled steps with Retry-After', () => {
    const collected = collectScheduleResponses([
      { id: 'getSchedule-10', status: 200, body: { value: [{ scheduleId: 'j@x.test' }] } },
      { id: 'getSchedule-2', status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'TooManyRequests' } } },
      { id: 'getSchedule-1', status: 200, body: { value: [{ scheduleId: 'a@x.test' }, { scheduleId: 'b@x.test' }] } },
      { id: 'getSchedule-3', status: 503 },
    ]);
    expect(collected.schedules.map((s) => s.scheduleId)).toEqual(['a@x.test', 'b@x.test', 'j@x.test']);
    expect(collected.failed).toEqual([
      { id: 'getSchedule-2', status: 429, retryAfterSeconds: 7 },
      { id: 'getSchedule-3', status: 503, retryAfterSeconds: null },
    ]);
  });
});
