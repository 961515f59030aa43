import { sql } from 'kysely';
import type { NewJob } from '../jobQueue';
import type { Db } from '../../store/database';
import { botJobKinds } from './botJobs';

const minute = 60_000;
/** A story edited several times in a row is announced once, for the text it settled on. */
const storySettleMs = 10 * minute;

/**
 * Notices of what happened to a pair or a programme, from the last month's domain events: a
 * published match (to each person), a programme adjusted mid-way (to everyone enrolled), a story
 * drafted (to the partner of who wrote it) and a story published (to both). One job per person
 * and event.
 */
export async function noticeJobs(db: Db, now: Date): Promise<NewJob[]> {
  const since = new Date(now.getTime() - 30 * 24 * 60 * minute);
  const jobs: NewJob[] = [];

  // A story's publication names its pair in the payload (its subject is the story); the others name the pair as subject.
  const pairEvents = await db
    .selectFrom('domain_events as e')
    .innerJoin('pairs as p', (j) => j.onRef('p.tenant_id', '=', 'e.tenant_id').on(sql`p.id::text`, '=', sql`case when e.kind = 'story.published' then e.payload->>'pairId' else e.subject_id end`))
    .select(['e.tenant_id', 'e.id', 'e.kind', 'e.payload', 'e.created_at', 'p.id as pair_id', 'p.mentor_user_id', 'p.mentee_user_id'])
    .where('e.kind', 'in', ['pair.proposed', 'story.drafted', 'story.published'])
    .where('e.created_at', '>', since)
    .execute();
  for (const e of pairEvents) {
    const base = { tenantId: e.tenant_id, runAt: e.created_at };
    if (e.kind === 'story.drafted') {
      const [author, reader] = e.payload.by === 'mentor' ? [e.mentor_user_id, e.mentee_user_id] : [e.mentee_user_id, e.mentor_user_id];
      const payload = { userId: reader, pairId: e.pair_id, authorUserId: author, version: e.payload.version };
      jobs.push({ ...base, kind: botJobKinds.storyDrafted, dedupeKey: `story-drafted:${e.id}`, payload, runAt: new Date(e.created_at.getTime() + storySettleMs) });
      continue;
    }
    const kind = e.kind === 'pair.proposed' ? botJobKinds.pairProposed : botJobKinds.storyPublished;
    for (const userId of [e.mentor_user_id, e.mentee_user_id]) {
      // A new pair's people may not have the app yet: their proposal waits a week for the installation.
      const waitForChatUntil = new Date(e.created_at.getTime() + 7 * 24 * 60 * minute).toISOString();
      jobs.push({ ...base, kind, dedupeKey: `${e.kind}:${e.id}:${userId}`, payload: { userId, pairId: e.pair_id, ...(e.kind === 'pair.proposed' ? { waitForChatUntil } : {}) } });
    }
  }

  const adjusted = await db
    .selectFrom('domain_events as e')
    .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'e.tenant_id').on(sql`p.programme_id::text`, '=', sql.ref('e.subject_id')))
    .select(['e.tenant_id', 'e.id', 'e.payload', 'e.created_at', 'p.programme_id', 'p.user_id'])
    .where('e.kind', '=', 'programme.adjusted')
    .where('e.created_at', '>', since)
    .where('p.status', '=', 'enrolled')
    .execute();
  for (const e of adjusted) {
    jobs.push({
      tenantId: e.tenant_id,
      kind: botJobKinds.programmeAdjusted,
      dedupeKey: `programme.adjusted:${e.id}:${e.user_id}`,
      payload: { userId: e.user_id, programmeId: e.programme_id, changed: e.payload.changed },
      runAt: e.created_at,
    });
  }
  return jobs;
}
