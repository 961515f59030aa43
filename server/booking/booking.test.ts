import { sql } from 'kysely';
import type { Event } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { createGraphGateway } from '../graph/graphGateway';
import { createGraphTokens } from '../graph/graphTokens';
import { aPair, aProgramme } from '../../test/harness/factories';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { startTestService, type TestService } from '../../test/harness/testService';
import { workingSpans } from '../../shared/scheduling';
import { readFreeBusy } from '../calendar/graphCalendar';
import { freshForMs } from './offers';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;
const stranger = DEMO_PERSONAS.juniorInLeadersChain.id;

interface Suggestion {
  start: string;
  end: string;
  venue: { kind: 'room' | 'offsite' | 'online'; ref: string | null; displayName: string };
  neutralityCode: string;
  fallback: boolean;
}

describe('booking a session through Microsoft Graph', () => {
  let service: TestService;
  let tenantId: string;
  // How far the service's clock runs ahead of the machine's: a test moves it past a suggestion's freshness.
  let ahead = 0;
  const staleSuggestions = () => {
    ahead += freshForMs + 1_000;
  };
  const mailOf = (id: string) => service.standIn.org.byId.get(id)!.user.mail.toLowerCase();

  beforeAll(async () => {
    service = await startTestService({ clock: () => new Date(Date.now() + ahead) });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service.close();
  });
  beforeEach(() => {
    service.standIn.faults.clear();
    service.standIn.stats.reset();
  });

  const newPair = async (programmeId?: string) => {
    const pair = await aPair(service.database.db, tenantId, { status: 'active', mentorUserId: mentor, menteeUserId: leader, ...(programmeId ? { programmeId } : {}) });
    // As the reporting-line sync leaves it: mail, office and city from Entra ID.
    for (const id of [leader, mentor]) {
      const { user } = service.standIn.org.byId.get(id)!;
      await service.database.db.updateTable('directory_users').set({ mail: user.mail, office_location: user.officeLocation, city: user.city }).where('user_id', '=', id).execute();
    }
    return pair;
  };
  const sessionRows = async (pairId: string) => service.database.db.selectFrom('sessions').selectAll().where('pair_id', '=', pairId).execute();
  const suggestions = async (pairId: string, mode = 'in-person', as: string = leader) => {
    const response = await service.api('GET', `/api/pairs/${pairId}/booking/suggestions?mode=${mode}`, { as });
    expect(response.status).toBe(200);
    return response.body.suggestions as Suggestion[];
  };
  const book = (pairId: string, s: Suggestion, as: string = leader) =>
    service.api('POST', `/api/pairs/${pairId}/sessions`, { as, body: { start: s.start, end: s.end, venue: { kind: s.venue.kind, ref: s.venue.ref } } });
  const eventOf = async (mailboxId: string, eventId: string): Promise<Event> => {
    const token = await service.standIn.issueAppToken();
    const response = await fetch(`${service.standIn.graphBaseUrl}/users/${mailboxId}/events/${encodeURIComponent(eventId)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as Event;
  };

  // First: the service keeps a mailbox's language ten minutes, so no earlier test may have read these two people's.
  it('words the invitation in the language of the partner who receives it (their mailbox setting), with the booker’s language beside it, and in the Teams locale the bot last saw when the mailbox has none', async () => {
    const mailbox = (id: string) => service.standIn.org.byId.get(id)!.mailboxSettings;
    const saved = { leader: mailbox(leader).language, mentor: mailbox(mentor).language };
    try {
      // The mentor (who books) reads Outlook in German; the leader (the partner, who receives it) has no language set at first.
      mailbox(mentor).language = { locale: 'de-DE', displayName: 'Deutsch (Deutschland)' };
      delete mailbox(leader).language;
      const pair = await newPair();
      const [first, second] = await suggestions(pair.id, 'online');
      const link = `${service.deps.config.publicBaseUrl}/tab/index.html#/workspace`;
      const eventOfSession = async (start: string) => {
        const row = (await sessionRows(pair.id)).find((r) => r.starts_at.getTime() === Date.parse(start))!;
        return eventOf(row.organizer_user_id!, row.event_id!);
      };
      // No language in the leader's mailbox (read with the suggestions): the locale Teams gave the bot for them.
      const reference = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: `a:${leader}`, tenantId }, user: { id: `29:${leader}`, aadObjectId: leader }, locale: 'de-AT' };
      await service.database.db
        .insertInto('conversation_references')
        .values({ tenant_id: tenantId, user_id: leader, reference: JSON.stringify(reference), updated_at: new Date() })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ reference: JSON.stringify(reference) }))
        .execute();
      expect((await book(pair.id, second!, mentor)).status).toBe(201);
      const inGerman = await eventOfSession(second!.start);
      expect(inGerman.subject).toBe('Upward-Termin');
      expect((inGerman.body?.content ?? '').match(/<p lang="[^"]+">/g)).toEqual(['<p lang="de-AT">']);
      // Then the leader sets Outlook to French (a fallback is never kept, so it is read afresh).
      mailbox(leader).language = { locale: 'fr-FR', displayName: 'français (France)' };
      expect((await book(pair.id, first!, mentor)).status).toBe(201);
      const inFrench = await eventOfSession(first!.start);
      expect(inFrench.subject).toBe('Séance Upward');
      const paragraphs = (inFrench.body?.content ?? '').match(/<p lang="[^"]+">[^<]*/g) ?? [];
      expect(paragraphs).toEqual([
        '<p lang="fr-FR">L’ordre du jour, les notes et les enseignements se trouvent dans votre espace de travail Upward privé : ',
        '<p lang="de-DE">Tagesordnung, Notizen und Erkenntnisse finden Sie in Ihrem privaten Upward-Arbeitsbereich: ',
      ]);
      expect(inFrench.body?.content).toContain(`<a href="${link}">`);
      // The API names the subject the partner received, for the booker's pane and the appointment it fills.
      for (const as of [mentor, leader]) {
        const [listed] = (await service.api('GET', `/api/pairs/${pair.id}/sessions`, { as })).body.sessions;
        expect([listed.subject, listed.invitation.subject]).toEqual(['Séance Upward', 'Séance Upward']);
      }
      // Before booking, the mentor is shown the subject their partner will receive.
      expect((await service.api('GET', `/api/pairs/${pair.id}/booking/suggestions?mode=online`, { as: mentor })).body.subject).toBe('Séance Upward');
    } finally {
      mailbox(leader).language = saved.leader;
      mailbox(mentor).language = saved.mentor;
      // Past the ten minutes a mailbox language is kept, so later tests read these two afresh.
      ahead += 11 * 60_000;
      await service.database.db.deleteFrom('conversation_references').where('tenant_id', '=', tenantId).where('user_id', '=', leader).execute();
    }
  });

  it('suggests times in both working days with a neutral place and says why, to the two members only', async () => {
    const pair = await newPair();
    const list = await suggestions(pair.id);
    expect(list.length).toBeGreaterThan(3);
    for (const s of list) {
      expect(s.venue.kind).not.toBe('online');
      expect(s.neutralityCode).toMatch(/^(room-other-building|room-other-floor-fallback|offsite-listed)$/);
      expect(s).not.toHaveProperty('neutrality');
      expect(s).not.toHaveProperty('why');
    }
    const room = list.find((s) => s.venue.kind === 'room')!;
    // The personas work in Thames House and King's Cross Hub: a room there is a labelled fallback, never a boardroom.
    expect(room.fallback).toBe(true);
    expect(room.venue.displayName).not.toMatch(/Boardroom/);
    expect((await service.api('GET', `/api/pairs/${pair.id}/booking/suggestions`, { as: mentor })).status).toBe(200);
    for (const outsider of [admin, stranger]) {
      expect((await service.api('GET', `/api/pairs/${pair.id}/booking/suggestions`, { as: outsider })).status).toBe(404);
      expect((await book(pair.id, room, outsider)).status).toBe(404);
    }
  });

  it('suggests times for a mentor whose working hours are in a custom time zone, inside those hours by its own daylight rules', async () => {
    const custom = service.standIn.org.people.find((p) => typeof (p.mailboxSettings.workingHours?.timeZone as { bias?: number } | undefined)?.bias === 'number')!;
    const pair = await aPair(service.database.db, tenantId, { status: 'active', mentorUserId: custom.user.id, menteeUserId: leader });
    for (const id of [leader, custom.user.id]) {
      const { user } = service.standIn.org.byId.get(id)!;
      await service.database.db.updateTable('directory_users').set({ mail: user.mail, office_location: user.officeLocation, city: user.city }).where('user_id', '=', id).execute();
    }
    const list = await suggestions(pair.id);
    expect(list.length).toBeGreaterThan(0);
    // The custom zone states the rules of the person's building zone; both must agree on every slot.
    const hours = custom.mailboxSettings.workingHours!;
    const building = service.standIn.org.buildings.find((b) => b.id === custom.buildingId)!;
    const named = { daysOfWeek: hours.daysOfWeek!, startTime: hours.startTime!, endTime: hours.endTime!, timeZone: { name: building.timeZone } };
    for (const s of list) {
      const start = Date.parse(s.start);
      const end = Date.parse(s.end);
      const inside = workingSpans(named, start - 86_400_000, end + 86_400_000).some((w) => w.start <= start && w.end >= end);
      expect({ start: s.start, inside }).toEqual({ start: s.start, inside: true });
    }
  });

  it('never suggests a time taken by an occurrence of a recurring meeting, only by its first one', async () => {
    const pair = await newPair();
    const before = await suggestions(pair.id);
    const dayOf = (iso: string) => iso.slice(0, 10);
    const firstDay = dayOf(before[0]!.start);
    // A time offered on a later day: a daily series from the first day at that time of day reaches it only through its occurrences.
    const later = before.find((s) => dayOf(s.start) > firstDay)!;
    const timeOfDay = later.start.slice(11, 19);
    const minutes = (Date.parse(later.end) - Date.parse(later.start)) / 60_000;
    const token = await service.standIn.issueAppToken();
    const graph = (method: string, path: string, body?: unknown) =>
      fetch(`${service.standIn.graphBaseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const start = new Date(`${firstDay}T${timeOfDay}Z`);
    const created = await graph('POST', `/users/${leader}/events`, {
      subject: 'Daily operations call',
      start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + minutes * 60_000).toISOString().slice(0, 19), timeZone: 'UTC' },
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: firstDay, numberOfOccurrences: 14 } },
    });
    expect(created.status).toBe(201);
    const series = (await created.json()) as Event;
    try {
      const after = await suggestions(pair.id);
      expect(after.length).toBeGreaterThan(0);
      const occurrences = Array.from({ length: 14 }, (_, day) => start.getTime() + day * 86_400_000);
      const overlapping = after.filter((s) => occurrences.some((at) => Date.parse(s.start) < at + minutes * 60_000 && Date.parse(s.end) > at));
      expect(overlapping).toEqual([]);
      expect(after.some((s) => s.start === later.start)).toBe(false);
    } finally {
      await graph('DELETE', `/users/${leader}/events/${series.id!}`);
    }
  });

  it('books a private event with a neutral subject, both people required and the room as a resource, and stores the session', async () => {
    const pair = await newPair();
    const room = (await suggestions(pair.id)).find((s) => s.venue.kind === 'room')!;
    const before = service.standIn.eventCount(leader);
    const booked = await book(pair.id, room, mentor);
    expect(booked.status).toBe(201);
    expect([Date.parse(booked.body.startsAt), Date.parse(booked.body.endsAt)]).toEqual([Date.parse(room.start), Date.parse(room.end)]);
    expect(booked.body).toMatchObject({ status: 'planned', subject: 'Upward session', venue: { kind: 'room', displayName: room.venue.displayName } });
    expect(service.standIn.eventCount(leader)).toBe(before + 1);

    const [row] = await sessionRows(pair.id);
    expect(row).toMatchObject({ organizer_user_id: leader, status: 'planned' });
    const event = await eventOf(leader, row!.event_id!);
    expect(event.subject).toBe('Upward session');
    expect(event.sensitivity).toBe('private');
    expect(event.body?.content).toContain(`${service.deps.config.publicBaseUrl}/tab/index.html#/workspace`);
    const attendees = (event.attendees ?? []).map((a) => ({ address: a.emailAddress?.address?.toLowerCase(), type: a.type }));
    expect(attendees).toEqual(
      expect.arrayContaining([
        { address: mailOf(leader), type: 'required' },
        { address: mailOf(mentor), type: 'required' },
        { address: room.venue.ref!.toLowerCase(), type: 'resource' },
      ]),
    );
    expect(event.attendees?.find((a) => a.type === 'resource')?.status?.response).toBe('accepted');

    const workspace = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: mentor });
    expect(workspace.body.upcomingSessions.map((s: { id: string }) => s.id)).toContain(booked.body.id);
  });

  it('books one event and one session when the same time is asked twice, one after the other or at once, and refuses the second naming the first', async () => {
    const pair = await newPair();
    const [first, second] = (await suggestions(pair.id)).filter((s) => s.venue.kind === 'room');
    const before = service.standIn.eventCount();
    const one = await book(pair.id, first!);
    const again = await book(pair.id, first!, mentor);
    expect([one.status, again.status]).toEqual([201, 409]);
    expect(again.body.code).toBe('sessionExists');
    expect(again.body.detail).toContain(`at ${first!.venue.displayName}`);
    expect(again.body.detail).toMatch(/^Your Upward session on \w+,? \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC at /);
    // The time is worded in the reader's language and formats, still in UTC.
    const start = new Date(first!.start);
    const inGerman = await service.api('POST', `/api/pairs/${pair.id}/sessions`, {
      as: mentor,
      body: { start: first!.start, end: first!.end, venue: { kind: first!.venue.kind, ref: first!.venue.ref } },
      headers: { 'accept-language': 'de-DE' },
    });
    const germanDay = new Intl.DateTimeFormat('de-DE', { dateStyle: 'full', timeZone: 'UTC' }).format(start);
    const germanTime = new Intl.DateTimeFormat('de-DE', { timeStyle: 'short', timeZone: 'UTC' }).format(start);
    expect(inGerman.body.detail).toBe(
      `Ihr Upward-Termin am ${germanDay} um ${germanTime} UTC in ${first!.venue.displayName} ist für diese Zeit bereits gebucht. Es wurde nichts Neues gebucht: Verschieben Sie diesen Termin oder sagen Sie ihn ab, statt einen weiteren zu buchen.`,
    );
    expect(again.body.session).toMatchObject({ id: one.body.id, status: 'planned' });
    expect(Date.parse(again.body.session.startsAt)).toBe(Date.parse(first!.start));

    const together = await Promise.all([book(pair.id, second!), book(pair.id, second!)]);
    expect(together.map((r) => r.status).sort()).toEqual([201, 409]);
    const [won, lost] = together[0]!.status === 201 ? together : [together[1]!, together[0]!];
    expect(lost!.body.session.id).toBe(won!.body.id);
    expect(service.standIn.eventCount()).toBe(before + 2);
    expect(await sessionRows(pair.id)).toHaveLength(2);
  });

  it('refuses a booking overlapping a planned session of the pair, and books the time again once that session is cancelled', async () => {
    const pair = await newPair();
    const [first] = (await suggestions(pair.id)).filter((s) => s.venue.kind === 'room');
    const one = await book(pair.id, first!);
    const halfLater = { ...first!, start: new Date(Date.parse(first!.start) + 30 * 60_000).toISOString(), end: new Date(Date.parse(first!.end) + 30 * 60_000).toISOString() };
    const overlapping = await book(pair.id, halfLater);
    expect(overlapping.status).toBe(409);
    expect(overlapping.body).toMatchObject({ code: 'sessionExists', session: { id: one.body.id } });
    expect((await service.api('POST', `/api/pairs/${pair.id}/sessions/${one.body.id}/cancel`, { as: leader })).status).toBe(200);
    expect((await book(pair.id, first!)).status).toBe(201);
  });

  it('lists the pair’s upcoming sessions with the place, the invitation the partner receives and whether the caller can change it, never offering their times again', async () => {
    const pair = await newPair();
    const list = await suggestions(pair.id);
    const booked = await book(pair.id, list[0]!);
    const asMentor = await service.api('GET', `/api/pairs/${pair.id}/sessions`, { as: mentor });
    expect(asMentor.status).toBe(200);
    expect(asMentor.body.sessions).toEqual([
      expect.objectContaining({
        id: booked.body.id,
        startsAt: new Date(list[0]!.start).toISOString(),
        status: 'planned',
        venue: { kind: list[0]!.venue.kind, displayName: list[0]!.venue.displayName, roomDeclined: false },
        subject: 'Upward session',
        invitation: { subject: 'Upward session', organizer: 'partner', partner: { displayName: expect.any(String) }, private: true },
        canChange: true,
      }),
    ]);
    const asLeader = await service.api('GET', `/api/pairs/${pair.id}/sessions`, { as: leader });
    expect(asLeader.body.sessions[0].invitation.organizer).toBe('me');
    const directoryName = async (id: string) => (await service.database.db.selectFrom('directory_users').select('display_name').where('user_id', '=', id).executeTakeFirstOrThrow()).display_name;
    expect(asLeader.body.sessions[0].invitation.partner.displayName).toBe(await directoryName(mentor));
    expect(asMentor.body.sessions[0].invitation.partner.displayName).toBe(await directoryName(leader));
    for (const outsider of [admin, stranger]) expect((await service.api('GET', `/api/pairs/${pair.id}/sessions`, { as: outsider })).status).toBe(404);

    const again = await suggestions(pair.id);
    const booking = { start: Date.parse(list[0]!.start), end: Date.parse(list[0]!.end) };
    expect(again.some((s) => Date.parse(s.start) < booking.end && Date.parse(s.end) > booking.start)).toBe(false);
  });

  it('explains an empty list: the coming session and when the next is due (cadence), and, when moving that session, offers times again', async () => {
    // A programme meeting every 60 days: nothing in the next fortnight may sit within 30 days of a booked session.
    const programme = await aProgramme(service.database.db, tenantId, { settings: { ...defaultProgrammeSettings, cadenceDays: 60 } });
    const pair = await newPair(programme.id);
    const [first] = await suggestions(pair.id);
    const booked = await book(pair.id, first!);
    const response = await service.api('GET', `/api/pairs/${pair.id}/booking/suggestions?mode=in-person`, { as: leader });
    expect(response.body.suggestions).toEqual([]);
    const utc = (ms: number) => new Date(ms).toISOString().replace('.000', '');
    expect(response.body.noSlot).toEqual({ reason: 'cadence', session: utc(Date.parse(first!.start)), retryFrom: utc(Date.parse(first!.start) + 30 * 86_400_000) });
    const moving = await service.api('GET', `/api/pairs/${pair.id}/booking/suggestions?mode=in-person&reschedule=${booked.body.id}`, { as: leader });
    expect(moving.body.suggestions.length).toBeGreaterThan(0);
    expect(moving.body.noSlot).toBeNull();
  });

  it('leads with neutral places and puts labelled fallback rooms after them; gives an off-site venue’s address and the workspace link for filling an appointment', async () => {
    const offsiteVenues = [{ id: 'riverside-cafe', name: 'Riverside Café', address: '12 Bankside, London', notes: '' }];
    const programme = await aProgramme(service.database.db, tenantId, { details: { charterText: 'Charter', guides: { mentor: 'm', mentee: 'l' }, venuePolicy: { allowRooms: true, allowOnline: true, offsiteVenues } } });
    const withCafe = await service.api('GET', `/api/pairs/${(await newPair(programme.id)).id}/booking/suggestions?mode=offsite`, { as: leader });
    expect(withCafe.body.suggestions[0].venue).toEqual({ kind: 'offsite', ref: 'riverside-cafe', displayName: 'Riverside Café', address: '12 Bankside, London' });
    expect(withCafe.body.workspaceUrl).toMatch(/\/tab\/index\.html#\/workspace$/);

    const pair = await newPair();
    const list = await suggestions(pair.id, 'room');
    const firstFallback = list.findIndex((s) => s.fallback);
    expect(list.slice(firstFallback === -1 ? list.length : firstFallback).every((s) => s.fallback)).toBe(true);
    for (const s of list.filter((x) => x.fallback)) expect(s.neutralityCode).toBe('room-other-floor-fallback');
  });

  it('survives Graph throttling (429 with Retry-After) on free/busy and on the event, resending only what failed', async () => {
    const pair = await newPair();
    const getSchedule = `POST /users/${leader}/calendar/getSchedule`;
    await suggestions(pair.id);
    service.standIn.stats.reset();
    await suggestions(pair.id);
    const steps = service.standIn.stats.get().byPath[getSchedule]!;
    service.standIn.stats.reset();
    service.standIn.faults.add({ path: '/calendar/getSchedule$', status: 429, retryAfterSeconds: 1, count: 1 });
    const list = await suggestions(pair.id);
    const stats = service.standIn.stats.get();
    expect(stats.batchCalls).toBe(2);
    // Every getSchedule step once, then only the throttled one again.
    expect(stats.byPath[getSchedule]).toBe(steps + 1);

    service.standIn.faults.add({ path: '/events$', method: 'POST', status: 429, retryAfterSeconds: 1, count: 1 });
    const before = service.standIn.eventCount();
    const booked = await book(pair.id, list[0]!);
    expect(booked.status).toBe(201);
    expect(service.standIn.eventCount()).toBe(before + 1);
  });

  it('answers 503 with Graph’s Retry-After when Graph keeps throttling, and books nothing', async () => {
    const pair = await newPair();
    const list = await suggestions(pair.id);
    // A suggestion shown a while ago is looked at again before booking (a fresh one is not).
    staleSuggestions();
    service.standIn.faults.add({ path: '/calendar/getSchedule$', status: 429, retryAfterSeconds: 1, count: 20 });
    const before = service.standIn.eventCount();
    const refused = await book(pair.id, list[0]!);
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('upstreamUnavailable');
    expect(refused.headers.get('retry-after')).toBe('1');
    const throttled = await service.api('GET', `/api/pairs/${pair.id}/booking/suggestions?mode=in-person`, { as: leader });
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([503, '1']);
    expect(service.standIn.eventCount()).toBe(before);
    expect(await sessionRows(pair.id)).toHaveLength(0);
  });

  it('reads free/busy for 2 people and 40 rooms in exactly one $batch round trip', async () => {
    const graph = createGraphGateway({ baseUrl: service.standIn.graphBaseUrl, tokens: createGraphTokens({ authorityHost: service.standIn.url, clientId: service.standIn.clientId, credential: service.deps.config.entra.credential }) });
    const rooms = service.standIn.org.rooms.slice(0, 40).map((r) => r.emailAddress);
    const session = graph.forApp(tenantId);
    service.standIn.stats.reset();
    const from = new Date(Date.now() + 86_400_000).toISOString();
    const freeBusy = await readFreeBusy(session, { calendarUserId: leader, schedules: [mailOf(leader), mailOf(mentor), ...rooms], from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString() });
    expect(freeBusy.busy.size).toBe(42);
    expect(freeBusy.workingHours.has(mailOf(leader))).toBe(true);
    expect(service.standIn.stats.get()).toMatchObject({ httpRequests: 1, batchCalls: 1, batchedRequests: 3 });
  });

  it('answers suggestions with one Graph round trip once rooms are cached', async () => {
    const pair = await newPair();
    await suggestions(pair.id);
    service.standIn.stats.reset();
    await suggestions(pair.id);
    const stats = service.standIn.stats.get();
    expect(stats).toMatchObject({ httpRequests: 1, batchCalls: 1 });
  });

  it('books a suggestion shown a moment ago in one Graph request, the create: its free/busy and both mailbox languages came with the suggestions', async () => {
    const pair = await newPair();
    const room = (await suggestions(pair.id)).find((s) => s.venue.kind === 'room')!;
    service.standIn.stats.reset();
    expect((await book(pair.id, room)).status).toBe(201);
    expect(service.standIn.stats.get()).toMatchObject({ httpRequests: 1, batchCalls: 0, byPath: { [`POST /users/${leader}/events`]: 1 } });

    // Shown a while ago (and past the ten minutes a mailbox language is kept): free/busy is looked
    // at again before the create, the languages read beside that look.
    const later = await newPair();
    const [slot] = await suggestions(later.id);
    ahead += 11 * 60_000;
    service.standIn.stats.reset();
    expect((await book(later.id, slot!)).status).toBe(201);
    expect(service.standIn.stats.get().byPath).toMatchObject({
      [`POST /users/${leader}/calendar/getSchedule`]: 1,
      [`GET /users/${leader}/mailboxSettings`]: 1,
      [`GET /users/${mentor}/mailboxSettings`]: 1,
      [`POST /users/${leader}/events`]: 1,
    });
  });

  it('says the room was taken meanwhile (409) with the next suggestion, and leaves nothing half-booked', async () => {
    const pair = await newPair();
    const room = (await suggestions(pair.id)).find((s) => s.venue.kind === 'room')!;
    // Someone else books the same room for the same time, straight in Outlook.
    const token = await service.standIn.issueAppToken();
    const other = DEMO_PERSONAS.programmeAdmin.id;
    const taken = await fetch(`${service.standIn.graphBaseUrl}/users/${other}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: 'Budget review',
        start: { dateTime: room.start.replace('Z', ''), timeZone: 'UTC' },
        end: { dateTime: room.end.replace('Z', ''), timeZone: 'UTC' },
        attendees: [{ type: 'resource', emailAddress: { address: room.venue.ref } }],
      }),
    });
    expect(taken.status).toBe(201);
    // The person books it a while later: the suggestion is stale, so free/busy is looked at again.
    staleSuggestions();
    const before = service.standIn.eventCount(leader);

    const refused = await book(pair.id, room);
    if (refused.status !== 409) console.log('DEBUG', JSON.stringify(refused.body));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('roomTaken');
    expect(refused.body.next).toMatchObject({ start: expect.any(String), venue: { kind: expect.any(String) } });
    // The next suggestion is shaped as the suggestion list shapes one, so the pane books it as it is.
    expect(Object.keys(refused.body.next).sort()).toEqual(Object.keys(room).sort());
    expect(Object.keys(refused.body.next.venue).sort()).toEqual(Object.keys(room.venue).sort());
    expect(refused.body.next.start === room.start && refused.body.next.venue.ref === room.venue.ref).toBe(false);
    expect(service.standIn.eventCount(leader)).toBe(before);
    expect(await sessionRows(pair.id)).toHaveLength(0);

    expect((await book(pair.id, refused.body.next)).status).toBe(201);
  });

  it('cancels the event again when the session cannot be stored, so no event is left without a session', async () => {
    const pair = await newPair();
    const [slot] = await suggestions(pair.id);
    const { db } = service.database;
    await sql.raw(`create function refuse_session() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`).execute(db);
    await sql.raw('create trigger refuse_session before insert on sessions for each row execute function refuse_session()').execute(db);
    const before = service.standIn.eventCount();
    try {
      const failed = await book(pair.id, slot!);
      expect(failed.status).toBe(500);
      expect(service.standIn.eventCount()).toBe(before);
      expect(service.standIn.stats.get().byPath).toMatchObject({ [`POST /users/${leader}/events`]: 1 });
      expect(Object.keys(service.standIn.stats.get().byPath).some((k) => k.endsWith('/cancel'))).toBe(true);
    } finally {
      await sql.raw('drop trigger refuse_session on sessions').execute(db);
      await sql.raw('drop function refuse_session()').execute(db);
    }
    expect(await sessionRows(pair.id)).toHaveLength(0);
    expect((await book(pair.id, slot!)).status).toBe(201);
  });

  it('books an online session as a Teams meeting and keeps its join link', async () => {
    const pair = await newPair();
    const [online] = await suggestions(pair.id, 'online');
    expect(online!.venue.kind).toBe('online');
    const booked = await book(pair.id, online!);
    expect(booked.status).toBe(201);
    expect(booked.body.joinUrl).toMatch(/^https:\/\//);
    const [row] = await sessionRows(pair.id);
    const event = await eventOf(leader, row!.event_id!);
    expect(event).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', sensitivity: 'private', subject: 'Upward session' });
  });

  it('refuses a place that is not neutral for the pair', async () => {
    const pair = await newPair();
    const boardroom = service.standIn.org.rooms.find((r) => r.displayName === 'Thames House Boardroom')!;
    const [slot] = await suggestions(pair.id);
    const refused = await service.api('POST', `/api/pairs/${pair.id}/sessions`, { as: leader, body: { start: slot!.start, end: slot!.end, venue: { kind: 'room', ref: boardroom.emailAddress } } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('venueNotAllowed');
  });

  it('moves a session by updating its event, and cancels it through Graph', async () => {
    const pair = await newPair();
    const list = (await suggestions(pair.id)).filter((s) => s.venue.kind === 'room');
    const booked = await book(pair.id, list[0]!);
    const [row] = await sessionRows(pair.id);
    const later = { start: new Date(Date.parse(list[0]!.start) + 3_600_000).toISOString(), end: new Date(Date.parse(list[0]!.end) + 3_600_000).toISOString() };

    const moved = await service.api('PATCH', `/api/pairs/${pair.id}/sessions/${booked.body.id}`, { as: mentor, body: later });
    if (moved.status === 409) {
      expect(moved.body.code).toMatch(/roomTaken|slotTaken/);
    } else {
      expect(moved.status).toBe(200);
      expect(moved.body.startsAt).toBe(later.start);
      const event = await eventOf(leader, row!.event_id!);
      expect(Date.parse(`${event.start!.dateTime}Z`)).toBe(Date.parse(later.start));
    }

    const before = service.standIn.eventCount(leader);
    const cancelled = await service.api('POST', `/api/pairs/${pair.id}/sessions/${booked.body.id}/cancel`, { as: leader });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(service.standIn.eventCount(leader)).toBe(before - 1);
    expect((await service.api('POST', `/api/pairs/${pair.id}/sessions/${booked.body.id}/cancel`, { as: leader })).status).toBe(409);
  });
});
