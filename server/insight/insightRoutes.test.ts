import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { programmeFacts } from '../../shared/insight/programmeTables';
import { smallDerivableGroups } from '../../shared/insight/testing/disclosureAudit';
import type { TableView } from '../../shared/insight/tableView';
import { aParticipant, aPerson, aProgramme } from '../../test/harness/factories';
import { testEngines } from '../../test/harness/databases';
import { startTestService, type TestService } from '../../test/harness/testService';
import type { Db } from '../store/database';
import { json, reportStoredDataTo } from '../store/json';
import { loadProgrammeInsight } from './insightLoader';

const admin = DEMO_PERSONAS.programmeAdmin.id;
const participantUser = DEMO_PERSONAS.juniorMentor.id;
const now = new Date('2026-05-15T12:00:00Z');
const threshold = 5;

/** Unique strings planted in every kind of private text; none may leave the server to an admin. */
const markers = {
  reflection: `REFLECTION-${randomUUID()}`,
  agenda: `AGENDA-${randomUUID()}`,
  takeaway: `TAKEAWAY-${randomUUID()}`,
  commitment: `COMMITMENT-${randomUUID()}`,
  praise: `PRAISE-${randomUUID()}`,
  surveyComment: `SURVEY-COMMENT-${randomUUID()}`,
  story: `UNPUBLISHED-STORY-${randomUUID()}`,
  charter: `CHARTER-${randomUUID()}`,
};

interface World {
  programmeId: string;
  otherTenantProgrammeId: string;
}

/**
 * A four-month programme with small departments: Finance and Sales of six people each, Legal of
 * two and HR of one (both shown as "Other departments"), pairs in every state, sessions, survey
 * answers, take-aways and commitments, and private text everywhere.
 */
async function buildWorld(db: Db, tenantId: string): Promise<World> {
  const programme = await aProgramme(db, tenantId, { startsOn: '2026-01-05', endsOn: '2026-04-30', details: { charterText: markers.charter, guides: { mentor: '', mentee: '' } } });
  const people: { id: string; userId: string; role: 'mentor' | 'mentee' }[] = [];
  const departments = [...Array(6).fill('Finance'), ...Array(6).fill('Sales'), 'Legal', 'Legal', 'HR'] as string[];
  for (const [i, department] of departments.entries()) {
    const userId = await aPerson(db, tenantId, { department });
    if (i === 3) await db.updateTable('directory_users').set({ account_enabled: false }).where('user_id', '=', userId).execute();
    const role = i % 2 === 0 ? 'mentee' : 'mentor';
    const p = await aParticipant(db, tenantId, { programmeId: programme.id, role, userId });
    // Enrolment months spread over the programme; created_at is otherwise written once, by the database.
    await sql`update participants set created_at = ${new Date(`2026-0${1 + (i % 3)}-10T09:00:00Z`)} where id = ${p.id}`.execute(db);
    people.push({ id: p.id, userId, role });
  }
  const mentees = people.filter((p) => p.role === 'mentee');
  const mentors = people.filter((p) => p.role === 'mentor');
  const statuses = [['active', null], ['active', null], ['ended', 'completed'], ['ended', 'no-fault-repair'], ['paused', null], ['accepted', null], ['ended', 'reporting-line-change']] as const;
  for (const [i, [status, endReason]] of statuses.entries()) {
    const mentor = mentors[i]!;
    const mentee = mentees[i]!;
    const pairId = randomUUID();
    await db
      .insertInto('pairs')
      .values({
        tenant_id: tenantId, id: pairId, programme_id: programme.id, mentor_participant_id: mentor.id, mentee_participant_id: mentee.id,
        mentor_user_id: mentor.userId, mentee_user_id: mentee.userId, status, mentor_accepted_at: now, mentee_accepted_at: now,
        started_at: status === 'accepted' ? null : new Date('2026-02-01T09:00:00Z'), ended_at: status === 'ended' ? new Date('2026-04-01T09:00:00Z') : null,
        end_reason: endReason, created_at: new Date('2026-01-20T09:00:00Z'),
      })
      .execute();
    for (let s = 0; s < i % 4; s++) {
      const sessionId = randomUUID();
      const startsAt = new Date(`2026-0${2 + s}-0${2 + i}T10:00:00Z`);
      await db.insertInto('sessions').values({ tenant_id: tenantId, id: sessionId, pair_id: pairId, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 3_600_000), venue: json({ kind: 'online' }), event_id: null, join_url: null, transaction_id: null, status: 'held' }).execute();
      await db.insertInto('agenda_items').values({ tenant_id: tenantId, id: randomUUID(), pair_id: pairId, session_id: sessionId, text: markers.agenda, proposed_by: 'mentee', accepted: true, position: s }).execute();
      await db.insertInto('reflections').values({ tenant_id: tenantId, id: randomUUID(), pair_id: pairId, session_id: sessionId, author_user_id: mentee.userId, text: markers.reflection, shared_with_partner: false }).execute();
      await db.insertInto('takeaways').values({ tenant_id: tenantId, id: randomUUID(), pair_id: pairId, session_id: sessionId, text: markers.takeaway, proposed_by_user_id: mentor.userId, confirmed_by_user_id: mentee.userId, status: s % 2 === 0 ? 'agreed' : 'proposed', created_at: startsAt }).execute();
      await db.insertInto('commitments').values({ tenant_id: tenantId, id: randomUUID(), pair_id: pairId, session_id: sessionId, text: markers.commitment, due_on: null, status: s === 0 ? 'kept' : 'open', created_at: startsAt }).execute();
    }
    await db.insertInto('praise').values({ tenant_id: tenantId, id: randomUUID(), pair_id: pairId, from_user_id: mentee.userId, text: markers.praise, share_with_manager: false }).execute();
    if (i === 0) {
      await db.insertInto('stories').values({ tenant_id: tenantId, id: randomUUID(), pair_id: pairId, text: markers.story, mentor_consent: true, mentee_consent: false, published_at: null }).execute();
    }
  }
  for (const kind of ['pulse', 'end'] as const) {
    const surveyId = randomUUID();
    await db.insertInto('surveys').values({ tenant_id: tenantId, id: surveyId, programme_id: programme.id, kind, opens_at: new Date('2026-03-01T00:00:00Z') }).execute();
    for (const [i, p] of people.entries()) {
      const answers = kind === 'pulse' ? { rating: String(1 + (i % 5)), comment: markers.surveyComment } : { before: 2, after: 2 + (i % 3), comment: markers.surveyComment };
      await db.insertInto('survey_responses').values({ tenant_id: tenantId, survey_id: surveyId, participant_id: p.id, answers: json(answers), submitted_at: new Date(`2026-0${3 + (i % 2)}-05T09:00:00Z`) }).execute();
    }
  }
  await aPerson(db, tenantId, { userId: admin, displayName: 'Priya Raman', department: 'People' });
  const elsewhere = await aProgramme(db, 'another-tenant', { startsOn: '2026-01-05', endsOn: '2026-04-30' });
  return { programmeId: programme.id, otherTenantProgrammeId: elsewhere.id };
}

describe.each(testEngines().map((e) => [e.name, e] as const))('programme insight API [%s]', (_name, engine) => {
  let service: TestService;
  let tenantId: string;
  let world: World;

  beforeAll(async () => {
    service = await startTestService({ clock: () => now, engine });
    tenantId = service.standIn.tenantId.toLowerCase();
    world = await buildWorld(service.database.db, tenantId);
  });
  afterAll(async () => {
    await service.close();
  });

  const insight = (query = '') => service.api('GET', `/api/programmes/${world.programmeId}/insight${query}`, { as: admin });

  it('offers small departments only together, and reports the programme as a whole', async () => {
    const response = await insight();
    expect(response.status).toBe(200);
    expect(response.body.departments).toEqual(['Finance', 'Sales', 'Other departments']);
    expect(response.body.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(response.body.threshold).toBe(threshold);
    const participation = response.body.tables.find((t: TableView) => t.id === 'participation');
    expect(participation.total.count).toBe(15);
    expect(response.body.tables.map((t: TableView) => t.id)).toEqual([
      'participation', 'retention', 'sessionsHeld', 'sessionsPerPair', 'daysToFirstSession', 'survey:pulse', 'survey:pairing-fit',
      'survey:mid-point', 'survey:end', 'selfAssessment:mentee', 'selfAssessment:mentor', 'takeaways', 'commitments',
    ]);
    expect((await insight('?department=Legal')).status).toBe(400);
    expect((await insight('?from=2025-12')).status).toBe(400);
  });

  it('lets no group smaller than the threshold be derived from all views together, for every filter combination', async () => {
    const first = await insight();
    const departments: string[] = first.body.departments;
    const months: string[] = first.body.months;
    const published = new Map<string, number[][]>();
    const facts = programmeFacts((await loadProgrammeInsight(service.database.db, tenantId, world.programmeId, now))!);
    const atomIndex = (categories: readonly string[], d: number, m: number, c: number) => (d * months.length + m) * categories.length + c;
    const atomsOf = (categories: readonly string[], department: string | null, from: string, to: string, category: string | null) =>
      departments.flatMap((d, di) =>
        months.flatMap((m, mi) =>
          categories.flatMap((c, ci) => ((department === null || department === d) && m >= from && m <= to && (category === null || category === c) ? [atomIndex(categories, di, mi, ci)] : [])),
        ),
      );
    const responses: unknown[] = [];
    for (const department of [null, ...departments]) {
      for (let i = 0; i < months.length; i++) {
        for (let j = i; j < months.length; j++) {
          const query = `?from=${months[i]}&to=${months[j]}${department ? `&department=${encodeURIComponent(department)}` : ''}`;
          const response = await insight(query);
          expect(response.status).toBe(200);
          responses.push(response.body);
          for (const table of response.body.tables as TableView[]) {
            const categories = table.categories.map((c) => c.category);
            const cells = published.get(table.id) ?? [];
            const take = (from: string, to: string, category: string | null, count: number | null) => {
              if (count === null) return;
              expect(count === 0 || count >= threshold).toBe(true);
              cells.push(atomsOf(categories, department, from, to, category));
            };
            take(months[i]!, months[j]!, null, table.total.count);
            table.categories.forEach((c) => take(months[i]!, months[j]!, c.category, c.count));
            table.series.forEach((s) => {
              take(s.month, s.month, null, s.total.count);
              s.categories.forEach((c) => take(s.month, s.month, c.category, c.count));
            });
            published.set(table.id, cells);
          }
        }
      }
    }
    for (const [id, cells] of published) {
      const tableFacts = facts.facts[id as keyof typeof facts.facts];
      const categories = (first.body.tables as TableView[]).find((t) => t.id === id)!.categories.map((c) => c.category);
      const atomFacts = tableFacts.map((f) => ({ atom: atomIndex(categories, departments.indexOf(f.department), months.indexOf(f.month), categories.indexOf(f.category)), unit: f.unit }));
      expect({ id, leaks: smallDerivableGroups(atomFacts, cells, threshold) }).toEqual({ id, leaks: [] });
    }
    const text = JSON.stringify(responses);
    for (const marker of Object.values(markers)) expect(text).not.toContain(marker);
  });

  it('shows the same figures after one more person answers, and new ones only when the threshold of people have (no before/after differencing)', async () => {
    const participants = await service.database.db.selectFrom('participants').select('id').where('tenant_id', '=', tenantId).where('programme_id', '=', world.programmeId).orderBy('id').execute();
    const surveyId = randomUUID();
    await service.database.db.insertInto('surveys').values({ tenant_id: tenantId, id: surveyId, programme_id: world.programmeId, kind: 'mid-point', opens_at: new Date('2026-03-01T00:00:00Z') }).execute();
    const answer = (p: { id: string }, progress: number) =>
      service.database.db.insertInto('survey_responses').values({ tenant_id: tenantId, survey_id: surveyId, participant_id: p.id, answers: json({ progress: String(progress) }), submitted_at: new Date('2026-03-09T09:00:00Z') }).execute();
    const midPoint = async () => ((await insight()).body.tables as TableView[]).find((t) => t.id === 'survey:mid-point')!;
    for (const [i, p] of participants.slice(0, 9).entries()) await answer(p, 3 + (i % 2));
    const before = await midPoint();
    expect(before.total.count).toBe(9);
    await answer(participants[9]!, 1);
    expect(await midPoint()).toEqual(before);
    for (const p of participants.slice(10, 14)) await answer(p, 2);
    const after = await midPoint();
    expect(after.total.count).toBe(14);
  });

  it('exports the same suppressed aggregates as CSV, and no private text', async () => {
    const csv = await service.api('GET', `/api/programmes/${world.programmeId}/insight/export.csv?department=Finance`, { as: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('table,counts,department,months,category,count,mean,suppressed');
    const view = (await insight('?department=Finance')).body;
    const participation = view.tables.find((t: TableView) => t.id === 'participation');
    expect(lines).toContain(`participation,participants,Finance,2026-01..2026-04,total,${participation.total.count ?? ''},,${participation.total.count === null ? 'yes' : 'no'}`);
    for (const line of lines.slice(1)) {
      const count = line.split(',')[5]!;
      if (count !== '') expect(Number(count) === 0 || Number(count) >= threshold).toBe(true);
    }
    for (const marker of Object.values(markers)) expect(String(csv.body)).not.toContain(marker);
  });

  it('exports the audit log of admin actions (who, what, when) as JSON and CSV, with no private text', async () => {
    const json = await service.api('GET', '/api/admin/audit-log', { as: admin });
    expect(json.status).toBe(200);
    expect(json.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ actorUserId: admin, action: 'insight.export', target: world.programmeId, at: now.toISOString() })]));
    const csv = await service.api('GET', '/api/admin/audit-log?format=csv&from=2026-05-15&to=2026-05-15', { as: admin });
    expect(String(csv.body).split('\n')[0]).toBe('at,actorUserId,actorName,action,target,changes');
    expect(String(csv.body)).toContain(`${admin},Priya Raman,insight.view,${world.programmeId}`);
    expect((await service.api('GET', '/api/admin/audit-log?from=2026-05-16', { as: admin })).body.entries).toEqual([]);
    for (const marker of Object.values(markers)) expect(JSON.stringify(json.body) + String(csv.body)).not.toContain(marker);
  });

  it('refuses people without the Upward.Admin role, and shows another tenant nothing', async () => {
    for (const path of [`/api/programmes/${world.programmeId}/insight`, `/api/programmes/${world.programmeId}/insight/export.csv`, '/api/admin/audit-log']) {
      expect((await service.api('GET', path, { as: participantUser })).status).toBe(403);
      expect((await service.api('GET', path)).status).toBe(401);
    }
    expect((await service.api('GET', `/api/programmes/${world.otherTenantProgrammeId}/insight`, { as: admin })).status).toBe(404);
    await service.database.db.insertInto('audit_log').values({ tenant_id: 'another-tenant', id: randomUUID(), actor_user_id: 'someone-else', action: 'programme.create', target: world.otherTenantProgrammeId, at: now }).execute();
    const log = await service.api('GET', '/api/admin/audit-log', { as: admin });
    expect(JSON.stringify(log.body)).not.toContain('someone-else');
  });
  it('shows an audit entry whose stored changes no longer parse with its changes unavailable (null), and logs it', async () => {
    const warn = jest.fn();
    reportStoredDataTo({ warn });
    const id = randomUUID();
    await service.database.db
      .insertInto('audit_log')
      .values({ tenant_id: tenantId, id, actor_user_id: admin, action: 'programme.settings', target: world.programmeId, at: now, changes: json({ threshold: 7 }) })
      .execute();
    const log = await service.api('GET', '/api/admin/audit-log', { as: admin });
    expect(log.status).toBe(200);
    expect(log.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'programme.settings', target: world.programmeId, changes: null })]));
    expect(warn).toHaveBeenCalledWith({ table: 'audit_log', column: 'changes', id: `${tenantId}/${id}`, fields: ['threshold'] }, expect.any(String));
    expect((await service.api('GET', '/api/admin/audit-log?format=csv', { as: admin })).status).toBe(200);
  });

  // Last: it leaves the participation table withheld.
  it('withholds a table one of whose released batches no longer parses (nothing of it shown, no batch cut over it), and logs it', async () => {
    const before = (await insight()).body;
    expect(before.tables.find((t: TableView) => t.id === 'participation').total.count).toBe(15);
    const warn = jest.fn();
    reportStoredDataTo({ warn });
    await service.database.db
      .updateTable('insight_batches')
      .set({ events: json([{ id: 'p1', unit: 'u1', department: 'Finance', month: 'March', category: 'active', weight: 1 }]) })
      .where('programme_id', '=', world.programmeId)
      .where('table_id', '=', 'participation')
      .where('seq', '=', 1)
      .execute();
    const after = (await insight()).body;
    const participation: TableView = after.tables.find((t: TableView) => t.id === 'participation');
    const counts = [participation.total, ...participation.categories, ...participation.series.flatMap((s) => [s.total, ...s.categories])].map((c) => c.count);
    expect(counts.every((c) => c === 0 || c === null)).toBe(true);
    expect(after.tables.filter((t: TableView) => t.id !== 'participation')).toEqual(before.tables.filter((t: TableView) => t.id !== 'participation'));
    expect(warn).toHaveBeenCalledWith({ table: 'insight_batches', column: 'events', id: `${tenantId}/${world.programmeId}/participation/1`, fields: ['month'] }, expect.any(String));
    const batches = await service.database.db.selectFrom('insight_batches').select('seq').where('programme_id', '=', world.programmeId).where('table_id', '=', 'participation').execute();
    expect(batches.map((b) => b.seq)).toEqual([1]);
  });
});
