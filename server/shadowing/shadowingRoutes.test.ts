import type { Event } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { aPair, aProgramme } from '../../test/harness/factories';
import { graphGatewayFor } from '../../test/harness/m365';
import { startTestService, type TestService } from '../../test/harness/testService';
import type { GraphSession } from '../graph/graphGateway';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;
const stranger = DEMO_PERSONAS.juniorInLeadersChain.id;

/*
 * Shadowing against the Graph stand-in: the mentee offers a meeting they organise, the mentor
 * accepts and is invited as an optional attendee with everyone else kept, and their observations
 * stay theirs until they share them.
 */
describe('shadowing API', () => {
  let service: TestService;
  let graph: GraphSession;
  let tenantId: string;
  let now = new Date();
  const person = (id: string) => service.standIn.org.byId.get(id)!.user;

  beforeAll(async () => {
    service = await startTestService({ clock: () => now, env: { UPWARD_ANONYMITY_FLOOR: '3' } });
    tenantId = service.standIn.tenantId.toLowerCase();
    graph = graphGatewayFor(service.standIn).forApp(service.standIn.tenantId);
  });
  afterAll(async () => {
    await service.close();
  });

  /** A meeting the leader organises with two colleagues, days from now. */
  async function aMeeting(subject: string, days: number): Promise<Event> {
    const start = new Date(Date.now() + days * 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    const colleagues = service.standIn.org.people.slice(40, 42).map((p) => p.user);
    return graph.send<Event>('POST', `/users/${leader}/events`, {
      subject,
      body: { contentType: 'html', content: '<p>Quarterly numbers.</p>' },
      start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + 3_600_000).toISOString().slice(0, 19), timeZone: 'UTC' },
      attendees: colleagues.map((c) => ({ type: 'required', emailAddress: { address: c.mail, name: c.displayName } })),
    });
  }

  it('lists the mentee’s own meetings, offers one, and the mentor accepts as an optional attendee with everyone else kept', async () => {
    now = new Date();
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: mentor, menteeUserId: leader });
    const meeting = await aMeeting('Quarterly review', 3);

    const listed = await service.api('GET', `/api/pairs/${pair.id}/shadowing/meetings`, { as: leader });
    expect(listed.status).toBe(200);
    expect(listed.body.meetings).toContainEqual(expect.objectContaining({ eventId: meeting.id, subject: 'Quarterly review', attendees: 2 }));
    expect(listed.body.meetings.every((m: { start: string }) => m.start >= now.toISOString())).toBe(true);

    const offered = await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers`, { as: leader, body: { eventId: meeting.id, note: 'Jun joins to observe how we run reviews.' } });
    expect(offered.status).toBe(201);
    const offer = offered.body.offers[0];
    expect(offer).toMatchObject({ eventId: meeting.id, subject: 'Quarterly review', status: 'offered', note: 'Jun joins to observe how we run reviews.', observations: null });
    expect((await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers`, { as: leader, body: { eventId: meeting.id } })).status).toBe(409);
    expect((await service.api('GET', `/api/pairs/${pair.id}/shadowing/meetings`, { as: leader })).body.meetings.map((m: { eventId: string }) => m.eventId)).not.toContain(meeting.id);

    const accepted = await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/accept`, { as: mentor });
    expect(accepted.status).toBe(200);
    expect(accepted.body.offers[0]).toMatchObject({ status: 'accepted', answeredAt: now.toISOString() });

    const event = await graph.get<Event>(`/users/${leader}/events/${meeting.id}?$select=attendees,body`);
    const attendees = (event.attendees ?? []).map((a) => ({ address: a.emailAddress?.address?.toLowerCase(), type: a.type }));
    expect(attendees).toEqual([
      ...(meeting.attendees ?? []).map((a) => ({ address: a.emailAddress?.address?.toLowerCase(), type: 'required' })),
      { address: person(mentor).mail.toLowerCase(), type: 'optional' },
    ]);
    // The note heads the description, the organizer's text kept below it; with the description changed, everyone is told.
    expect(event.body?.content).toBe('<p>Jun joins to observe how we run reviews.</p><p>Quarterly numbers.</p>');
    const update = service.standIn.meetingUpdates(leader).find((u) => u.eventId === meeting.id)!;
    expect(update.to).toHaveLength(3);

    expect((await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/accept`, { as: mentor })).status).toBe(409);
  });

  it('without a note only the mentor is told, and a meeting gone from the calendar is a conflict, not a failure', async () => {
    now = new Date();
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: mentor, menteeUserId: leader });
    const quiet = await aMeeting('Budget check-in', 4);
    const gone = await aMeeting('Offsite planning', 5);
    const offers = async () => (await service.api('GET', `/api/pairs/${pair.id}/shadowing`, { as: mentor })).body.offers as { id: string; eventId: string }[];
    await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers`, { as: leader, body: { eventId: quiet.id } });
    await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers`, { as: leader, body: { eventId: gone.id } });
    const [quietOffer, goneOffer] = await offers();

    expect((await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${quietOffer!.id}/accept`, { as: mentor })).status).toBe(200);
    expect(service.standIn.meetingUpdates(leader).filter((u) => u.eventId === quiet.id).map((u) => u.to)).toEqual([[person(mentor).mail.toLowerCase()]]);

    await graph.send('POST', `/users/${leader}/events/${gone.id}/cancel`, { comment: 'Postponed' });
    const refused = await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${goneOffer!.id}/accept`, { as: mentor });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'conflict' });
    expect((await offers()).find((o) => o.id === goneOffer!.id)).toMatchObject({ status: 'offered' });
  });

  it('keeps the mentor’s observations from the mentee until shared, then puts a debrief on the next agenda', async () => {
    now = new Date();
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: mentor, menteeUserId: leader });
    const meeting = await aMeeting('Town hall rehearsal', 2);
    const offer = (await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers`, { as: leader, body: { eventId: meeting.id } })).body.offers[0];
    const observations = { saw: 'Slides were read aloud.', effect: 'People checked their phones.', tryNext: 'Start with one question for the room.' };
    const observe = () => service.api('PUT', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/observations`, { as: mentor, body: observations });

    expect((await observe()).body.code).toBe('conflict');
    await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/accept`, { as: mentor });
    const early = await observe();
    expect(early.status).toBe(409);

    now = new Date(Date.now() + 3 * 86_400_000);
    const written = await observe();
    expect(written.status).toBe(200);
    expect(written.body.offers[0].observations).toMatchObject({ ...observations, sharedAt: null });

    const menteeView = await service.api('GET', `/api/pairs/${pair.id}/shadowing`, { as: leader });
    expect(menteeView.body.offers[0]).toMatchObject({ status: 'accepted', observations: null });
    expect(JSON.stringify(menteeView.body)).not.toContain('Slides were read aloud');
    expect((await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/observations/share`, { as: leader })).status).toBe(403);
    const menteeWrites = await service.api('PUT', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/observations`, { as: leader, body: observations });
    expect({ status: menteeWrites.status, code: menteeWrites.body.code }).toEqual({ status: 403, code: 'notYourRole' });
    const workspace = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader });
    expect(JSON.stringify(workspace.body)).not.toContain('Slides were read aloud');

    const shared = await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/observations/share`, { as: mentor });
    expect(shared.status).toBe(200);
    expect((await service.api('GET', `/api/pairs/${pair.id}/shadowing`, { as: leader })).body.offers[0].observations).toEqual({ ...observations, observedAt: now.toISOString(), sharedAt: now.toISOString() });
    await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/observations/share`, { as: mentor });
    const agenda = (await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader })).body.agenda as { text: string }[];
    expect(agenda.filter((i) => i.text === 'Shadowing debrief: Town hall rehearsal')).toHaveLength(1);
  });

  it('refuses the wrong role, hides the pair from strangers and admins, and refuses a meeting the mentee does not organise', async () => {
    now = new Date();
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: mentor, menteeUserId: leader });
    const meeting = await aMeeting('Strategy sync', 6);
    expect((await service.api('GET', `/api/pairs/${pair.id}/shadowing/meetings`, { as: mentor })).status).toBe(403);
    expect((await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers`, { as: mentor, body: { eventId: meeting.id } })).status).toBe(403);
    const offer = (await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers`, { as: leader, body: { eventId: meeting.id } })).body.offers[0];
    const menteeAccepts = await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/accept`, { as: leader });
    expect({ status: menteeAccepts.status, code: menteeAccepts.body.code }).toEqual({ status: 403, code: 'notYourRole' });
    for (const outsider of [stranger, admin]) {
      expect((await service.api('GET', `/api/pairs/${pair.id}/shadowing`, { as: outsider })).status).toBe(404);
      expect((await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers/${offer.id}/accept`, { as: outsider })).status).toBe(404);
    }
    // The mentor's own meeting is not the mentee's to offer.
    const notMine = await graph.send<Event>('POST', `/users/${mentor}/events`, {
      subject: 'Not the leader’s',
      start: { dateTime: new Date(Date.now() + 86_400_000).toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(Date.now() + 90_000_000).toISOString().slice(0, 19), timeZone: 'UTC' },
      attendees: [{ type: 'required', emailAddress: { address: person(leader).mail } }],
    });
    const refused = await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers`, { as: leader, body: { eventId: notMine.id } });
    expect({ status: refused.status, fields: refused.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['eventId'] });
    expect((await service.api('POST', `/api/pairs/${pair.id}/shadowing/offers`, { as: leader, body: { eventId: '../../me' } })).status).toBe(400);
  });

  it('counts offers and shadowed meetings for admins only when enough pairs make them up', async () => {
    now = new Date();
    const programme = await aProgramme(service.database.db, tenantId, { settings: { ...defaultProgrammeSettings, anonymityThreshold: 3 } });
    const counts = async () => (await service.api('GET', `/api/programmes/${programme.id}/insight/shadowing`, { as: admin })).body;
    const people = service.standIn.org.people.slice(60, 66).map((p) => p.user.id);
    const offerIn = async (i: number) => {
      const pair = await aPair(service.database.db, tenantId, { programmeId: programme.id, mentorUserId: people[2 * i], menteeUserId: people[2 * i + 1] });
      const start = new Date(Date.now() + (i + 1) * 86_400_000);
      await service.database.db
        .insertInto('shadowing_offers')
        .values({ tenant_id: tenantId, id: crypto.randomUUID(), pair_id: pair.id, programme_id: programme.id, event_id: `AAMkAGcountedMeeting0${i}`, subject: 'Stand-up', starts_at: start, ends_at: start, note: null, status: i < 2 ? 'accepted' : 'offered', offered_at: now })
        .execute();
    };
    await offerIn(0);
    await offerIn(1);
    expect(await counts()).toEqual({ offers: null, shadowed: null, threshold: 3 });
    await offerIn(2);
    // Three pairs offered; only two had a meeting shadowed, still too few to show.
    expect(await counts()).toEqual({ offers: 3, shadowed: null, threshold: 3 });
    expect((await service.api('GET', `/api/programmes/${programme.id}/insight/shadowing`, { as: mentor })).status).toBe(403);
  });
});
