import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { retentionActor, retentionPurger } from '../../server/privacy/retention';
import { json } from '../../server/store/json';
import { aProgramme } from '../harness/factories';
import { buildWorld, people, rowCounts, startTwoTenantService, type TwoTenantService } from './support/world';
import { awayFromWindowEdge } from '../harness/rateLimitWindow';

describe('your data: export, erasure, retention', () => {
  let service: TwoTenantService;
  beforeAll(async () => {
    service = await startTwoTenantService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('exports everything a person wrote, agreed or received, and nothing their partner keeps private', async () => {
    const world = await buildWorld(service.database.db, service.tenantA);
    const res = await service.api('GET', '/api/me/data', { token: await service.token(people.mentee) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const data = res.body;
    expect(data.enrolments.map((e: { id: string }) => e.id)).toContain(world.menteeParticipantId);
    expect(data.pairs).toContainEqual(expect.objectContaining({ id: world.pairId, role: 'mentee' }));
    expect(data.reflections.map((r: { id: string }) => r.id)).toEqual([world.menteeReflectionId]);
    expect(data.agendaItems.map((a: { id: string }) => a.id)).toEqual([world.agendaItemId]);
    expect(data.takeaways.map((t: { id: string }) => t.id)).toEqual([world.takeawayByMenteeId]);
    expect(data.commitments.map((c: { id: string }) => c.id)).toEqual([world.commitmentId]);
    expect(data.praiseGiven.map((p: { id: string }) => p.id)).toEqual([world.praiseId]);
    expect(data.concerns.map((c: { id: string }) => c.id)).toEqual([world.concernId]);
    expect(data.surveyResponses).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain('She listened.');
    const mentor = await service.api('GET', '/api/me/data', { token: await service.token(people.mentor) });
    expect(mentor.body.praiseReceived.map((p: { id: string }) => p.id)).toContain(world.praiseId);
    expect(mentor.body.agendaItems.map((a: { id: string }) => a.id)).toEqual([world.suggestionId]);
  });

  it("erases a person's journal and concerns, withdraws them, ends their pairs, and leaves shared records to the partner without their identity", async () => {
    const world = await buildWorld(service.database.db, service.tenantA);
    const twin = await buildWorld(service.database.db, service.tenantB, world);
    const otherTenantBefore = Object.entries(await rowCounts(service.database.db)).filter(([k]) => k.endsWith(`@${service.tenantB}`));
    const res = await service.api('DELETE', '/api/me/data', { token: await service.token(people.mentee) });
    expect(res.status).toBe(200);
    const db = service.database.db;
    const t = service.tenantA;
    expect(await db.selectFrom('reflections').selectAll().where('tenant_id', '=', t).where('author_user_id', '=', people.mentee).execute()).toEqual([]);
    expect(await db.selectFrom('concerns').selectAll().where('tenant_id', '=', t).where('raised_by_user_id', '=', people.mentee).execute()).toEqual([]);
    const pair = await db.selectFrom('pairs').selectAll().where('tenant_id', '=', t).where('id', '=', world.pairId).executeTakeFirstOrThrow();
    expect([pair.status, pair.end_reason, pair.mentor_user_id]).toEqual(['ended', 'withdrawn', people.mentor]);
    expect(pair.mentee_user_id).not.toBe(people.mentee);
    const participant = await db.selectFrom('participants').selectAll().where('tenant_id', '=', t).where('id', '=', world.menteeParticipantId).executeTakeFirstOrThrow();
    expect(participant.status).toBe('withdrawn');
    const praise = await db.selectFrom('praise').selectAll().where('tenant_id', '=', t).where('id', '=', world.praiseId).executeTakeFirstOrThrow();
    expect(praise.text).toBe('Thank you, Jun.');
    expect(praise.from_user_id).not.toBe(people.mentee);
    // Nothing anywhere in the tenant still names them, except the admins' audit log.
    for (const [table, rows] of Object.entries(await allRows(service, t))) {
      if (table !== 'audit_log') expect(`${table}: ${rows}`).not.toContain(people.mentee);
    }
    // The partner keeps the shared workspace, read-only, and the mentor's private reflection.
    const partnerView = await service.api('GET', `/api/pairs/${world.pairId}/workspace`, { token: await service.token(people.mentor) });
    expect(partnerView.status).toBe(200);
    expect(JSON.stringify(partnerView.body)).toContain('How juniors use AI');
    expect(JSON.stringify(partnerView.body)).not.toContain(people.mentee);
    expect(await db.selectFrom('reflections').select('id').where('tenant_id', '=', t).where('id', '=', world.mentorReflectionId).execute()).toHaveLength(1);
    // The same person in another tenant is another organisation's business.
    expect(Object.entries(await rowCounts(db)).filter(([k]) => k.endsWith(`@${service.tenantB}`))).toEqual(otherTenantBefore);
    expect(twin.pairId).toBe(world.pairId);
    const export_ = await service.api('GET', '/api/me/data', { token: await service.token(people.mentee) });
    expect([export_.body.enrolments, export_.body.reflections, export_.body.concerns]).toEqual([[], [], []]);
  });

  it("erases a person even when one of the tenant's released dashboard batches no longer parses, and leaves no trace of them in it", async () => {
    const world = await buildWorld(service.database.db, service.tenantA);
    const db = service.database.db;
    // A batch stored in a shape the dashboard cannot read (its table is withheld), still naming the person's enrolment.
    await db
      .insertInto('insight_batches')
      .values({ tenant_id: service.tenantA, programme_id: world.programmeId, table_id: 'participation', seq: 1, threshold: 5, released_at: new Date(), events: json({ rows: [{ unit: world.menteeParticipantId }] }) })
      .execute();
    const res = await service.api('DELETE', '/api/me/data', { token: await service.token(people.mentee) });
    expect(res.status).toBe(200);
    const batch = await db.selectFrom('insight_batches').select('events').where('tenant_id', '=', service.tenantA).where('programme_id', '=', world.programmeId).executeTakeFirstOrThrow();
    expect(JSON.stringify(batch.events)).not.toContain(world.menteeParticipantId);
  });

  it('deletes a programme with everything it holds once its retention period is over, and records that it did', async () => {
    const db = service.database.db;
    const old = await buildWorld(db, service.tenantA);
    await db.updateTable('programmes').set({ ends_on: '2024-01-31', starts_on: '2023-05-01' }).where('tenant_id', '=', service.tenantA).where('id', '=', old.programmeId).execute();
    const recent = await aProgramme(db, service.tenantA, { startsOn: '2025-03-03', endsOn: '2025-12-31' });
    const purged = await retentionPurger(db, { retentionDays: 365, now: new Date('2026-06-01T00:00:00Z') });
    expect(purged).toEqual([{ tenantId: service.tenantA, programmeId: old.programmeId }]);
    const left = await allRows(service, service.tenantA);
    for (const [table, rows] of Object.entries(left)) {
      if (table !== 'audit_log') for (const id of [old.programmeId, old.pairId, old.menteeReflectionId, old.concernId, old.surveyId]) expect(`${table}: ${rows}`).not.toContain(id);
    }
    expect(left.programmes).toContain(recent.id);
    const audit = await db.selectFrom('audit_log').selectAll().where('tenant_id', '=', service.tenantA).where('actor_user_id', '=', retentionActor).execute();
    expect(audit.map((a) => [a.action, a.target])).toEqual([['retention.purge', old.programmeId]]);
    expect(await retentionPurger(db, { retentionDays: 365, now: new Date('2026-06-01T00:00:00Z') })).toEqual([]);
  });

  it('sends security headers on API answers, pages and problems', async () => {
    for (const [p, token] of [['/api/me', await service.token(people.mentee)], ['/api/nope', await service.token(people.mentee)], ['/api/me', undefined], ['/privacy.html', undefined], ['/healthz', undefined]] as const) {
      const res = await service.api('GET', p, { token });
      expect({ p, nosniff: res.headers.get('x-content-type-options') }).toEqual({ p, nosniff: 'nosniff' });
      const frameAncestors = /frame-ancestors ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1]?.split(' ') ?? [];
      expect(frameAncestors).toEqual(expect.arrayContaining(["'self'", 'https://teams.microsoft.com']));
      expect(frameAncestors).not.toContain('*');
      expect(res.headers.get('content-security-policy')).toMatch(/object-src 'none'/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('limits each person, across routes, without limiting the same id in another tenant', async () => {
    const limited = await startTwoTenantService({ env: { RATE_LIMIT_PER_USER_PER_MINUTE: '4' } });
    try {
      const a = await limited.token(people.mentee);
      const statuses = [];
      await awayFromWindowEdge();
      for (const p of ['/api/me', '/api/pairs', '/api/concerns/mine', '/api/me/data', '/api/enrolment/programmes']) statuses.push((await limited.api('GET', p, { token: a })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const refused = await limited.api('GET', '/api/me', { token: a });
      expect(refused.body.code).toBe('tooManyRequests');
      expect((await limited.api('GET', '/api/me', { token: await limited.token(people.mentee, limited.tenantB) })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('the tab, the add-in and the bot never put data into HTML: no innerHTML, outerHTML, insertAdjacentHTML or dangerouslySetInnerHTML', () => {
    const root = path.resolve(__dirname, '../..');
    const offenders = ['tabs', 'outlook-addin', 'bot'].flatMap((dir) => sourceFiles(path.join(root, dir)))
      .filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|html)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every row of a tenant as text, by table. */
async function allRows(service: TwoTenantService, tenantId: string): Promise<Record<string, string>> {
  const { sql } = await import('kysely');
  const { tenantTables } = await import('./support/world');
  const out: Record<string, string> = {};
  for (const table of await tenantTables(service.database.db)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(service.database.db);
    out[table] = JSON.stringify(rows.rows);
  }
  return out;
}
