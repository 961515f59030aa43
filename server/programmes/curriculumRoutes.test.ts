import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { defaultCurriculum, type TrainingModule } from '../../shared/training/curriculum';
import { aPair, aProgramme } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';

const admin = DEMO_PERSONAS.programmeAdmin.id;
const now = new Date('2026-03-10T12:00:00Z');

const listening: TrainingModule = {
  id: 'mentee-listening',
  audience: 'mentee',
  phase: 'training',
  text: { title: 'Écouter sans se défendre', reading: 'Laissez **chaque histoire** arriver avant de répondre.', exercise: 'Notez une question.' },
};
const welcome: TrainingModule = { id: 'module-welcome', audience: 'both', phase: 'kick-off', text: { title: 'Welcome to our programme', reading: 'Meet the team.', exercise: 'Say hello.' } };

describe('a programme’s own training curriculum', () => {
  let service: TestService;
  let tenantId: string;
  beforeAll(async () => {
    service = await startTestService({ clock: () => now, env: { UPWARD_ANONYMITY_FLOOR: '3' } });
    tenantId = service.standIn.tenantId.toLowerCase();
  });
  afterAll(async () => {
    await service.close();
  });

  const setUp = async () => {
    const { db } = service.database;
    const programme = await aProgramme(db, tenantId, { settings: { ...defaultProgrammeSettings, anonymityThreshold: 3 } });
    const people = service.standIn.org.people.slice(50, 56).map((p) => p.user.id);
    const pairs = await Promise.all([0, 1, 2].map((i) => aPair(db, tenantId, { programmeId: programme.id, mentorUserId: people[2 * i], menteeUserId: people[2 * i + 1] })));
    return { programme, pairs };
  };
  const put = (programmeId: string, modules: unknown) => service.api('PUT', `/api/programmes/${programmeId}/training`, { as: admin, body: { modules } });
  const workspace = async (pairId: string, as: string) => (await service.api('GET', `/api/pairs/${pairId}/workspace`, { as })).body;
  const counts = async (programmeId: string) =>
    Object.fromEntries(
      (await service.api('GET', `/api/programmes/${programmeId}/insight/training`, { as: admin })).body.modules.map((m: { id: string; title: string | null; completed: number | null }) => [m.id, m]),
    );

  it('shows participants the admin’s words, keeps completions across an edit, stops counting a removed module without losing who did it, and restores the shipped modules', async () => {
    const { programme, pairs } = await setUp();
    const mentee = pairs[0]!.mentee_user_id;
    for (const pair of pairs) expect((await service.api('POST', `/api/pairs/${pair.id}/training/mentee-power/done`, { as: pair.mentee_user_id })).status).toBe(200);
    for (const pair of pairs) expect((await service.api('POST', `/api/pairs/${pair.id}/training/mentee-listening/done`, { as: pair.mentee_user_id })).status).toBe(200);

    // Edit one shipped module, add one, remove another (mentee-power), keep the rest as shipped.
    const modules = [listening, welcome, ...defaultCurriculum.filter((m) => m.id !== 'mentee-listening' && m.id !== 'mentee-power')];
    const saved = await put(programme.id, modules);
    expect(saved.status).toBe(200);
    expect(saved.body.training).toEqual(modules);

    const mine = await workspace(pairs[0]!.id, mentee);
    expect(mine.training.modules[0]).toEqual({ id: 'mentee-listening', completed: true, text: listening.text });
    expect(mine.training.modules[1]).toEqual({ id: 'module-welcome', completed: false, text: welcome.text });
    expect(mine.training.modules.map((m: { id: string }) => m.id)).not.toContain('mentee-power');
    expect(mine.training.next).toBe('module-welcome');
    const mentor = await workspace(pairs[0]!.id, pairs[0]!.mentor_user_id);
    expect(mentor.training.modules.map((m: { id: string }) => m.id)).toContain('module-welcome');
    expect(mentor.training.modules.map((m: { id: string }) => m.id)).not.toContain('mentee-listening');

    // A removed module can no longer be marked; the person's record of it stays theirs.
    expect((await service.api('POST', `/api/pairs/${pairs[0]!.id}/training/mentee-power/done`, { as: mentee })).status).toBe(404);
    const exported = await service.api('GET', '/api/me/data', { as: mentee });
    expect(exported.body.trainingCompleted.map((c: { moduleId: string }) => c.moduleId)).toEqual(expect.arrayContaining(['mentee-power', 'mentee-listening']));

    const edited = await counts(programme.id);
    expect(edited['mentee-listening']).toEqual({ id: 'mentee-listening', audience: 'mentee', title: listening.text!.title, completed: 3 });
    expect(edited['module-welcome']).toEqual({ id: 'module-welcome', audience: 'both', title: welcome.text!.title, completed: null });
    expect(edited['mentee-power']).toBeUndefined();

    const audit = await service.api('GET', '/api/admin/audit-log', { as: admin });
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: 'programme.training.update', target: programme.id, actorUserId: admin }));

    const reset = await service.api('DELETE', `/api/programmes/${programme.id}/training`, { as: admin });
    expect(reset.status).toBe(200);
    expect(reset.body.training).toBeNull();
    expect((await workspace(pairs[0]!.id, mentee)).training.modules[0]).toEqual({ id: 'mentee-listening', completed: true, text: null });
    expect((await counts(programme.id))['mentee-power']).toMatchObject({ title: null, completed: 3 });
  });

  it.each([
    ['a new module without its words', [{ ...welcome, text: null }], 'modules.0.text'],
    ['a module twice', [welcome, welcome], 'modules.1.id'],
    ['no module for the mentee', [{ ...welcome, audience: 'mentor' }], 'modules'],
    ['a module longer than a few minutes of reading', [{ ...welcome, text: { ...welcome.text!, reading: 'word '.repeat(501) } }], 'modules.0.text.reading'],
    ['an id that is not a module id', [{ ...welcome, id: 'Welcome Module' }], 'modules.0.id'],
    ['an unknown phase', [{ ...welcome, phase: 'later' }], 'modules.0.phase'],
    ['no modules at all', [], 'modules'],
  ])('refuses %s with a 400 naming the field, and leaves the curriculum as it was', async (_case, modules, field) => {
    const { programme } = await setUp();
    expect((await put(programme.id, [welcome, listening])).status).toBe(200);
    const answer = await put(programme.id, modules);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await service.api('GET', `/api/programmes/${programme.id}`, { as: admin })).body.training).toEqual([welcome, listening]);
  });

  it('answers 404 for a programme of no one’s and 403 for a participant', async () => {
    const { pairs } = await setUp();
    expect((await put('00000000-0000-4000-8000-000000000000', [welcome])).status).toBe(404);
    const asParticipant = await service.api('PUT', `/api/programmes/${pairs[0]!.programme_id}/training`, { as: pairs[0]!.mentee_user_id, body: { modules: [welcome] } });
    expect(asParticipant.status).toBe(403);
  });
});
