/**
 * `npm run bench:booking`: Graph requests and round trips per booking (suggestions, then the
 * booking of the first one) for 2 people and 10, 40 and 100 candidate rooms, and the time per
 * booking against the Microsoft 365 stand-in with 50 ms of simulated latency on every Graph
 * request. The least possible is 2 round trips: one batched free/busy read and one event create.
 */
import type { PlaceRoom } from '../../shared/venues';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { bookingDeps } from '../../server/booking/bookingDeps';
import { bookingSuggester } from '../../server/booking/bookingSuggester';
import type { RoomCatalogue } from '../../server/booking/roomCatalogue';
import { sessionBooker } from '../../server/booking/sessionBooker';
import { aCaller, aPair } from '../../test/harness/factories';
import { startTestService } from '../../test/harness/testService';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const roomCounts = [10, 40, 100];
const bookingsPerCount = 4;
const latencyMs = 50;
const minimumRoundTrips = 2;

async function main() {
  const service = await startTestService({ size: 300 });
  const { standIn, deps } = service;
  const tenantId = standIn.tenantId.toLowerCase();
  const actor = aCaller(tenantId, leader);
  for (const id of [leader, mentor]) {
    const { user } = standIn.org.byId.get(id)!;
    await deps.db.insertInto('directory_users').values({
      tenant_id: tenantId, user_id: id, display_name: user.displayName, mail: user.mail, department: user.department ?? null, job_title: null,
      office_location: user.officeLocation ?? null, city: user.city ?? null, country: null, preferred_language: null, grade: null, account_enabled: true, synced_at: new Date(),
    }).onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing()).execute();
  }

  const rows: { rooms: number; checked: number; graphRequests: number; roundTrips: number; batchCalls: number; ratio: number; msPerBooking: number }[] = [];
  for (const count of roomCounts) {
    // Real stand-in rooms (real calendars), presented as in a building neither person works in, so all are candidates.
    const candidates: PlaceRoom[] = standIn.org.rooms.filter((r) => !r.tags.includes('executive')).slice(0, count).map((r) => ({
      id: r.id, displayName: r.displayName, emailAddress: r.emailAddress, building: 'Elsewhere House', floorNumber: r.floorNumber, capacity: r.capacity, tags: [], address: { city: 'London' },
    }));
    if (candidates.length < count) throw new Error(`The demo organisation has only ${candidates.length} rooms`);
    const rooms: RoomCatalogue = { rooms: async () => candidates };
    const book = async () => {
      // A fresh pair each time, so the cadence of earlier bookings does not empty the window.
      const pair = await aPair(deps.db, tenantId, { status: 'active', mentorUserId: mentor, menteeUserId: leader });
      const from = new Date(Date.now() + 3_600_000).toISOString();
      const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
      const found = await bookingSuggester(bookingDeps(deps, rooms), { actor, pairId: pair.id, from, to, mode: 'room' });
      const first = found.suggestions[0];
      if (!first) throw new Error('no suggestion');
      await sessionBooker(bookingDeps(deps, rooms), { actor, pairId: pair.id, input: { start: first.start, end: first.end, venue: { kind: first.venue.kind, ref: first.venue.ref }, organizer: 'mentee' }, now: new Date() });
      return found.roomsChecked;
    };

    standIn.stats.reset();
    const checked = await book();
    const stats = standIn.stats.get();
    const roundTrips = stats.httpRequests;
    const graphRequests = stats.httpRequests - stats.batchCalls + stats.batchedRequests;

    standIn.faults.add({ path: '.*', delayMs: latencyMs, count: 1_000_000 });
    const started = process.hrtime.bigint();
    for (let i = 0; i < bookingsPerCount; i++) await book();
    const msPerBooking = Number(process.hrtime.bigint() - started) / 1e6 / bookingsPerCount;
    standIn.faults.clear();

    rows.push({ rooms: count, checked, graphRequests, roundTrips, batchCalls: stats.batchCalls, ratio: roundTrips / minimumRoundTrips, msPerBooking: Math.round(msPerBooking) });
  }
  await service.close();

  console.log(`Booking a session (suggestions + book) for 2 people, ${latencyMs} ms simulated Graph latency for the timing`);
  console.log('candidate rooms | rooms read | Graph requests | round trips ($batch) | vs minimum 2 | ms per booking');
  for (const r of rows) {
    console.log(`${String(r.rooms).padStart(15)} | ${String(r.checked).padStart(10)} | ${String(r.graphRequests).padStart(14)} | ${`${r.roundTrips} (${r.batchCalls})`.padStart(20)} | ${`${r.ratio.toFixed(2)}x`.padStart(12)} | ${String(r.msPerBooking).padStart(14)}`);
  }
  console.log('Round trips: 1 $batch of getSchedule (people + rooms), 1 last-look getSchedule just before booking, 1 event create; rooms come from the Places cache.');
  console.log(JSON.stringify({ bench: 'booking', latencyMs, minimumRoundTrips, results: rows }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
