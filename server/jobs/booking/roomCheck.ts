import type { Selectable, SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { SessionVenue } from '../../../shared/schemas/workspace';
import { bookingContextOf } from '../../booking/loadBooking';
import { replacementRoom } from '../../booking/replaceRoom';
import type { RoomCatalogue } from '../../booking/roomCatalogue';
import type { BookingIdentity } from '../../calendar/bookingIdentity';
import type { Calendar } from '../../calendar/calendar';
import type { Directory } from '../../directory/directory';
import { recordDomainEvent } from '../../events/domainEvents';
import { ApiError } from '../../http/errors';
import type { Logger } from '../../logger';
import { pairRepository } from '../../pairs/pairRepository';
import { sessionVenueOf } from '../../sessions/sessionVenue';
import type { Db } from '../../store/database';
import type { Database } from '../../store/schema';
import { json } from '../../store/json';
import type { SessionTable } from '../../store/schema';
import { acrossTenants, forTenant } from '../../store/tenantScope';
import { handlerOf, jobKind, jobOf } from '../jobKind';
import type { NewJob } from '../jobQueue';
import type { JobHandler } from '../jobWorker';

/** Looks at the organizer's copy of each upcoming room booking for the room's answer, which Exchange gives after the create (decision 0047). */
export const roomCheckJob = jobKind('booking.room-check', z.object({}));

/** How often a tenant's upcoming room bookings are looked at: a room's answer, or facilities taking it back, is noticed within this. */
const checkEveryMs = 30 * 60_000;
/** Sessions further ahead than this are looked at when they come closer. */
const horizonMs = 30 * 86_400_000;
/** Sessions looked at per run, soonest first (one Graph read each). */
const batchSize = 100;

type SessionRow = Selectable<SessionTable>;

/** Upcoming sessions booked through Upward (with an event in an organizer's calendar), as a condition on a sessions query. */
function upcoming(now: Date) {
  return <O>(query: SelectQueryBuilder<Database, 'sessions', O>) =>
    query
      .where('status', '=', 'planned')
      .where('event_id', 'is not', null)
      .where('organizer_user_id', 'is not', null)
      .where('starts_at', '>', now)
      .where('starts_at', '<', new Date(now.getTime() + horizonMs));
}

/**
 * One check per tenant and half hour, for tenants with upcoming sessions booked through Upward.
 * Only with an identity that reaches calendars unattended (the app's own): a delegated token
 * cannot read the organizer's calendar without them (decision 0016).
 */
export async function roomCheckJobs(db: Db, now: Date, identity: Pick<BookingIdentity, 'unattended'>): Promise<NewJob[]> {
  if (!identity.unattended) return [];
  const tenants = await acrossTenants(db, 'room check').selectFrom('sessions').select('tenant_id').distinct().$call(upcoming(now)).execute();
  const period = new Date(Math.floor(now.getTime() / checkEveryMs) * checkEveryMs).toISOString().slice(0, 16);
  return tenants.map(({ tenant_id }) => jobOf(roomCheckJob, { tenantId: tenant_id, dedupeKey: `room-check:${period}`, payload: {}, runAt: now }));
}

interface Deps {
  db: Db;
  identity: Pick<BookingIdentity, 'unattended'>;
  directory: Pick<Directory, 'getPeople'>;
  rooms: RoomCatalogue;
  logger: Pick<Logger, 'info' | 'warn'>;
}

export type RoomOutcome = 'unchanged' | 'moved' | 'told' | 'accepted-again';

const gone = (error: unknown) => error instanceof ApiError && error.code === 'notFound';

/** The room's answer on the organizer's copy of the event, or null when the event is gone (removed by hand: nothing to answer). */
async function roomAnswer(calendar: Calendar, session: SessionRow, room: string) {
  try {
    return (await calendar.readEvent(session.organizer_user_id!, session.event_id!)).responses.get(room.toLowerCase()) ?? null;
  } catch (error) {
    if (gone(error)) return null;
    throw error;
  }
}

/** The same booking still: not moved, cancelled or given another room since it was read. */
const sameBooking = (a: SessionRow, b: SessionRow) =>
  a.event_id === b.event_id && a.starts_at.getTime() === b.starts_at.getTime() && a.ends_at.getTime() === b.ends_at.getTime() && JSON.stringify(a.venue) === JSON.stringify(b.venue);

/**
 * What the room said, acted on: a decline moves the session to another free neutral room at the
 * same time (the event updated, the new room invited), or, when none is free, marks the session
 * so the workspace says so; either way a domain event tells the pair (the bot's notice). A room
 * that accepts again after a decline (the pair moved the session) clears the mark. The answer is
 * read outside any transaction (on embedded PGlite a transaction holds the whole database); a
 * change is made holding the session's row, and only if the booking is still the one read, so a
 * move or cancellation meanwhile wins and the next run looks again.
 */
async function checkSession(deps: Deps, calendar: Calendar, tenantId: string, sessionId: string, now: Date): Promise<RoomOutcome> {
  const read: SessionRow | undefined = await forTenant(deps.db, tenantId).selectFrom('sessions').selectAll().$call(upcoming(now)).where('id', '=', sessionId).executeTakeFirst();
  if (!read) return 'unchanged';
  const venue = sessionVenueOf(read.venue, read.id);
  if (venue.kind !== 'room' || !venue.ref) return 'unchanged';
  const answer = await roomAnswer(calendar, read, venue.ref);
  if (answer === 'declined' ? venue.roomDeclined : !venue.roomDeclined || answer !== 'accepted') return 'unchanged';

  return deps.db.transaction().execute(async (trx) => {
    const session: SessionRow | undefined = await forTenant(trx, tenantId).selectFrom('sessions').selectAll().$call(upcoming(now)).where('id', '=', sessionId).forUpdate().skipLocked().executeTakeFirst();
    if (!session || !sameBooking(read, session)) return 'unchanged';
    const saveVenue = (next: object) => forTenant(trx, tenantId).updateTable('sessions').set({ venue: json(next), updated_at: now }).where('id', '=', session.id).execute();
    if (answer !== 'declined') {
      await saveVenue({ ...venue, roomDeclined: false });
      return 'accepted-again';
    }
    const organizerId = session.organizer_user_id!;
    const eventId = session.event_id!;
    const pair = await pairRepository(trx, tenantId).find(session.pair_id);
    if (!pair) return 'unchanged';
    const ctx = await bookingContextOf({ db: trx, directory: deps.directory }, tenantId, pair);
    const slot = { start: session.starts_at.toISOString(), end: session.ends_at.toISOString() };
    const replacement = await replacementRoom({ rooms: deps.rooms, calendar }, { tenantId, ctx, organizerId, slot, declinedRoom: venue.ref! });
    await saveVenue(replacement ? { ...replacement } : ({ ...venue, roomDeclined: true } satisfies SessionVenue));
    await recordDomainEvent(trx, {
      tenantId,
      kind: 'session.room-declined',
      subjectId: pair.id,
      payload: { sessionId: session.id, declinedRoom: venue.ref!, movedTo: replacement ? { ref: replacement.ref!, displayName: replacement.displayName } : null },
      at: now,
    });
    // Last, inside the transaction: if Graph refuses the change, the rows written above roll back and the next run tries again.
    if (replacement) await calendar.changeRoom(organizerId, eventId, { mail: replacement.ref!, name: replacement.displayName });
    deps.logger.info({ tenantId, pairId: pair.id, sessionId: session.id, declinedRoom: venue.ref, movedTo: replacement?.ref ?? null }, 'a room declined a booked session');
    return replacement ? 'moved' : 'told';
  });
}

/**
 * Checks the tenant's upcoming room bookings, soonest first. A session whose event could not be
 * read is left for the next run; the job then fails, so the queue retries it with backoff.
 */
export async function checkRooms(deps: Deps, tenantId: string, now: Date): Promise<RoomOutcome[]> {
  // Planned under an identity that could reach the calendars, and run under one that cannot (configuration changed): nothing to do.
  if (!deps.identity.unattended) return [];
  const calendar = deps.identity.unattended(tenantId);
  const due = await forTenant(deps.db, tenantId).selectFrom('sessions').select('id').$call(upcoming(now)).orderBy('starts_at').limit(batchSize).execute();
  const outcomes: RoomOutcome[] = [];
  let firstError: unknown = null;
  for (const { id } of due) {
    try {
      outcomes.push(await checkSession(deps, calendar, tenantId, id, now));
    } catch (error) {
      deps.logger.warn({ err: error, tenantId, sessionId: id }, 'could not check the room of a booked session; it is checked again next run');
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
  return outcomes;
}

export function roomCheckJobHandlers(deps: Deps): Record<string, JobHandler> {
  return handlerOf(roomCheckJob, async (job, now) => {
    const outcomes = await checkRooms(deps, job.tenant_id, now);
    return { kind: 'done', outcome: outcomes.some((o) => o === 'moved' || o === 'told') ? 'sent' : 'skipped' };
  });
}
