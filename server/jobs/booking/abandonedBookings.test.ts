import type { Event } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from '../../../dev/demoOrg/personas';
import { jobQueue, scheduleJobs } from '../jobQueue';
import { startJobWorker } from '../jobWorker';
import { testEngines } from '../../../test/harness/databases';
import { aPair, aSession } from '../../../test/harness/factories';
import { startTestService, type TestService } from '../../../test/harness/testService';
import { bookingIdentity } from '../../calendar/bookingIdentity';
import { languageOf } from '../../booking/eventLanguage';
import { abandonedBookingJobHandlers, abandonedBookingJobKind, abandonedBookingJobs } from './abandonedBookings';
import { beginBooking } from '../../booking/bookingIntents';
import { transactionIdFor } from '../../booking/reserve';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const minute = 60_000;

describe.each(testEngines().map((engine) => [engine.name, engine] as const))('settling bookings nobody finished [%s]', (_engineName, engine) => {
  let service: TestService;
  let tenantId: string;
  // Each sweep runs a quarter of an hour after the last, as the planner schedules them.
  let clock = new Date('2030-01-07T08:00:00Z');
  const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * minute));

  beforeAll(async () => {
    service = await startTestService({ engine });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service.close();
  });
  afterEach(() => {
    service.standIn.faults.clear();
  });

  const mailOf = (id: string) => service.standIn.org.byId.get(id)!.user.mail.toLowerCase();
  const graph = () => service.deps.graph.forApp(tenantId);
  let slotDay = 0;

  /** What a booking killed after Graph answered leaves: its intent (written `minutesAgo` before now) and, unless `withEvent` is false, its event. */
  const cutOffBooking = async ({ minutesAgo, withEvent = true }: { minutesAgo: number; withEvent?: boolean }) => {
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: mentor, menteeUserId: leader });
    const start = new Date(Date.UTC(2030, 1, 1 + slotDay++, 14)).toISOString();
    const end = new Date(Date.parse(start) + 60 * minute).toISOString();
    const transactionId = transactionIdFor(tenantId, pair.id, start, end);
    await beginBooking(service.database.db, { tenantId, transactionId, pairId: pair.id, organizerUserId: leader, start, end }, new Date(clock.getTime() - minutesAgo * minute));
    const person = (id: string) => ({ type: 'required' as const, emailAddress: { address: mailOf(id) } });
    const event = withEvent
      ? await graph().send<Event>('POST', `/users/${leader}/events`, {
          subject: 'Upward session',
          sensitivity: 'private',
          start: { dateTime: start, timeZone: 'UTC' },
          end: { dateTime: end, timeZone: 'UTC' },
          attendees: [person(leader), person(mentor)],
          transactionId,
        })
      : null;
    return { pair, start, end, transactionId, eventId: event?.id ?? null };
  };

  const intentOf = (transactionId: string) => service.database.db.selectFrom('booking_intents').selectAll().where('transaction_id', '=', transactionId).executeTakeFirst();
  const eventStatus = async (eventId: string) => {
    const response = await fetch(`${service.standIn.graphBaseUrl}/users/${leader}/events/${encodeURIComponent(eventId)}`, { headers: { authorization: `Bearer ${await service.standIn.issueAppToken()}` } });
    return response.status;
  };
  const cancellationsOf = (transactionId: string) => service.standIn.cancellations(leader).filter((c) => c.transactionId === transactionId);

  /**
   * One planner round and one worker round at `now`, as the service runs them (the real queue and
   * worker): how the sweep job this round planned ended, or undefined when it planned none.
   */
  const sweep = async (now: Date) => {
    const { db } = service.database;
    const sweepJobs = () => db.selectFrom('jobs').select(['id', 'outcome', 'last_error']).where('kind', '=', abandonedBookingJobKind).execute();
    const before = new Set((await sweepJobs()).map((j) => j.id));
    let polls = 0;
    let roundDone!: () => void;
    const round = new Promise<void>((resolve) => (roundDone = resolve));
    const worker = startJobWorker({
      queue: jobQueue(db, 'sweep-test'),
      handlers: abandonedBookingJobHandlers({ db, identity: bookingIdentity('app', service.deps.graph), languageOf: languageOf(service.deps), logger: service.deps.logger }),
      clock: () => now,
      logger: service.deps.logger,
      idleMs: 10,
      beforePoll: async () => {
        // The second poll begins once the first round's jobs have finished.
        if (++polls === 2) roundDone();
        else await scheduleJobs(db, await abandonedBookingJobs(db, now, bookingIdentity('app', service.deps.graph)));
      },
    });
    await round;
    await worker.stop();
    const planned = (await sweepJobs()).find((j) => !before.has(j.id));
    return planned && { outcome: planned.outcome, failed: planned.last_error !== null };
  };

  it('cancels the event of a booking nobody finished, so both people are told, and forgets its intent', async () => {
    const abandoned = await cutOffBooking({ minutesAgo: 0 });
    // Another event in the same hour of the same calendar, not this booking's: it stays.
    const other = await graph().send<Event>('POST', `/users/${leader}/events`, {
      subject: 'Quarterly review',
      start: { dateTime: abandoned.start, timeZone: 'UTC' },
      end: { dateTime: abandoned.end, timeZone: 'UTC' },
      transactionId: '0c0ffee0-0000-4000-8000-000000000000',
    });

    expect(await sweep(later(16))).toEqual({ outcome: 'sent', failed: false });

    expect(cancellationsOf(abandoned.transactionId)).toEqual([
      expect.objectContaining({ eventId: abandoned.eventId, to: expect.arrayContaining([mailOf(leader), mailOf(mentor)]), comment: 'This Upward session could not be booked.' }),
    ]);
    expect(await eventStatus(abandoned.eventId!)).toBe(404);
    expect(await eventStatus(other.id!)).toBe(200);
    expect(await intentOf(abandoned.transactionId)).toBeUndefined();
  });

  it('keeps the event of a booking whose session was stored, and forgets the intent', async () => {
    const stored = await cutOffBooking({ minutesAgo: 0 });
    const session = await aSession(service.database.db, tenantId, { pairId: stored.pair.id, startsAt: new Date(stored.start) });
    await service.database.db.updateTable('sessions').set({ transaction_id: stored.transactionId, event_id: stored.eventId, organizer_user_id: leader }).where('id', '=', session.id).execute();

    await sweep(later(16));

    expect(await intentOf(stored.transactionId)).toBeUndefined();
    expect(await eventStatus(stored.eventId!)).toBe(200);
    expect(cancellationsOf(stored.transactionId)).toEqual([]);
  });

  it('forgets the intent of a booking whose event Graph never created', async () => {
    const neverSent = await cutOffBooking({ minutesAgo: 0, withEvent: false });
    const eventsBefore = service.standIn.eventCount(leader);

    await sweep(later(16));

    expect(await intentOf(neverSent.transactionId)).toBeUndefined();
    expect(cancellationsOf(neverSent.transactionId)).toEqual([]);
    expect(service.standIn.eventCount(leader)).toBe(eventsBefore);
  });

  it('leaves a booking alone while it may still be finished or retried', async () => {
    const young = await cutOffBooking({ minutesAgo: 0 });

    expect(await sweep(later(10))).toBeUndefined();

    expect(await intentOf(young.transactionId)).toBeDefined();
    expect(await eventStatus(young.eventId!)).toBe(200);
    // Its retry, now, still finds the intent and so takes the event back.
    expect(await beginBooking(service.database.db, { tenantId, transactionId: young.transactionId, pairId: young.pair.id, organizerUserId: leader, start: young.start, end: young.end }, clock)).toBe(true);
  });

  it('keeps the intent and its event when Graph cannot be asked, and settles them on a later run', async () => {
    const unchecked = await cutOffBooking({ minutesAgo: 0 });
    service.standIn.faults.add({ path: '/calendarView$', method: 'GET', status: 503, retryAfterSeconds: 0, count: 1000 });

    expect(await sweep(later(16))).toEqual({ outcome: null, failed: true });
    expect(await intentOf(unchecked.transactionId)).toBeDefined();
    expect(await eventStatus(unchecked.eventId!)).toBe(200);

    // The event was found, but Graph would not cancel it: the intent stays for the next run all the same.
    service.standIn.faults.clear();
    service.standIn.faults.add({ path: '/cancel$', method: 'POST', status: 503, retryAfterSeconds: 0, count: 1000 });
    expect(await sweep(later(15))).toEqual({ outcome: null, failed: true });
    expect(await intentOf(unchecked.transactionId)).toBeDefined();
    expect(await eventStatus(unchecked.eventId!)).toBe(200);

    service.standIn.faults.clear();
    await sweep(later(60));
    expect(await intentOf(unchecked.transactionId)).toBeUndefined();
    expect(await eventStatus(unchecked.eventId!)).toBe(404);
    expect(cancellationsOf(unchecked.transactionId)).toHaveLength(1);
  });

  it('forgets an intent from before intents said where their event is once it is a day old', async () => {
    const { db } = service.database;
    const pair = await aPair(db, tenantId, { mentorUserId: mentor, menteeUserId: leader });
    const row = (transactionId: string, minutesAgo: number) => ({ tenant_id: tenantId, transaction_id: transactionId, pair_id: pair.id, created_at: new Date(clock.getTime() - minutesAgo * minute) });
    await db.insertInto('booking_intents').values([row('legacy-old', 25 * 60), row('legacy-young', 2 * 60)]).execute();

    await sweep(later(15));

    expect(await intentOf('legacy-old')).toBeUndefined();
    expect(await intentOf('legacy-young')).toBeDefined();
  });

  it('does not sweep when bookings use the caller’s own identity, which cannot reach a calendar without them', async () => {
    const delegated = await cutOffBooking({ minutesAgo: 30 });
    expect(await abandonedBookingJobs(service.database.db, clock, bookingIdentity('delegated', service.deps.graph))).toEqual([]);
    expect(await intentOf(delegated.transactionId)).toBeDefined();
  });
});
