import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import type { JobWorker } from '../jobs/jobWorker';
import { aPair, aPerson } from '../../test/harness/factories';
import { startTeamsConnector, type TeamsConnector } from '../../test/harness/teamsConnector';
import { startTestService, type TestService } from '../../test/harness/testService';
import { waitFor } from '../../test/harness/waitFor';

const mentor = DEMO_PERSONAS.juniorMentor;
const mentee = DEMO_PERSONAS.seniorLeader;
const admin = DEMO_PERSONAS.programmeAdmin;
const nameOf = (p: { givenName: string; surname: string }) => `${p.givenName} ${p.surname}`;

/*
 * A concern from raising to reply, through real HTTP: the admins see who raised it and about which
 * pair, sort it, note it and reply; the person who raised it follows it in the tab and gets the
 * reply from the bot; their partner learns nothing of it.
 */
describe('the concerns workflow', () => {
  let service: TestService;
  let teams: TeamsConnector;
  let worker: JobWorker;
  let tenantId: string;
  let pairId: string;
  let concernId: string;
  let now = new Date('2026-03-10T12:00:00Z');
  const secret = 'My mentee keeps cancelling at the last minute and I feel dismissed.';
  const reply = 'Thank you for telling us. I will speak to the programme sponsor this week.';
  const note = 'Third late cancellation reported this quarter; check with HR.';

  beforeAll(async () => {
    teams = await startTeamsConnector();
    service = await startTestService({ clock: () => now });
    tenantId = service.standIn.tenantId.toLowerCase();
    for (const p of [mentor, mentee, admin]) {
      await aPerson(service.database.db, tenantId, { userId: p.id, displayName: nameOf(p) });
      const answer = await teams.chat(service, { tenantId, userId: p.id, name: nameOf(p), at: now }, { text: 'help' });
      expect(answer.status).toBeLessThan(300);
    }
    const created = await service.api('POST', '/api/programmes', {
      as: admin.id,
      body: { name: 'Reverse mentoring 2026', startsOn: '2026-03-02', escalationContact: { name: 'HR business partner', email: 'hr@contoso.example' } },
    });
    expect(created.status).toBe(201);
    pairId = (await aPair(service.database.db, tenantId, { status: 'active', programmeId: created.body.id, mentorUserId: mentor.id, menteeUserId: mentee.id })).id;
    worker = service.deps.jobs.startWorker('concern-worker');
  });
  afterAll(async () => {
    await worker.stop();
    await service.close();
    await teams.stop();
  });

  it('reaches the admins with who raised it, the pair, its category and the programme’s escalation contact', async () => {
    const raised = await service.api('POST', '/api/concerns', { as: mentor.id, body: { pairId, text: secret, category: 'conduct' } });
    expect(raised.status).toBe(201);
    concernId = raised.body.id;
    const list = await service.api('GET', '/api/admin/concerns', { as: admin.id });
    expect(list.status).toBe(200);
    expect(list.body.concerns).toEqual([
      expect.objectContaining({
        id: concernId,
        kind: 'concern',
        status: 'open',
        category: 'conduct',
        severity: 'medium',
        text: secret,
        programmeName: 'Reverse mentoring 2026',
        raisedBy: { userId: mentor.id, name: nameOf(mentor) },
        pair: { mentorName: nameOf(mentor), menteeName: nameOf(mentee) },
        escalationContact: { name: 'HR business partner', email: 'hr@contoso.example' },
        history: [],
      }),
    ]);
    // A participant is told they are not an admin, whatever they try.
    expect((await service.api('GET', '/api/admin/concerns', { as: mentee.id })).status).toBe(403);
    expect((await service.api('POST', `/api/admin/concerns/${concernId}/replies`, { as: mentor.id, body: { text: 'x' } })).status).toBe(403);
  });

  it('keeps a history of status, replies and notes; refuses bad input with problem details', async () => {
    now = new Date(now.getTime() + 60_000);
    const changed = await service.api('PATCH', `/api/admin/concerns/${concernId}`, { as: admin.id, body: { status: 'in-progress', severity: 'high' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'in-progress', severity: 'high', history: [{ kind: 'status', status: 'in-progress', byName: nameOf(admin) }] });
    expect((await service.api('POST', `/api/admin/concerns/${concernId}/notes`, { as: admin.id, body: { text: note } })).status).toBe(201);
    now = new Date(now.getTime() + 60_000);
    const replied = await service.api('POST', `/api/admin/concerns/${concernId}/replies`, { as: admin.id, body: { text: reply } });
    expect(replied.status).toBe(201);
    expect(replied.body.history.map((e: { kind: string; text: string | null }) => [e.kind, e.text])).toEqual([
      ['status', null],
      ['note', note],
      ['reply', reply],
    ]);

    for (const [path, method, body] of [
      [`/api/admin/concerns/${concernId}/replies`, 'POST', { text: '   ' }],
      [`/api/admin/concerns/${concernId}`, 'PATCH', {}],
      [`/api/admin/concerns/${concernId}`, 'PATCH', { severity: 'catastrophic' }],
    ] as const) {
      const bad = await service.api(method, path, { as: admin.id, body });
      expect([path, bad.status, bad.headers.get('content-type')]).toEqual([path, 400, expect.stringContaining('application/problem+json')]);
    }
    expect((await service.api('POST', '/api/admin/concerns/00000000-0000-4000-8000-000000000000/replies', { as: admin.id, body: { text: 'x' } })).status).toBe(404);
    const audit = await service.database.db.selectFrom('audit_log').select('action').where('target', '=', concernId).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['concern.in-progress', 'concern.note', 'concern.reply']);
  });

  it('lets the mentor follow it and read the reply, in the tab and from the bot, never the admins’ note', async () => {
    const mine = await service.api('GET', '/api/concerns/mine', { as: mentor.id });
    expect(mine.body.concerns).toEqual([
      expect.objectContaining({ id: concernId, status: 'in-progress', history: [expect.objectContaining({ kind: 'status', status: 'in-progress' }), expect.objectContaining({ kind: 'reply', text: reply })] }),
    ]);
    expect(JSON.stringify(mine.body)).not.toContain(note);
    expect(JSON.stringify(mine.body)).not.toContain(nameOf(admin));

    const before = teams.received.length;
    now = new Date(now.getTime() + 60_000);
    worker.poke();
    await waitFor('the reply notice', async () => {
      const done = await service.database.db.selectFrom('jobs').select('dedupe_key').where('kind', '=', 'bot.concern-replied').where('done_at', 'is not', null).execute();
      return done.length >= 1;
    });
    worker.poke();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const received = teams.received.slice(before).filter((r) => JSON.stringify(r.activity).includes(reply));
    expect(received.map((r) => r.conversationId.replace('a:personal-', ''))).toEqual([mentor.id]);
    expect(JSON.stringify(received[0]!.activity)).toContain('Your programme admin replied');
    expect(JSON.stringify(received[0]!.activity)).not.toContain(note);
  });

  it('tells the mentee nothing: not in their concerns, their workspace, their pair, nor in a bot message', async () => {
    expect((await service.api('GET', '/api/concerns/mine', { as: mentee.id })).body).toEqual({ concerns: [] });
    const workspace = await service.api('GET', `/api/pairs/${pairId}/workspace`, { as: mentee.id });
    const pairs = await service.api('GET', '/api/pairs', { as: mentee.id });
    for (const body of [workspace.body, pairs.body]) {
      expect(JSON.stringify(body)).not.toContain(secret);
      expect(JSON.stringify(body)).not.toContain(reply);
      expect(JSON.stringify(body)).not.toMatch(/concern/i);
    }
    expect(teams.received.filter((r) => r.conversationId === `a:personal-${mentee.id}` && /concern|replied/i.test(JSON.stringify(r.activity)))).toEqual([]);
  });
});
