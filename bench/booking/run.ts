/**
 * `npm run bench:booking`: what one booking (the suggestions, then the booking of the first one)
 * costs for 2 people and 10, 40 and 100 candidate rooms: Graph round trips, the service's own CPU
 * (`process.cpuUsage` of this process, which runs only the service: the Microsoft 365 stand-in
 * runs in a child process) and the time per booking with 50 ms of simulated latency on every
 * Graph request, against the ideal of 2 round trips × that latency. The least possible is 2 round
 * trips: one batched free/busy read and one event create. BENCH_DATABASE=pglite runs the database
 * inside the service's process (its CPU then counts too); Postgres on 127.0.0.1 by default.
 */
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import type { PlaceRoom } from '../../shared/venues';
import { bookingDeps } from '../../server/booking/bookingDeps';
import { bookingSuggester } from '../../server/booking/bookingSuggester';
import type { RoomCatalogue } from '../../server/booking/roomCatalogue';
import { sessionBooker } from '../../server/booking/sessionBooker';
import { composeDeps } from '../../server/composition';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { aCaller, aPair } from '../../test/harness/factories';
import { testEngines } from '../../test/harness/databases';
import type { StandInFacts } from './standInProcess';

// ROOMS=40 runs one size; CPU_PROFILE=file.cpuprofile profiles the timed bookings alone (open it in Chrome's DevTools).
const roomCounts = process.env.ROOMS ? [Number(process.env.ROOMS)] : [10, 40, 100];
const bookingsPerCount = Number(process.env.BOOKINGS ?? 5);
const latencyMs = 50;
const idealRoundTrips = 2;
const engineName = process.env.BENCH_DATABASE === 'pglite' ? 'pglite' : 'postgres';

interface Row {
  rooms: number;
  roomsRead: number;
  /** Graph HTTP requests (a `$batch` once) per booking: the suggestions' and the booking's. */
  roundTrips: { suggest: number; book: number; total: number };
  graphRequests: number;
  cpuMsPerBooking: number;
  /** The stand-in's CPU a booking (its getSchedule answers): part of the time, none of Upward's. */
  standInCpuMsPerBooking: number;
  msPerBooking: number;
  /** Time per booking against 2 round trips × the latency. */
  vsIdeal: number;
}

interface StandInProcess {
  facts: StandInFacts;
  /** The stand-in's CPU so far, in milliseconds. */
  cpuMs(): Promise<number>;
  stop(): void;
}

function startStandIn(): Promise<StandInProcess> {
  const child = fork(path.join(__dirname, 'standInProcess.ts'), [], { cwd: path.resolve(__dirname, '../..'), execArgv: ['--import', 'tsx'] });
  const cpuMs = () =>
    new Promise<number>((resolve) => {
      child.once('message', ({ cpu }: { cpu: NodeJS.CpuUsage }) => resolve((cpu.user + cpu.system) / 1000));
      child.send('cpu');
    });
  return new Promise((resolve, reject) => {
    child.once('message', (facts: StandInFacts) => resolve({ facts, cpuMs, stop: () => child.send('stop') }));
    child.once('exit', (code) => reject(new Error(`the stand-in exited (${code})`)));
  });
}

async function main() {
  const standIn = await startStandIn();
  const { facts } = standIn;
  const admin = (method: string, what: string, body?: unknown) =>
    fetch(`${facts.url}/_standin/${what}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const stats = async () => (await (await admin('GET', 'stats')).json()) as { httpRequests: number; batchCalls: number; batchedRequests: number };

  Object.assign(process.env, facts.environment);
  const config = loadConfig({ ...facts.environment, BOT_AUTH: 'entra', PORT: '0', LOG_LEVEL: 'silent' });
  // As Jest's global setup says when Postgres answers on 127.0.0.1 (UPWARD_TEST_POSTGRES_URL to point elsewhere).
  if (engineName === 'postgres') process.env.UPWARD_TEST_POSTGRES_AVAILABLE = '1';
  const engine = testEngines().find((e) => e.name === engineName)!;
  const database = await engine.create({ maxConnections: 5 });
  const deps = composeDeps(config, database.db, createLogger('silent'));
  const tenantId = facts.tenantId.toLowerCase();
  const [leader, mentor] = facts.people;
  const actor = aCaller(tenantId, leader!.id);
  for (const p of facts.people) {
    await database.db.insertInto('directory_users').values({
      tenant_id: tenantId, user_id: p.id, display_name: p.displayName, mail: p.mail, department: p.department, job_title: null,
      office_location: p.officeLocation, city: p.city, country: null, preferred_language: null, grade: null, account_enabled: true, synced_at: new Date(),
    }).execute();
  }

  const rows: Row[] = [];
  for (const count of roomCounts) {
    // Real stand-in rooms (real calendars), presented as in a building neither person works in, so all are candidates.
    const candidates: PlaceRoom[] = facts.rooms.slice(0, count).map((r) => ({
      id: r.id, displayName: r.displayName, emailAddress: r.emailAddress, building: 'Elsewhere House', floorNumber: r.floorNumber, capacity: r.capacity, tags: [], address: { city: 'London' },
    }));
    if (candidates.length < count) throw new Error(`The demo organisation has only ${candidates.length} rooms`);
    const rooms: RoomCatalogue = { rooms: async () => candidates };
    const booking = bookingDeps(deps, rooms);
    // A fresh pair for each booking (made before the clock starts), so earlier bookings' cadence does not empty the window.
    const pairs = [];
    for (let i = 0; i <= bookingsPerCount; i++) pairs.push(await aPair(deps.db, tenantId, { status: 'active', mentorUserId: mentor!.id, menteeUserId: leader!.id }));
    let roomsRead = 0;
    const suggest = async (pairId: string) => {
      const from = new Date(Date.now() + 3_600_000).toISOString();
      const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
      const found = await bookingSuggester(booking, { actor, pairId, from, to, mode: 'room' });
      roomsRead = found.roomsChecked;
      const first = found.suggestions[0];
      if (!first) throw new Error('no suggestion');
      return first;
    };
    const book = (pairId: string, picked: Awaited<ReturnType<typeof suggest>>) =>
      sessionBooker(booking, { actor, pairId, input: { start: picked.start, end: picked.end, venue: { kind: picked.venue.kind, ref: picked.venue.ref }, organizer: 'mentee' }, now: new Date() });

    // The first booking, without latency, warms up (tokens, compiled code) and splits the round trips.
    await admin('DELETE', 'stats');
    const picked = await suggest(pairs[0]!.id);
    const afterSuggest = await stats();
    await book(pairs[0]!.id, picked);
    const afterBook = await stats();

    await admin('POST', 'faults', { path: '.*', delayMs: latencyMs, count: 1_000_000 });
    await admin('DELETE', 'stats');
    const profiler = process.env.CPU_PROFILE ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const standInBefore = await standIn.cpuMs();
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (const pair of pairs.slice(1)) await book(pair.id, await suggest(pair.id));
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuBefore);
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      await writeFile(process.env.CPU_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }
    const standInCpuMs = (await standIn.cpuMs()) - standInBefore;
    const timed = await stats();
    await admin('DELETE', 'faults');

    const msPerBooking = elapsedMs / bookingsPerCount;
    rows.push({
      rooms: count,
      roomsRead,
      roundTrips: { suggest: afterSuggest.httpRequests, book: afterBook.httpRequests - afterSuggest.httpRequests, total: timed.httpRequests / bookingsPerCount },
      graphRequests: (timed.httpRequests - timed.batchCalls + timed.batchedRequests) / bookingsPerCount,
      cpuMsPerBooking: Math.round((cpu.user + cpu.system) / 1000 / bookingsPerCount),
      standInCpuMsPerBooking: Math.round(standInCpuMs / bookingsPerCount),
      msPerBooking: Math.round(msPerBooking),
      vsIdeal: Math.round((msPerBooking / (idealRoundTrips * latencyMs)) * 100) / 100,
    });
  }
  await database.drop();
  standIn.stop();

  const ideal = idealRoundTrips * latencyMs;
  console.log(`Booking a session (suggestions + book) for 2 people; ${latencyMs} ms simulated Graph latency; ${bookingsPerCount} bookings a row; database: ${engineName}`);
  console.log(`Ideal: ${idealRoundTrips} round trips × ${latencyMs} ms = ${ideal} ms a booking`);
  console.log('candidate rooms | rooms read | round trips (suggest + book) | Graph requests | service CPU a booking | stand-in CPU | time a booking | vs ideal');
  for (const r of rows) {
    const trips = `${r.roundTrips.total} (${r.roundTrips.suggest} + ${r.roundTrips.book})`;
    console.log(`${String(r.rooms).padStart(15)} | ${String(r.roomsRead).padStart(10)} | ${trips.padStart(28)} | ${String(r.graphRequests).padStart(14)} | ${`${r.cpuMsPerBooking} ms`.padStart(21)} | ${`${r.standInCpuMsPerBooking} ms`.padStart(12)} | ${`${r.msPerBooking} ms`.padStart(14)} | ${`${r.vsIdeal.toFixed(2)}x`.padStart(8)}`);
  }
  console.log('Round trips count Graph HTTP requests (a $batch once); the time includes the stand-in answering on the same two cores.');
  console.log(JSON.stringify({ bench: 'booking', latencyMs, idealRoundTrips, idealMs: ideal, database: engineName, bookingsPerCount, results: rows }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
