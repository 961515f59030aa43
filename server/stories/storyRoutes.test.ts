import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { DEMO_STORIES_CHANNEL_ID, DEMO_TEAM_ID } from '../../dev/demoOrg/tenant';
import { aPair, aParticipant, aProgramme } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;
const stranger = DEMO_PERSONAS.juniorInLeadersChain.id;
const now = new Date('2026-06-10T12:00:00Z');

describe('stories API', () => {
  let service: TestService;
  let tenantId: string;

  beforeAll(async () => {
    service = await startTestService({ clock: () => now });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service.close();
  });

  const newPair = async () => {
    const programme = await aProgramme(service.database.db, tenantId);
    const pair = await aPair(service.database.db, tenantId, { programmeId: programme.id, mentorUserId: mentor, menteeUserId: leader });
    return { programmeId: programme.id, pairId: pair.id };
  };
  const story = (pairId: string, as: string) => service.api('GET', `/api/pairs/${pairId}/story`, { as });

  it('publishes a story only when both people consent to the same text, and an edit withdraws consent', async () => {
    const { programmeId, pairId } = await newPair();
    expect((await story(pairId, mentor)).body).toEqual({ story: null });
    const draft = await service.api('PUT', `/api/pairs/${pairId}/story`, { as: mentor, body: { text: 'We changed how town halls work.' } });
    expect(draft.status).toBe(200);
    expect(draft.body.story).toMatchObject({ version: 0, consentedByMe: false, consentedByPartner: false, publishedAt: null });

    expect((await service.api('POST', `/api/pairs/${pairId}/story/consent`, { as: mentor, body: { version: 0, consent: true } })).body.story.consentedByMe).toBe(true);
    const edited = await service.api('PUT', `/api/pairs/${pairId}/story`, { as: leader, body: { text: 'We changed how town halls and stand-ups work.', version: 0 } });
    expect(edited.body.story).toMatchObject({ version: 1, consentedByMe: false, consentedByPartner: false });

    const stale = await service.api('POST', `/api/pairs/${pairId}/story/consent`, { as: mentor, body: { version: 0, consent: true } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    await service.api('POST', `/api/pairs/${pairId}/story/consent`, { as: leader, body: { version: 1, consent: true } });
    expect((await service.api('GET', `/api/programmes/${programmeId}/stories`, { as: admin })).body.stories).toEqual([]);
    const published = await service.api('POST', `/api/pairs/${pairId}/story/consent`, { as: mentor, body: { version: 1, consent: true } });
    expect(published.body.story).toMatchObject({ publishedAt: now.toISOString(), consentedByPartner: true, abilities: { edit: false } });

    const locked = await service.api('PUT', `/api/pairs/${pairId}/story`, { as: leader, body: { text: 'Changed after.', version: 1 } });
    expect(locked.status).toBe(409);
    const listed = await service.api('GET', `/api/programmes/${programmeId}/stories`, { as: mentor });
    expect(listed.body.stories).toEqual([{ id: published.body.story.id, text: 'We changed how town halls and stand-ups work.', publishedAt: now.toISOString(), postedToTeamsAt: null }]);
    const events = await service.database.db.selectFrom('domain_events').select(['kind', 'payload']).where('subject_id', '=', published.body.story.id).execute();
    expect(events).toEqual([{ kind: 'story.published', payload: { pairId, programmeId } }]);
  });

  it('keeps drafts from admins and strangers, and published stories from people outside the programme', async () => {
    const { programmeId, pairId } = await newPair();
    await service.api('PUT', `/api/pairs/${pairId}/story`, { as: leader, body: { text: 'A private draft' } });
    expect((await story(pairId, admin)).status).toBe(404);
    expect((await story(pairId, stranger)).status).toBe(404);
    expect((await service.api('PUT', `/api/pairs/${pairId}/story`, { as: stranger, body: { text: 'x' } })).status).toBe(404);
    expect((await service.api('GET', `/api/programmes/${programmeId}/stories`, { as: stranger })).status).toBe(404);
    expect(JSON.stringify((await service.api('GET', `/api/programmes/${programmeId}/stories`, { as: admin })).body)).not.toContain('A private draft');
  });

  it('lets an admin post a published story once to the programme’s Teams channel, through Graph', async () => {
    const { programmeId, pairId } = await newPair();
    const draft = await service.api('PUT', `/api/pairs/${pairId}/story`, { as: leader, body: { text: 'Juniors <b>speak</b> first now.' } });
    const storyId = draft.body.story.id;
    expect((await service.api('POST', `/api/admin/stories/${storyId}/post`, { as: admin })).status).toBe(404);
    for (const as of [leader, mentor]) await service.api('POST', `/api/pairs/${pairId}/story/consent`, { as, body: { version: 0, consent: true } });

    const noChannel = await service.api('POST', `/api/admin/stories/${storyId}/post`, { as: admin });
    expect(noChannel.status).toBe(409);
    expect(noChannel.body.detail).toContain('storyChannel');
    const patched = await service.api('PATCH', `/api/programmes/${programmeId}`, { as: admin, body: { storyChannel: { teamId: DEMO_TEAM_ID, channelId: DEMO_STORIES_CHANNEL_ID, displayName: 'Upward stories' } } });
    expect(patched.body.storyChannel).toEqual({ teamId: DEMO_TEAM_ID, channelId: DEMO_STORIES_CHANNEL_ID, displayName: 'Upward stories' });

    expect((await service.api('POST', `/api/admin/stories/${storyId}/post`, { as: leader })).status).toBe(403);
    const before = service.standIn.channelMessages(DEMO_TEAM_ID, DEMO_STORIES_CHANNEL_ID).length;
    const posted = await service.api('POST', `/api/admin/stories/${storyId}/post`, { as: admin, headers: { 'accept-language': 'de-DE' } });
    expect(posted.status).toBe(200);
    expect(posted.body.postedToTeamsAt).toBe(now.toISOString());
    const messages = service.standIn.channelMessages(DEMO_TEAM_ID, DEMO_STORIES_CHANNEL_ID);
    expect(messages).toHaveLength(before + 1);
    expect(messages[messages.length - 1]).toMatchObject({ from: { user: { id: admin } }, body: { contentType: 'html' } });
    expect(messages[messages.length - 1]!.body!.content).toContain('Juniors &#60;b&#62;speak&#60;/b&#62; first now.');
    // Posted as the admin, under a heading in the admin's language.
    expect(messages[messages.length - 1]!.body!.content).toContain('<strong>Eine Geschichte aus unserem Reverse-Mentoring-Programm</strong>');
    expect((await service.api('POST', `/api/admin/stories/${storyId}/post`, { as: admin })).status).toBe(409);
    expect(service.standIn.channelMessages(DEMO_TEAM_ID, DEMO_STORIES_CHANNEL_ID)).toHaveLength(before + 1);
    const audit = await service.api('GET', '/api/admin/audit-log', { as: admin });
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: 'story.post', target: `${programmeId}/${storyId}` }));
  });

  it('shows another tenant’s published stories to nobody here', async () => {
    const programme = await aProgramme(service.database.db, 'another-tenant');
    await aParticipant(service.database.db, 'another-tenant', { programmeId: programme.id, role: 'mentor', userId: mentor });
    expect((await service.api('GET', `/api/programmes/${programme.id}/stories`, { as: mentor })).status).toBe(404);
    expect((await service.api('GET', `/api/programmes/${programme.id}/stories`, { as: admin })).body.stories).toEqual([]);
  });
});

describe('programme adjustments', () => {
  let service: TestService;
  let tenantId: string;

  beforeAll(async () => {
    service = await startTestService({ clock: () => now });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service.close();
  });

  const adjustedEvents = (programmeId: string) =>
    service.database.db.selectFrom('domain_events').select(['kind', 'payload']).where('subject_id', '=', programmeId).where('kind', '=', 'programme.adjusted').execute();

  it('records programme.adjusted, naming the changed settings but not their values, when a running programme changes', async () => {
    const programme = await aProgramme(service.database.db, tenantId);
    const secretGuideline = 'Meet monthly, and bring the quarterly numbers';
    const response = await service.api('PATCH', `/api/programmes/${programme.id}`, {
      as: admin,
      body: { settings: { cadenceDays: 28, guidelines: { timeCommitment: 'An hour a month', frequency: secretGuideline, expectedOutcomes: 'x' } }, surveySchedule: { pairingFitAfterFirstSession: true, midPoint: false, end: true, pulseEveryDays: 60 }, name: 'Renamed' },
    });
    expect(response.status).toBe(200);
    const events = await adjustedEvents(programme.id);
    expect(events).toEqual([{ kind: 'programme.adjusted', payload: { programmeId: programme.id, changed: ['settings.cadenceDays', 'settings.guidelines', 'surveySchedule'] } }]);
    expect(JSON.stringify(events)).not.toContain(secretGuideline);

    await service.api('PATCH', `/api/programmes/${programme.id}`, { as: admin, body: { name: 'Only the name' } });
    expect(await adjustedEvents(programme.id)).toHaveLength(1);
  });

  it('records nothing for a draft programme nobody has joined yet', async () => {
    const programme = await aProgramme(service.database.db, tenantId, { status: 'draft' });
    await service.api('PATCH', `/api/programmes/${programme.id}`, { as: admin, body: { settings: { cadenceDays: 21 } } });
    expect(await adjustedEvents(programme.id)).toEqual([]);
  });
});
