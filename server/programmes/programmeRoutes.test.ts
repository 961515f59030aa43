import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startTestService, type TestService } from '../../test/harness/testService';

const admin = DEMO_PERSONAS.programmeAdmin.id;
const leader = DEMO_PERSONAS.seniorLeader.id;

describe('programmes API', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.close();
  });

  it('creates a programme with sensible defaults: 9 months, 6-month relationships, threshold 5', async () => {
    const created = await service.api('POST', '/api/programmes', { as: admin, body: { name: 'Inclusion 2027', startsOn: '2027-01-04' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Inclusion 2027',
      startsOn: '2027-01-04',
      endsOn: '2027-10-04',
      status: 'draft',
      settings: { durationMonths: 9, relationshipMonths: 6, anonymityThreshold: 5, cadenceDays: 14 },
    });
    const read = await service.api('GET', `/api/programmes/${created.body.id}`, { as: admin });
    expect(read.body.name).toBe('Inclusion 2027');
  });

  it('answers an invalid body with a 400 problem naming each field, and writes nothing', async () => {
    const before = await service.api('GET', '/api/programmes', { as: admin });
    const bad = await service.api('POST', '/api/programmes', {
      as: admin,
      body: { name: '', startsOn: '31/01/2027', settings: { anonymityThreshold: 1 }, colour: 'red' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'startsOn', 'settings.anonymityThreshold', '(body)']));
    expect(bad.body.detail).toMatch(/name/);
    const after = await service.api('GET', '/api/programmes', { as: admin });
    expect(after.body.programmes).toHaveLength(before.body.programmes.length);
  });

  it('refuses a body that is not JSON, and a relationship longer than the programme', async () => {
    const notJson = await service.api('POST', '/api/programmes', { as: admin, body: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.code).toBe('invalidJson');
    const tooLong = await service.api('POST', '/api/programmes', {
      as: admin,
      body: { name: 'Long', startsOn: '2027-01-04', settings: { durationMonths: 6, relationshipMonths: 9 } },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('settings.relationshipMonths');
  });

  it('lets an admin change the cadence mid-programme, and keeps the rest', async () => {
    const created = await service.api('POST', '/api/programmes', { as: admin, body: { name: 'Tech 2027', startsOn: '2027-02-01' } });
    const changed = await service.api('PATCH', `/api/programmes/${created.body.id}`, { as: admin, body: { settings: { cadenceDays: 21 }, status: 'open' } });
    expect(changed.status).toBe(200);
    expect(changed.body.settings.cadenceDays).toBe(21);
    expect(changed.body.settings.relationshipMonths).toBe(6);
    expect(changed.body.status).toBe('open');
    const empty = await service.api('PATCH', `/api/programmes/${created.body.id}`, { as: admin, body: {} });
    expect(empty.status).toBe(400);
  });

  it('keeps the anonymity threshold at or above the floor, never lowers it once the programme has opened, and audits old and new values', async () => {
    const below = await service.api('POST', '/api/programmes', { as: admin, body: { name: 'Too small', startsOn: '2027-01-04', settings: { anonymityThreshold: 3 } } });
    expect(below.status).toBe(400);
    expect(below.body.errors).toEqual([expect.objectContaining({ field: 'settings.anonymityThreshold', message: expect.stringContaining('at least 5') })]);
    const created = await service.api('POST', '/api/programmes', { as: admin, body: { name: 'Thresholds', startsOn: '2027-01-04', settings: { anonymityThreshold: 8 } } });
    const id = created.body.id;
    // A draft has shown nothing yet: its threshold may still come down to the floor.
    expect((await service.api('PATCH', `/api/programmes/${id}`, { as: admin, body: { settings: { anonymityThreshold: 6 } } })).status).toBe(200);
    expect((await service.api('PATCH', `/api/programmes/${id}`, { as: admin, body: { status: 'open' } })).status).toBe(200);
    const lowered = await service.api('PATCH', `/api/programmes/${id}`, { as: admin, body: { settings: { anonymityThreshold: 5 } } });
    expect(lowered.status).toBe(400);
    expect(lowered.body.errors[0].message).toMatch(/cannot be lowered/);
    expect((await service.api('GET', `/api/programmes/${id}`, { as: admin })).body.settings.anonymityThreshold).toBe(6);
    expect((await service.api('PATCH', `/api/programmes/${id}`, { as: admin, body: { settings: { anonymityThreshold: 9 } } })).status).toBe(200);
    const audit = await service.api('GET', '/api/admin/audit-log', { as: admin });
    const updates = audit.body.entries.filter((e: { action: string; target: string }) => e.action === 'programme.update' && e.target === id);
    // Newest first: what an admin looks for is what just happened.
    const times = audit.body.entries.map((e: { at: string }) => e.at);
    expect(new Set(times).size).toBeGreaterThan(1);
    expect(times).toEqual([...times].sort().reverse());
    expect(updates.map((e: { changes: unknown }) => e.changes)).toEqual(
      expect.arrayContaining([
        { 'settings.anonymityThreshold': { from: 8, to: 6 } },
        { status: { from: 'draft', to: 'open' } },
        { 'settings.anonymityThreshold': { from: 6, to: 9 } },
      ]),
    );
  });

  it('keeps programme administration to the Upward.Admin role', async () => {
    const list = await service.api('GET', '/api/programmes', { as: leader });
    expect(list.status).toBe(403);
    const create = await service.api('POST', '/api/programmes', { as: leader, body: { name: 'Mine', startsOn: '2027-01-04' } });
    expect(create.status).toBe(403);
  });

  it('asks for sign-in without a token, and names unknown routes', async () => {
    expect((await service.api('GET', '/api/programmes')).status).toBe(401);
    const unknown = await service.api('GET', '/api/nothing-here', { as: admin });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('routeNotFound');
  });

  it('answers 404 problem+json for a programme that does not exist', async () => {
    const missing = await service.api('GET', '/api/programmes/00000000-0000-4000-8000-000000000000', { as: admin });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('notFound');
  });
});
