import type { Event } from '@microsoft/microsoft-graph-types';
import { DEMO_PERSONAS } from '../../../dev/demoOrg/personas';
import type { JobWorker } from '../jobWorker';
import { aPair, aSession } from '../../../test/harness/factories';
import { startTestService, type TestService } from '../../../test/harness/testService';
import { waitFor } from '../../../test/harness/waitFor';

const leader = DEMO_PERSONAS.seniorLeader;
const mentor = DEMO_PERSONAS.juniorMentor;
const catalogId = 'upward-catalog-app-0001';

jest.setTimeout(120_000);

/**
 * The production worker adds the pair's workspace to the chat of an online session it booked,
 * through the Microsoft 365 stand-in's Graph, as Graph documents it (meeting by join address,
 * app installed in the chat, tab pinned).
 */
describe('the meeting tab job', () => {
  let service: TestService;
  let worker: JobWorker | null = null;
  let tenantId: string;
  const now = new Date(Date.now());

  beforeAll(async () => {
    service = await startTestService({ clock: () => now, env: { TEAMS_APP_CATALOG_ID: catalogId, PUBLIC_BASE_URL: 'https://upward.example.test' } });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await worker?.stop();
    await service?.close();
  });

  const db = () => service.database.db;
  const jobDone = (dedupeKey: string) => () => db().selectFrom('jobs').select(['outcome', 'last_error']).where('dedupe_key', '=', dedupeKey).where('done_at', 'is not', null).executeTakeFirst();

  it('pins the side panel view of the pair and session to the meeting chat of an online session, and nothing for one in a room', async () => {
    const pair = await aPair(db(), tenantId, { status: 'active', mentorUserId: mentor.id, menteeUserId: leader.id });
    const mentorMail = service.standIn.org.people.find((p) => p.user.id === mentor.id)!.user.mail;
    const start = new Date(now.getTime() + 2 * 86_400_000);
    const event = await service.deps.graph.forApp(tenantId).send<Event>('POST', `/users/${leader.id}/events`, {
      subject: 'Mentoring session',
      start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + 3_600_000).toISOString().slice(0, 19), timeZone: 'UTC' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      attendees: [{ type: 'required', emailAddress: { address: mentorMail } }],
    });
    const online = await aSession(db(), tenantId, { pairId: pair.id, startsAt: start });
    await db().updateTable('sessions').set({ event_id: event.id!, join_url: event.onlineMeeting!.joinUrl!, organizer_user_id: leader.id }).where('id', '=', online.id).execute();
    // A session in a room has no meeting chat to add anything to.
    const inRoom = await aSession(db(), tenantId, { pairId: pair.id, startsAt: new Date(start.getTime() + 7 * 86_400_000) });
    await db().updateTable('sessions').set({ join_url: null, organizer_user_id: leader.id }).where('id', '=', inRoom.id).execute();

    worker = service.deps.jobs.startWorker('meeting-tab-worker');
    expect(await waitFor('the meeting tab', jobDone(`meeting-tab:${online.id}`))).toEqual({ outcome: 'sent', last_error: null });
    const threadId = decodeURIComponent(/meetup-join\/([^/]+)/.exec(event.onlineMeeting!.joinUrl!)![1]!);
    expect(service.standIn.meetingChats.installedApps(threadId).map((a) => a.teamsAppId)).toEqual([catalogId]);
    expect(service.standIn.meetingChats.tabsOf(threadId)).toEqual([
      expect.objectContaining({
        displayName: 'Upward',
        configuration: expect.objectContaining({ entityId: `upward-meeting-${online.id}`, contentUrl: `https://upward.example.test/tab/index.html#/meeting/${pair.id}/${online.id}` }),
      }),
    ]);
    expect(await db().selectFrom('jobs').select('id').where('dedupe_key', '=', `meeting-tab:${inRoom.id}`).execute()).toEqual([]);

    // The worker stopped after pinning, before it recorded the job: the job runs again and finds the tab there.
    const key = `meeting-tab:${online.id}`;
    await db().updateTable('jobs').set({ done_at: null, outcome: null, locked_until: null, locked_by: null, run_at: now }).where('dedupe_key', '=', key).execute();
    expect(await waitFor('the retried meeting tab', jobDone(key))).toEqual({ outcome: 'skipped', last_error: null });
    expect(service.standIn.meetingChats.tabsOf(threadId)).toHaveLength(1);
  });
});
