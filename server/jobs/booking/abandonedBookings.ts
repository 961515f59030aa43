import type { ExpressionBuilder } from 'kysely';
import type { BookingIdentity } from '../../calendar/bookingIdentity';
import type { Calendar } from '../../calendar/calendar';
import { ApiError } from '../../http/errors';
import type { NewJob } from '../jobQueue';
import type { JobHandler } from '../jobWorker';
import type { Logger } from '../../logger';
import type { Db } from '../../store/database';
import type { Database } from '../../store/schema';
import { acrossTenants, forTenant } from '../../store/tenantScope';
import { notBookedComment } from '../../booking/createEvent';
import type { LanguageOf } from '../../booking/eventLanguage';

export const abandonedBookingJobKind = 'booking.settle-abandoned';

/**
 * How long a booking intent may wait for its booking to finish before the sweep settles it. A
 * booking request lasts seconds (Graph's retries included), and a person whose request was cut off
 * tries again within minutes; a retry takes the event back through its transactionId, which it can
 * only do while the intent exists. A quarter of an hour is far beyond both, so the sweep never
 * cancels an event that a request in flight or a prompt retry is about to store.
 */
const abandonedAfterMs = 15 * 60_000;

/** Intents written before migration 0008 do not say where their event is: after a day they are history (as `beginBooking` treats them). */
const unlocatableAfterMs = 24 * 3_600_000;

/** How often a tenant's intents are swept (while it has any due): an abandoned event is gone about half an hour after its booking began. */
const sweepEveryMs = 15 * 60_000;

/** Intents settled per job run; more wait for the next run. */
const batchSize = 25;

type Intent = { transaction_id: string; pair_id: string; organizer_user_id: string | null; starts_at: Date | null; ends_at: Date | null };

/** The condition of an intent the sweep settles: located and abandoned, or too old to locate. */
function dueAt(now: Date) {
  const abandoned = new Date(now.getTime() - abandonedAfterMs);
  const unlocatable = new Date(now.getTime() - unlocatableAfterMs);
  return (eb: ExpressionBuilder<Database, 'booking_intents'>) =>
    eb.or([
      eb.and([eb('organizer_user_id', 'is not', null), eb('starts_at', 'is not', null), eb('ends_at', 'is not', null), eb('created_at', '<=', abandoned)]),
      eb('created_at', '<=', unlocatable),
    ]);
}

/**
 * One sweep per tenant and quarter of an hour, for tenants that have a booking intent nobody
 * finished. Only with an identity that reaches calendars unattended (the app's own): with
 * `BOOKING_GRAPH_IDENTITY=delegated` Upward cannot read the organizer's calendar without them
 * (decision 0016).
 */
export async function abandonedBookingJobs(db: Db, now: Date, identity: BookingIdentity): Promise<NewJob[]> {
  if (!identity.unattended) return [];
  const tenants = await acrossTenants(db, 'booking sweep').selectFrom('booking_intents').where(dueAt(now)).select('tenant_id').distinct().execute();
  const quarter = new Date(Math.floor(now.getTime() / sweepEveryMs) * sweepEveryMs).toISOString().slice(0, 16);
  return tenants.map(({ tenant_id }) => ({ tenantId: tenant_id, kind: abandonedBookingJobKind, dedupeKey: `abandoned-bookings:${quarter}`, payload: {}, runAt: now }));
}

const gone = (error: unknown) => error instanceof ApiError && error.code === 'notFound';

interface Settling {
  db: Db;
  calendar: Calendar;
  languageOf: LanguageOf;
  logger: Pick<Logger, 'info'>;
}

/** The events in the organizer's calendar that this booking created (normally one, none if Graph never got it). */
async function eventsOf(calendar: Calendar, intent: Intent): Promise<string[]> {
  let events;
  try {
    events = await calendar.eventsBetween(intent.organizer_user_id!, intent.starts_at!.toISOString(), intent.ends_at!.toISOString());
  } catch (error) {
    // The mailbox itself is gone (the person left): so is any event in it.
    if (gone(error)) return [];
    throw error;
  }
  // Graph cannot filter on transactionId: compared here, as a GUID (any case).
  return events.filter((e) => e.transactionId?.toLowerCase() === intent.transaction_id.toLowerCase()).map((e) => e.id);
}

/**
 * Settles one intent, holding its row so that a retry of the same booking waits (and then books
 * afresh) instead of taking back an event this is cancelling. Throws, leaving the intent, when
 * Graph could not be asked or could not cancel: the next run tries again.
 */
async function settle(deps: Settling, tenantId: string, transactionId: string, now: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const tenant = forTenant(trx, tenantId);
    const intent = await tenant
      .selectFrom('booking_intents')
      .where(dueAt(now))
      .select(['transaction_id', 'pair_id', 'organizer_user_id', 'starts_at', 'ends_at'])
      .where('transaction_id', '=', transactionId)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    // Retried (and so young again), settled meanwhile, or held by another sweep.
    if (!intent) return false;
    const forget = () => tenant.deleteFrom('booking_intents').where('transaction_id', '=', transactionId).execute();
    const located = intent.organizer_user_id !== null && intent.starts_at !== null && intent.ends_at !== null;
    const session = await tenant.selectFrom('sessions').select('id').where('transaction_id', '=', transactionId).executeTakeFirst();
    if (session || !located) {
      await forget();
      return true;
    }
    const events = await eventsOf(deps.calendar, intent);
    // Said in the organizer's language: who booked, and so whose partner the event was worded for, is not known here.
    const comment = events.length > 0 ? notBookedComment(await deps.languageOf(tenantId, intent.organizer_user_id!)) : '';
    for (const eventId of events) {
      try {
        await deps.calendar.cancelEvent(intent.organizer_user_id!, eventId, comment);
      } catch (error) {
        // Gone since the calendar view was read (removed by hand): nothing left to cancel.
        if (!gone(error)) throw error;
      }
      deps.logger.info({ tenantId, pairId: intent.pair_id, organizerId: intent.organizer_user_id, eventId }, 'cancelled the event of a booking nobody finished');
    }
    await forget();
    return true;
  });
}

/**
 * Settles the booking intents of one tenant that nobody finished (the service died between the
 * event and the session row, and nobody retried): an event with the intent's transactionId and no
 * session is cancelled (attendees and room are told), a stored session keeps its event, and the
 * intent goes. An intent whose event could not be checked stays for the next run; the job then
 * fails, so the queue retries it with backoff. Answers how many intents were settled.
 */
async function settleAbandonedBookings(deps: Settling & { logger: Pick<Logger, 'info' | 'warn'> }, tenantId: string, now: Date): Promise<number> {
  const due = await forTenant(deps.db, tenantId).selectFrom('booking_intents').where(dueAt(now)).select('transaction_id').orderBy('created_at').limit(batchSize).execute();
  let settled = 0;
  let firstError: unknown = null;
  for (const { transaction_id } of due) {
    try {
      if (await settle(deps, tenantId, transaction_id, now)) settled++;
    } catch (error) {
      deps.logger.warn({ err: error, tenantId, transactionId: transaction_id }, 'could not settle an abandoned booking; it stays for the next run');
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
  return settled;
}

export function abandonedBookingJobHandlers(deps: { db: Db; identity: BookingIdentity; languageOf: LanguageOf; logger: Pick<Logger, 'info' | 'warn'> }): Record<string, JobHandler> {
  return {
    [abandonedBookingJobKind]: async (job, now) => {
      // Planned under an identity that could reach the calendars, and run under one that cannot (configuration changed): nothing to do.
      if (!deps.identity.unattended) return { kind: 'done', outcome: 'skipped' };
      const settled = await settleAbandonedBookings({ ...deps, calendar: deps.identity.unattended(job.tenant_id) }, job.tenant_id, now);
      return { kind: 'done', outcome: settled > 0 ? 'sent' : 'skipped' };
    },
  };
}
