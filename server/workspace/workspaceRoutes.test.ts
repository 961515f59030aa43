import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { aPair, aSession } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;
const stranger = DEMO_PERSONAS.juniorInLeadersChain.id;
const now = new Date('2026-03-10T12:00:00Z');

describe('pair workspace API', () => {
  let service: TestService;
  let tenantId: string;
  let count: (table: 'agenda_items' | 'reflections' | 'takeaways' | 'commitments' | 'praise' | 'concerns' | 'charters') => Promise<number>;

  beforeAll(async () => {
    service = await startTestService({ clock: () => now });
    tenantId = service.standIn.tenantId.toLowerCase();
    count = async (table) => {
      const { n } = await service.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(n);
    };
  });
  afterAll(async () => {
    await service.close();
  });

  const newPair = (status: 'accepted' | 'active' = 'active') => aPair(service.database.db, tenantId, { status, mentorUserId: mentor, menteeUserId: leader });

  it('starts the relationship when the mentee and then the mentor sign the charter, and signing twice changes nothing', async () => {
    const pair = await newPair('accepted');
    const first = await service.api('POST', `/api/pairs/${pair.id}/charter/sign`, { as: leader });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ signedByMe: true, signedByPartner: false, menteeSignedAt: now.toISOString(), mentorSignedAt: null });
    const again = await service.api('POST', `/api/pairs/${pair.id}/charter/sign`, { as: leader });
    expect(again.body.menteeSignedAt).toBe(now.toISOString());
    expect((await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: mentor })).body.pair.status).toBe('accepted');

    await service.api('POST', `/api/pairs/${pair.id}/charter/sign`, { as: mentor });
    const workspace = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: mentor });
    expect(workspace.body.pair.status).toBe('active');
    expect(workspace.body.charter).toMatchObject({ signedByMe: true, signedByPartner: true });
    expect(workspace.body.timeline).toMatchObject({ phase: 'running', relationshipStartedAt: now.toISOString(), currentMonth: 1 });
  });

  it('leads each person with their own next step, and keeps training completion to the person who marked it', async () => {
    const pair = await aPair(service.database.db, tenantId, { status: 'proposed', mentorUserId: mentor, menteeUserId: leader });
    const first = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader });
    expect(first.body.journey).toEqual({ phase: 'kick-off', phaseIndex: 0, next: 'accept-match' });
    expect(first.body.training.modules[0]).toEqual({ id: 'mentee-listening', completed: false, text: null });
    expect(first.body.training.modules.map((m: { id: string }) => m.id)).not.toContain('mentor-story');

    await service.api('POST', `/api/pairs/${pair.id}/accept`, { as: leader });
    expect((await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader })).body.journey.next).toBe('read-guide');
    const done = await service.api('POST', `/api/pairs/${pair.id}/training/mentee-listening/done`, { as: leader });
    expect({ status: done.status, body: done.body }).toMatchObject({ status: 200 });
    expect(done.body.training.modules[0]).toEqual({ id: 'mentee-listening', completed: true, text: null });
    expect(done.body.journey.next).toBe('wait-for-partner');
    expect((await service.api('POST', `/api/pairs/${pair.id}/training/mentee-listening/done`, { as: leader })).status).toBe(200);

    const partner = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: mentor });
    expect(partner.body.journey.next).toBe('accept-match');
    expect(partner.body.training.modules.every((m: { completed: boolean }) => !m.completed)).toBe(true);

    // Not a module of the programme's curriculum for this role: 404; not even a module id: 400.
    expect((await service.api('POST', `/api/pairs/${pair.id}/training/how-to-win/done`, { as: leader })).status).toBe(404);
    expect((await service.api('POST', `/api/pairs/${pair.id}/training/mentor-story/done`, { as: leader })).status).toBe(404);
    expect((await service.api('POST', `/api/pairs/${pair.id}/training/How_To_Win/done`, { as: leader })).status).toBe(400);
    expect((await service.api('POST', `/api/pairs/${pair.id}/training/mentee-listening/done`, { as: stranger })).status).toBe(404);
    const exported = await service.api('GET', '/api/me/data', { as: leader });
    expect(exported.body.trainingCompleted).toContainEqual({ programmeId: pair.programme_id, moduleId: 'mentee-listening', completedAt: now.toISOString() });
  });

  it('asks for the mid-point review once it is due, in the mid-point phase', async () => {
    const pair = await newPair('accepted');
    await service.api('POST', `/api/pairs/${pair.id}/charter/sign`, { as: leader });
    await service.api('POST', `/api/pairs/${pair.id}/charter/sign`, { as: mentor });
    await service.database.db.updateTable('pairs').set({ started_at: new Date('2025-11-01T09:00:00Z') }).where('id', '=', pair.id).execute();
    const done = await service.api('POST', `/api/pairs/${pair.id}/training/mentee-listening/done`, { as: leader });
    expect(done.body.journey).toEqual({ phase: 'mid-point', phaseIndex: 4, next: 'mid-point-review' });
    expect(done.body.training.next).toBe('both-charter');
  });

  it('lets the mentee write and order the agenda, and the mentor only suggest items the mentee answers', async () => {
    const pair = await newPair();
    const session = await aSession(service.database.db, tenantId, { pairId: pair.id, startsAt: new Date('2026-03-16T10:00:00Z') });
    const first = await service.api('POST', `/api/pairs/${pair.id}/agenda`, { as: leader, body: { text: 'How juniors experience our town halls', sessionId: session.id } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'on-agenda', proposedBy: 'mentee', sessionId: session.id });
    const second = await service.api('POST', `/api/pairs/${pair.id}/agenda`, { as: leader, body: { text: 'Hybrid meetings' } });

    const refused = await service.api('POST', `/api/pairs/${pair.id}/agenda`, { as: mentor, body: { text: 'My own item' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('notYourRole');
    expect((await service.api('PATCH', `/api/pairs/${pair.id}/agenda/${first.body.id}`, { as: mentor, body: { text: 'Reworded' } })).status).toBe(403);
    expect((await service.api('DELETE', `/api/pairs/${pair.id}/agenda/${first.body.id}`, { as: mentor })).status).toBe(403);

    const suggestion = await service.api('POST', `/api/pairs/${pair.id}/agenda/suggestions`, { as: mentor, body: { text: 'Reverse shadowing a stand-up' } });
    expect(suggestion.status).toBe(201);
    expect(suggestion.body.state).toBe('suggested');
    const declined = await service.api('POST', `/api/pairs/${pair.id}/agenda/suggestions`, { as: mentor, body: { text: 'Salary bands' } });
    expect((await service.api('POST', `/api/pairs/${pair.id}/agenda/suggestions`, { as: leader, body: { text: 'x' } })).status).toBe(403);

    expect((await service.api('POST', `/api/pairs/${pair.id}/agenda/${suggestion.body.id}/answer`, { as: mentor, body: { answer: 'accept' } })).status).toBe(403);
    const accepted = await service.api('POST', `/api/pairs/${pair.id}/agenda/${suggestion.body.id}/answer`, { as: leader, body: { answer: 'accept' } });
    expect(accepted.body.state).toBe('on-agenda');
    await service.api('POST', `/api/pairs/${pair.id}/agenda/${declined.body.id}/answer`, { as: leader, body: { answer: 'decline' } });

    const order = [suggestion.body.id, second.body.id, first.body.id];
    expect((await service.api('PUT', `/api/pairs/${pair.id}/agenda/order`, { as: leader, body: { itemIds: order.slice(1) } })).status).toBe(400);
    expect((await service.api('PUT', `/api/pairs/${pair.id}/agenda/order`, { as: leader, body: { itemIds: order } })).status).toBe(204);

    const mentee = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader });
    expect(mentee.body.agenda.map((i: { id: string }) => i.id)).toEqual(order);
    const mentorView = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: mentor });
    expect(mentorView.body.agenda.map((i: { state: string }) => i.state)).toEqual(['on-agenda', 'on-agenda', 'on-agenda', 'declined']);
    expect(mentorView.body.nextSession).toMatchObject({ id: session.id, venue: { kind: 'online' } });
    expect(mentorView.body.abilities).toMatchObject({ editAgenda: false, suggestAgendaItem: true });
  });

  it('keeps a journal entry from the partner and from admins until its author shares it', async () => {
    const pair = await newPair();
    const entry = await service.api('POST', `/api/pairs/${pair.id}/reflections`, { as: leader, body: { text: 'I interrupted twice. Work on it.' } });
    expect(entry.status).toBe(201);
    expect(entry.body).toMatchObject({ author: 'me', sharedWithPartner: false });

    const journalOf = async (as: string) => (await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as })).body.journal;
    expect(await journalOf(leader)).toHaveLength(1);
    expect(await journalOf(mentor)).toEqual([]);
    expect((await service.api('PATCH', `/api/pairs/${pair.id}/reflections/${entry.body.id}`, { as: mentor, body: { sharedWithPartner: true } })).status).toBe(404);

    const asAdmin = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: admin });
    expect(asAdmin.status).toBe(404);
    expect(JSON.stringify(asAdmin.body)).not.toContain('interrupted');
    expect((await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: stranger })).status).toBe(404);

    await service.api('PATCH', `/api/pairs/${pair.id}/reflections/${entry.body.id}`, { as: leader, body: { sharedWithPartner: true } });
    expect(await journalOf(mentor)).toEqual([expect.objectContaining({ author: 'partner', text: 'I interrupted twice. Work on it.', canChange: false })]);
    expect((await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: admin })).status).toBe(404);

    await service.api('PATCH', `/api/pairs/${pair.id}/reflections/${entry.body.id}`, { as: leader, body: { sharedWithPartner: false } });
    expect(await journalOf(mentor)).toEqual([]);
  });

  it('lets only its author delete a journal entry; a partner it was shared with never reads it again, and what is kept says nothing of it', async () => {
    const pair = await newPair();
    const words = 'I was defensive about the hiring feedback.';
    const entry = await service.api('POST', `/api/pairs/${pair.id}/reflections`, { as: leader, body: { text: words } });
    await service.api('PATCH', `/api/pairs/${pair.id}/reflections/${entry.body.id}`, { as: leader, body: { sharedWithPartner: true } });
    const journalOf = async (as: string) => (await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as })).body.journal;
    expect(await journalOf(mentor)).toEqual([expect.objectContaining({ text: words })]);

    // The partner, an admin and a stranger cannot delete it: to them it does not exist.
    for (const as of [mentor, admin, stranger]) {
      expect((await service.api('DELETE', `/api/pairs/${pair.id}/reflections/${entry.body.id}`, { as })).status).toBe(404);
    }
    expect(await journalOf(leader)).toHaveLength(1);

    expect((await service.api('DELETE', `/api/pairs/${pair.id}/reflections/${entry.body.id}`, { as: leader })).status).toBe(204);
    expect(await journalOf(leader)).toEqual([]);
    const partnerView = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: mentor });
    expect(partnerView.body.journal).toEqual([]);
    expect(JSON.stringify(partnerView.body)).not.toContain(words);
    expect((await service.api('DELETE', `/api/pairs/${pair.id}/reflections/${entry.body.id}`, { as: leader })).status).toBe(404);

    const kept = await service.database.db.selectFrom('domain_events').select(['kind', 'payload']).where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).where('kind', '=', 'reflection.deleted').execute();
    expect(kept).toEqual([{ kind: 'reflection.deleted', payload: { reflectionId: entry.body.id, wasShared: true } }]);
    const anywhere = await service.database.db.selectFrom('domain_events').select('payload').where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).execute();
    expect(JSON.stringify(anywhere)).not.toContain('defensive');
  });

  it('makes a take-away agreed only when the partner confirms it', async () => {
    const pair = await newPair();
    const session = await aSession(service.database.db, tenantId, { pairId: pair.id, startsAt: new Date('2026-03-09T10:00:00Z') });
    const proposed = await service.api('POST', `/api/pairs/${pair.id}/takeaways`, { as: mentor, body: { text: 'Open the floor to juniors first', sessionId: session.id } });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', canConfirm: false });

    const own = await service.api('POST', `/api/pairs/${pair.id}/takeaways/${proposed.body.id}/confirm`, { as: mentor });
    expect(own.status).toBe(403);
    const confirmed = await service.api('POST', `/api/pairs/${pair.id}/takeaways/${proposed.body.id}/confirm`, { as: leader });
    expect(confirmed.body).toMatchObject({ status: 'agreed', proposedBy: 'partner', confirmedAt: now.toISOString() });

    for (const text of ['two', 'three']) await service.api('POST', `/api/pairs/${pair.id}/takeaways`, { as: mentor, body: { text, sessionId: session.id } });
    const fourth = await service.api('POST', `/api/pairs/${pair.id}/takeaways`, { as: mentor, body: { text: 'four', sessionId: session.id } });
    expect(fourth.status).toBe(409);
    expect(fourth.body.code).toBe('takeawayLimit');

    const workspace = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader });
    expect(workspace.body.takeaways.map((t: { status: string }) => t.status)).toEqual(['agreed', 'proposed', 'proposed']);
    expect(workspace.body.pastSessions.map((s: { id: string }) => s.id)).toEqual([session.id]);
  });

  it('records the leader’s commitments and praise, and lets the mentor decide whether praise reaches their manager', async () => {
    const pair = await newPair();
    expect((await service.api('POST', `/api/pairs/${pair.id}/commitments`, { as: mentor, body: { text: 'x' } })).status).toBe(403);
    const commitment = await service.api('POST', `/api/pairs/${pair.id}/commitments`, { as: leader, body: { text: 'Invite a junior to every staff meeting', dueOn: '2026-04-01' } });
    expect(commitment.body).toMatchObject({ status: 'open', dueOn: '2026-04-01' });
    const kept = await service.api('PATCH', `/api/pairs/${pair.id}/commitments/${commitment.body.id}`, { as: leader, body: { status: 'kept' } });
    expect(kept.body.status).toBe('kept');

    expect((await service.api('POST', `/api/pairs/${pair.id}/praise`, { as: mentor, body: { text: 'Thanks!' } })).status).toBe(403);
    const praise = await service.api('POST', `/api/pairs/${pair.id}/praise`, { as: leader, body: { text: 'You changed how I run meetings.' } });
    expect(praise.body).toMatchObject({ from: 'me', shareWithManager: false, canDecideSharing: false });
    expect((await service.api('PATCH', `/api/pairs/${pair.id}/praise/${praise.body.id}`, { as: leader, body: { shareWithManager: true } })).status).toBe(403);
    const shared = await service.api('PATCH', `/api/pairs/${pair.id}/praise/${praise.body.id}`, { as: mentor, body: { shareWithManager: true } });
    expect(shared.body).toMatchObject({ from: 'partner', shareWithManager: true });

    const workspace = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: mentor });
    expect(workspace.body.praise.received).toHaveLength(1);
    expect(workspace.body.praise.given).toHaveLength(0);
    expect(workspace.body.commitments).toEqual([expect.objectContaining({ status: 'kept' })]);
    expect(workspace.body.guide).toBe('Guide for reverse mentors.');
  });

  it('refuses invalid bodies with a 400 naming the field, and writes nothing', async () => {
    const pair = await newPair();
    const before = await Promise.all((['agenda_items', 'reflections', 'takeaways', 'commitments', 'praise'] as const).map(count));
    const cases: [string, string, unknown, string][] = [
      ['POST', 'agenda', { text: '' }, 'text'],
      ['POST', 'agenda', { text: 'ok', colour: 'red' }, '(body)'],
      ['POST', 'agenda', { text: 'ok', sessionId: 'not-an-id' }, 'sessionId'],
      ['POST', 'reflections', { text: 'x'.repeat(5001) }, 'text'],
      ['POST', 'takeaways', { text: 'no session' }, 'sessionId'],
      ['POST', 'commitments', { text: 'ok', dueOn: '01/04/2026' }, 'dueOn'],
      ['POST', 'praise', { text: 42 }, 'text'],
      ['PUT', 'agenda/order', { itemIds: ['a'] }, 'itemIds.0'],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await service.api(method, `/api/pairs/${pair.id}/${path}`, { as: leader, body });
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 400, expect.stringMatching(/problem\+json/)]);
      expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    const otherPairsSession = await aSession(service.database.db, tenantId, { pairId: (await newPair()).id });
    const foreign = await service.api('POST', `/api/pairs/${pair.id}/agenda`, { as: leader, body: { text: 'ok', sessionId: otherPairsSession.id } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ field: 'sessionId', message: 'must be a session of this pair' }]);
    expect(await Promise.all((['agenda_items', 'reflections', 'takeaways', 'commitments', 'praise'] as const).map(count))).toEqual(before);
  });

  it('shows another tenant’s pair to nobody here, even with the same people in it, and refuses a token claiming another tenant', async () => {
    const elsewhere = await aPair(service.database.db, 'other-tenant', { mentorUserId: mentor, menteeUserId: leader });
    expect((await service.api('GET', `/api/pairs/${elsewhere.id}/workspace`, { as: leader })).status).toBe(404);
    expect((await service.api('POST', `/api/pairs/${elsewhere.id}/agenda`, { as: leader, body: { text: 'x' } })).status).toBe(404);
    expect((await service.api('GET', '/api/pairs', { as: leader })).body.pairs.map((p: { id: string }) => p.id)).not.toContain(elsewhere.id);
    const forged = await service.tokenFor(leader, { tenantId: 'other-tenant' });
    const refused = await service.api('GET', `/api/pairs/${elsewhere.id}/workspace`, { token: forged });
    expect(refused.status).toBe(401);
  });

  it('sends a concern to the admins only, lets its author follow it, and audits what admins do', async () => {
    const pair = await newPair();
    const raised = await service.api('POST', '/api/concerns', { as: mentor, body: { pairId: pair.id, text: 'Sessions keep being cancelled.' } });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ kind: 'concern', status: 'open' });
    expect((await service.api('POST', '/api/concerns', { as: stranger, body: { pairId: pair.id, text: 'x' } })).status).toBe(404);

    const partnerView = await service.api('GET', `/api/pairs/${pair.id}/workspace`, { as: leader });
    expect(JSON.stringify(partnerView.body)).not.toContain('cancelled.');
    expect((await service.api('GET', '/api/concerns/mine', { as: leader })).body.concerns).toEqual([]);
    expect((await service.api('GET', '/api/admin/concerns', { as: leader })).status).toBe(403);

    const list = await service.api('GET', '/api/admin/concerns?status=open', { as: admin });
    expect(list.body.concerns).toEqual([expect.objectContaining({ id: raised.body.id, text: 'Sessions keep being cancelled.', kind: 'concern' })]);
    // Admins follow a concern up with the person who raised it (issue 20); the partner never sees it (above).
    expect(list.body.concerns[0].raisedBy.userId).toBe(mentor);
    const changed = await service.api('PATCH', `/api/admin/concerns/${raised.body.id}`, { as: admin, body: { status: 'in-progress' } });
    expect(changed.body.status).toBe('in-progress');
    expect((await service.api('PATCH', `/api/admin/concerns/${raised.body.id}`, { as: admin, body: { status: 'done' } })).status).toBe(400);

    const mine = await service.api('GET', '/api/concerns/mine', { as: mentor });
    expect(mine.body.concerns).toEqual([expect.objectContaining({ id: raised.body.id, status: 'in-progress' })]);
    const audit = await service.database.db.selectFrom('audit_log').select(['action', 'target']).where('actor_user_id', '=', admin).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'concern.list', target: 'open' }, { action: 'concern.in-progress', target: raised.body.id }]));
  });
});
