import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { PairStatus, Role } from '../../shared/glossary';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { defaultCharterText } from '../../shared/schemas/programme';
import { adminRole, type Caller } from '../../server/auth/caller';
import type { PairRow } from '../../server/pairs/pairRepository';
import { participantOf, type ParticipantRow } from '../../server/participants/participantRepository';
import { programmeRepository, type ProgrammeRecord } from '../../server/programmes/programmeRepository';
import type { Db } from '../../server/store/database';
import { json } from '../../server/store/json';
import type { SessionTable } from '../../server/store/schema';

/*
 * One-line builders of programmes, people, pairs and sessions for tests. Each fills in whatever
 * the test does not name, with valid values, and returns the stored record.
 */

const at = (iso: string) => new Date(iso);

/** A caller as a validated token would produce it (for command-level tests; route tests use real tokens). */
export function aCaller(tenantId: string, userId: string, options: { admin?: boolean } = {}): Caller {
  const roles = options.admin ? [adminRole] : [];
  return { tenantId, userId, name: userId, username: `${userId}@example.test`, roles, isAdmin: roles.includes(adminRole), accessToken: 'not-a-token' };
}

/** A person in the synced directory, so presenters can show their name and department. */
export async function aPerson(db: Db, tenantId: string, overrides: { userId?: string; displayName?: string; department?: string; jobTitle?: string } = {}): Promise<string> {
  const userId = overrides.userId ?? randomUUID();
  await db
    .insertInto('directory_users')
    .values({
      tenant_id: tenantId,
      user_id: userId,
      display_name: overrides.displayName ?? `Person ${userId.slice(0, 8)}`,
      mail: null,
      department: overrides.department ?? 'Operations',
      job_title: overrides.jobTitle ?? null,
      office_location: null,
      city: null,
      country: null,
      preferred_language: null,
      grade: null,
      account_enabled: true,
      synced_at: at('2026-01-01T00:00:00Z'),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing())
    .execute();
  return userId;
}

/** A running programme with the default settings, charter and guides unless overridden. */
export async function aProgramme(db: Db, tenantId: string, overrides: Partial<ProgrammeRecord> = {}): Promise<ProgrammeRecord> {
  const record: ProgrammeRecord = {
    id: randomUUID(),
    name: 'Inclusion 2026',
    settings: { ...defaultProgrammeSettings },
    details: { charterText: defaultCharterText, guides: { mentor: 'Guide for reverse mentors.', mentee: 'Guide for leaders.' } },
    startsOn: '2026-01-05',
    endsOn: '2026-10-05',
    status: 'running',
    createdBy: 'factory',
    updatedAt: at('2026-01-01T00:00:00Z'),
    ...overrides,
  };
  await programmeRepository(db, tenantId).insert(record);
  return record;
}

/** A person enrolled in a programme in a role. */
export async function aParticipant(db: Db, tenantId: string, props: { programmeId: string; role: Role; userId?: string }): Promise<ParticipantRow> {
  const userId = await aPerson(db, tenantId, { userId: props.userId });
  return db
    .insertInto('participants')
    .values({
      tenant_id: tenantId,
      id: randomUUID(),
      programme_id: props.programmeId,
      user_id: userId,
      role: props.role,
      profile: json({}),
      capacity: 1,
      status: 'enrolled',
      enrolled_by: 'factory',
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(participantOf);
}

/**
 * A pair in the given status (active by default), with its programme and both participants
 * created unless named. An active or paused pair started on 2026-02-01.
 */
export async function aPair(
  db: Db,
  tenantId: string,
  props: { status?: PairStatus; programmeId?: string; mentorUserId?: string; menteeUserId?: string; startedAt?: Date } = {},
): Promise<PairRow> {
  const status = props.status ?? 'active';
  const programmeId = props.programmeId ?? (await aProgramme(db, tenantId)).id;
  const mentor = await aParticipant(db, tenantId, { programmeId, role: 'mentor', userId: props.mentorUserId });
  const mentee = await aParticipant(db, tenantId, { programmeId, role: 'mentee', userId: props.menteeUserId });
  const accepted = status !== 'proposed' ? at('2026-01-20T09:00:00Z') : null;
  const started = status === 'active' || status === 'paused' || status === 'ended' ? (props.startedAt ?? at('2026-02-01T09:00:00Z')) : null;
  return db
    .insertInto('pairs')
    .values({
      tenant_id: tenantId,
      id: randomUUID(),
      programme_id: programmeId,
      mentor_participant_id: mentor.id,
      mentee_participant_id: mentee.id,
      mentor_user_id: mentor.user_id,
      mentee_user_id: mentee.user_id,
      status,
      mentor_accepted_at: accepted,
      mentee_accepted_at: accepted,
      started_at: started,
      ended_at: status === 'ended' ? at('2026-06-01T09:00:00Z') : null,
      end_reason: status === 'ended' ? 'completed' : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A session of a pair (an hour online, planned, on 2026-03-02 unless named). */
export async function aSession(
  db: Db,
  tenantId: string,
  props: { pairId: string; startsAt?: Date; minutes?: number; status?: 'planned' | 'held' | 'cancelled' },
): Promise<Selectable<SessionTable>> {
  const startsAt = props.startsAt ?? at('2026-03-02T10:00:00Z');
  return db
    .insertInto('sessions')
    .values({
      tenant_id: tenantId,
      id: randomUUID(),
      pair_id: props.pairId,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + (props.minutes ?? 60) * 60_000),
      venue: json({ kind: 'online', ref: null, displayName: 'Microsoft Teams', neutrality: 'Online' }),
      event_id: null,
      join_url: 'https://teams.example.test/meet/1',
      transaction_id: null,
      status: props.status ?? 'planned',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * People the bot can reach: each one's 1:1 conversation, as the bot stores it when Teams installs
 * the app, pointing at the Teams connector stand-in `serviceUrl`. Conversation ids are
 * `${conversationPrefix}${userId}`, so a test can tell from a post whom it was for.
 */
export async function chatsWithTheBot(db: Db, tenantId: string, props: { userIds: readonly string[]; serviceUrl: string; conversationPrefix: string }): Promise<void> {
  const now = new Date();
  // Chunks keep each statement well under Postgres's bind-parameter limit (the reminder bench stores 10,000).
  for (let i = 0; i < props.userIds.length; i += 1000) {
    const rows = props.userIds.slice(i, i + 1000).map((userId) => {
      const conversationId = `${props.conversationPrefix}${userId}`;
      const reference = { channelId: 'msteams', serviceUrl: props.serviceUrl, conversation: { id: conversationId, tenantId, conversationType: 'personal' }, user: { id: `29:${userId}`, aadObjectId: userId }, agent: { id: '28:upward' } };
      return { tenant_id: tenantId, user_id: userId, reference: json(reference), updated_at: now };
    });
    await db.insertInto('conversation_references').values(rows).execute();
  }
}
