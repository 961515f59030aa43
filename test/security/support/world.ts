import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { generateDemoOrg } from '../../../dev/demoOrg/generateDemoOrg';
import { DEMO_PERSONAS } from '../../../dev/demoOrg/personas';
import { startM365StandIn, type M365StandIn } from '../../../dev/m365StandIn';
import type { Db } from '../../../server/store/database';
import { json } from '../../../server/store/json';
import { aPair, aParticipant, aPerson, aProgramme, aSession } from '../../harness/factories';
import { startTestService, type TestService } from '../../harness/testService';
import type { TestEngine } from '../../harness/databases';

/** A second tenant the stand-in also hosts: the same people (same object ids), another organisation. */
export const otherTenantId = '0b7e2c4d-6a1f-4e3b-9c8d-5f4e3d2c1b0a';

const standInOrg = { seed: 'security', size: 60 } as const;
const personaIds: readonly string[] = Object.values(DEMO_PERSONAS).map((p) => p.id);

export const people = {
  /** Someone in the directory, enrolled nowhere: an admin can invite them. */
  invitee: generateDemoOrg(standInOrg).people.find((p) => !personaIds.includes(p.user.id))!.user.id,
  mentee: DEMO_PERSONAS.seniorLeader.id,
  mentor: DEMO_PERSONAS.juniorMentor.id,
  stranger: DEMO_PERSONAS.juniorInLeadersChain.id,
  admin: DEMO_PERSONAS.programmeAdmin.id,
} as const;

export interface TwoTenantService extends TestService {
  tenantA: string;
  tenantB: string;
  /** A real token of a person in a tenant (tenant A unless named). */
  token(userId: string, tenantId?: string): Promise<string>;
}

/** The real app on production wiring, serving two tenants of one stand-in (ENTRA_ALLOWED_TENANTS names both). */
export async function startTwoTenantService(options: { env?: Record<string, string>; engine?: TestEngine } = {}): Promise<TwoTenantService> {
  const standIn: M365StandIn = await startM365StandIn({ port: 0, ...standInOrg, extraTenantIds: [otherTenantId] });
  const service = await startTestService({
    standIn,
    engine: options.engine,
    env: { ENTRA_ALLOWED_TENANTS: `${standIn.tenantId},${otherTenantId}`, RATE_LIMIT_PER_USER_PER_MINUTE: '100000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000', ...options.env },
  });
  return {
    ...service,
    tenantA: standIn.tenantId,
    tenantB: otherTenantId,
    token: (userId, tenantId) => standIn.issueToken(userId, { tenantId: tenantId ?? standIn.tenantId }),
    async close() {
      await service.close();
      await standIn.stop();
    },
  };
}

/** Everything a pair accumulates, so every route has something real to act on. Ids can be fixed to build identical tenants. */
export interface World {
  tenantId: string;
  programmeId: string;
  pairId: string;
  /** A pair of the same programme the stranger is in, so the stranger is a participant, not an outsider. */
  otherPairId: string;
  mentorParticipantId: string;
  menteeParticipantId: string;
  strangerParticipantId: string;
  sessionId: string;
  agendaItemId: string;
  suggestionId: string;
  menteeReflectionId: string;
  mentorReflectionId: string;
  takeawayByMentorId: string;
  takeawayByMenteeId: string;
  commitmentId: string;
  praiseId: string;
  concernId: string;
  /** The pair's own draft story. */
  storyId: string;
  /** The other pair's story, published with both consents: what an admin posts to Teams. */
  publishedStoryId: string;
  surveyId: string;
  matchRunId: string;
  /** A meeting the mentee offered and the mentor accepted, held and observed, not yet shared. */
  shadowingOfferId: string;
}

const day = (iso: string) => new Date(iso);

/** Builds a world in one tenant; pass `ids` from another world to give both tenants the same ids. */
export async function buildWorld(db: Db, tenantId: string, ids: Partial<World> = {}): Promise<World> {
  const id = (key: keyof World) => (ids[key] as string | undefined) ?? randomUUID();
  const programmeId = id('programmeId');
  await aProgramme(db, tenantId, { id: programmeId, status: 'open' });
  await aPerson(db, tenantId, { userId: people.admin, displayName: 'Programme Admin' });
  const pair = await aPair(db, tenantId, { programmeId, mentorUserId: people.mentor, menteeUserId: people.mentee });
  const pairId = id('pairId');
  const otherPairId = id('otherPairId');
  // Factories choose random ids; rename them so two tenants can hold identical keys.
  await db.updateTable('pairs').set({ id: pairId }).where('tenant_id', '=', tenantId).where('id', '=', pair.id).execute();
  const stranger = await aParticipant(db, tenantId, { programmeId, role: 'mentor', userId: people.stranger });
  const strangersMentee = await aParticipant(db, tenantId, { programmeId, role: 'mentee', userId: randomUUID() });
  await db
    .insertInto('pairs')
    .values({
      tenant_id: tenantId, id: otherPairId, programme_id: programmeId, mentor_participant_id: stranger.id, mentee_participant_id: strangersMentee.id,
      mentor_user_id: stranger.user_id, mentee_user_id: strangersMentee.user_id, status: 'active', mentor_accepted_at: day('2026-01-20T09:00:00Z'),
      mentee_accepted_at: day('2026-01-20T09:00:00Z'), started_at: day('2026-02-01T09:00:00Z'), ended_at: null, end_reason: null,
    })
    .execute();
  await db.insertInto('charters').values({ tenant_id: tenantId, pair_id: pairId, text: 'We meet monthly.', mentor_signed_at: day('2026-01-25T09:00:00Z'), mentee_signed_at: day('2026-01-25T09:00:00Z') }).execute();
  const session = await aSession(db, tenantId, { pairId });
  const sessionId = id('sessionId');
  await db.updateTable('sessions').set({ id: sessionId }).where('tenant_id', '=', tenantId).where('id', '=', session.id).execute();

  const world: World = {
    tenantId, programmeId, pairId, otherPairId, sessionId,
    mentorParticipantId: pair.mentor_participant_id, menteeParticipantId: pair.mentee_participant_id, strangerParticipantId: stranger.id,
    agendaItemId: id('agendaItemId'), suggestionId: id('suggestionId'), menteeReflectionId: id('menteeReflectionId'), mentorReflectionId: id('mentorReflectionId'),
    takeawayByMentorId: id('takeawayByMentorId'), takeawayByMenteeId: id('takeawayByMenteeId'), commitmentId: id('commitmentId'), praiseId: id('praiseId'),
    concernId: id('concernId'), storyId: id('storyId'), publishedStoryId: id('publishedStoryId'), surveyId: id('surveyId'), matchRunId: id('matchRunId'),
    shadowingOfferId: id('shadowingOfferId'),
  };
  const at = day('2026-03-02T12:00:00Z');
  await db.insertInto('agenda_items').values([
    { tenant_id: tenantId, id: world.agendaItemId, pair_id: pairId, session_id: sessionId, text: 'How juniors use AI', proposed_by: 'mentee', accepted: true, position: 0 },
    { tenant_id: tenantId, id: world.suggestionId, pair_id: pairId, session_id: null, text: 'Hybrid meetings', proposed_by: 'mentor', accepted: false, position: 1 },
  ]).execute();
  await db.insertInto('reflections').values([
    { tenant_id: tenantId, id: world.menteeReflectionId, pair_id: pairId, session_id: sessionId, author_user_id: people.mentee, text: 'I talk too much in meetings.', shared_with_partner: false },
    { tenant_id: tenantId, id: world.mentorReflectionId, pair_id: pairId, session_id: sessionId, author_user_id: people.mentor, text: 'She listened.', shared_with_partner: false },
  ]).execute();
  await db.insertInto('takeaways').values([
    { tenant_id: tenantId, id: world.takeawayByMentorId, pair_id: pairId, session_id: sessionId, text: 'Ask juniors first', proposed_by_user_id: people.mentor, confirmed_by_user_id: null, status: 'proposed' },
    { tenant_id: tenantId, id: world.takeawayByMenteeId, pair_id: pairId, session_id: sessionId, text: 'Shadow a stand-up', proposed_by_user_id: people.mentee, confirmed_by_user_id: null, status: 'proposed' },
  ]).execute();
  await db.insertInto('commitments').values({ tenant_id: tenantId, id: world.commitmentId, pair_id: pairId, session_id: sessionId, text: 'Hold a skip-level', due_on: '2026-04-01', status: 'open' }).execute();
  await db.insertInto('praise').values({ tenant_id: tenantId, id: world.praiseId, pair_id: pairId, from_user_id: people.mentee, text: 'Thank you, Jun.', share_with_manager: false }).execute();
  await db.insertInto('concerns').values({ tenant_id: tenantId, id: world.concernId, programme_id: programmeId, pair_id: pairId, raised_by_user_id: people.mentee, kind: 'concern', text: 'We keep cancelling.', status: 'open', updated_at: at }).execute();
  await db.insertInto('stories').values({ tenant_id: tenantId, id: world.storyId, pair_id: pairId, text: 'What changed for us.', mentor_consent: false, mentee_consent: false, published_at: null, drafted_by: people.mentee, version: 1, updated_at: at }).execute();
  await db.insertInto('stories').values({ tenant_id: tenantId, id: world.publishedStoryId, pair_id: otherPairId, text: 'Published with consent.', mentor_consent: true, mentee_consent: true, published_at: at, drafted_by: people.stranger, version: 1, updated_at: at }).execute();
  await db.insertInto('match_runs').values({ tenant_id: tenantId, id: world.matchRunId, programme_id: programmeId, total_score: 0, created_by: people.admin, created_at: at, published_at: null, published_by: null }).execute();
  await db.insertInto('surveys').values({ tenant_id: tenantId, id: world.surveyId, programme_id: programmeId, kind: 'pulse', opens_at: at }).execute();
  await db.insertInto('shadowing_offers').values({
    tenant_id: tenantId, id: world.shadowingOfferId, pair_id: pairId, programme_id: programmeId, event_id: 'AAMkAGshadowedStandUp0001', subject: 'Team stand-up',
    starts_at: day('2026-02-20T09:00:00Z'), ends_at: day('2026-02-20T09:30:00Z'), note: null, status: 'accepted', offered_at: at, answered_at: at,
    saw: 'Questions went to the most senior person.', effect: 'Juniors stopped speaking.', try_next: 'Ask the newest person first.', observed_at: at, observations_shared_at: null,
  }).execute();
  await db.insertInto('survey_responses').values({ tenant_id: tenantId, survey_id: world.surveyId, participant_id: world.menteeParticipantId, answers: json({ score: 4 }), submitted_at: at }).execute();
  return world;
}

/** Every table that has a tenant_id column, read from the catalogue so a new table is counted too. */
export async function tenantTables(db: Db): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where column_name = 'tenant_id' and table_schema = current_schema()
    order by table_name`.execute(db);
  return rows.rows.map((r) => r.table_name);
}

/** Row count of every tenant table, per tenant: `{ "pairs@<tenant>": 2, ... }`. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tenantTables(db)) {
    const rows = await sql<{ tenant_id: string; n: string | number }>`select tenant_id, count(*) as n from ${sql.table(table)} group by tenant_id`.execute(db);
    for (const r of rows.rows) counts[`${table}@${r.tenant_id}`] = Number(r.n);
  }
  return counts;
}

/** Bookkeeping every request touches, refused or not: counting a request is not changing data. */
const REQUEST_BOOKKEEPING = new Set(['rate_limit_windows']);

/** A digest of every row of one tenant (all data tables), to prove a tenant's data did not change at all. */
export async function tenantDigest(db: Db, tenantId: string): Promise<string> {
  const parts: string[] = [];
  for (const table of (await tenantTables(db)).filter((name) => !REQUEST_BOOKKEEPING.has(name))) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(db);
    parts.push(`${table}:${rows.rows.map((r) => JSON.stringify(r)).sort().join('\n')}`);
  }
  return parts.join('\n--\n');
}
