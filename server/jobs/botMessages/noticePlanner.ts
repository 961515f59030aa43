import { domainEventOf } from '../../events/domainEvents';
import type { NewJob } from '../jobQueue';
import type { Db } from '../../store/database';
import { jobOf } from '../jobKind';
import { acrossTenants } from '../../store/tenantScope';
import { botJobs } from './botJobs';

const minute = 60_000;
/** A story edited several times in a row is announced once, for the text it settled on. */
const storySettleMs = 10 * minute;

/**
 * Notices of what happened to a pair or a programme, from the last month's domain events: a
 * published match (to each person), a programme adjusted mid-way (to everyone enrolled), a story
 * drafted (to the partner of who wrote it), a story published (to both) and a booked room that
 * declined (to both: where the session moved, or that no room was free), and an admin's reply to a
 * concern (to who raised it), an admin's pause, resumption or end of a pair (to both). One job
 * per person and event.
 */
export async function noticeJobs(db: Db, now: Date): Promise<NewJob[]> {
  const everyTenant = acrossTenants(db, 'notice planner');
  const since = new Date(now.getTime() - 30 * 24 * 60 * minute);
  const jobs: NewJob[] = [];
  /** The last month's events of these kinds about a pair, with the pair's two people. */
  const pairEventsOf = (kinds: readonly string[]) =>
    everyTenant
      .selectFrom('domain_events as e')
      .innerJoin('pairs as p', (j) => j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.pair_id'))
      .select(['e.tenant_id', 'e.id', 'e.kind', 'e.payload', 'e.created_at', 'p.id as pair_id', 'p.mentor_user_id', 'p.mentee_user_id'])
      .where('e.kind', 'in', kinds)
      .where('e.created_at', '>', since)
      .execute();

  const pairKinds = ['pair.proposed', 'story.drafted', 'story.published', 'session.room-declined'] as const;
  const pairEvents = await pairEventsOf(pairKinds);
  for (const e of pairEvents) {
    const event = domainEventOf(e, pairKinds);
    if (!event) continue;
    const base = { tenantId: e.tenant_id, runAt: e.created_at };
    if (event.kind === 'story.drafted') {
      const [author, reader] = event.payload.by === 'mentor' ? [e.mentor_user_id, e.mentee_user_id] : [e.mentee_user_id, e.mentor_user_id];
      const payload = { userId: reader, pairId: e.pair_id, authorUserId: author, version: event.payload.version };
      jobs.push(jobOf(botJobs.storyDrafted, { ...base, dedupeKey: `story-drafted:${e.id}`, payload, runAt: new Date(e.created_at.getTime() + storySettleMs) }));
      continue;
    }
    for (const userId of [e.mentor_user_id, e.mentee_user_id]) {
      const dedupeKey = `${e.kind}:${e.id}:${userId}`;
      if (event.kind === 'session.room-declined') {
        const payload = { userId, pairId: e.pair_id, sessionId: event.payload.sessionId, movedTo: event.payload.movedTo?.displayName ?? null };
        jobs.push(jobOf(botJobs.roomDeclined, { ...base, dedupeKey, payload }));
        continue;
      }
      // A new pair's people may not have the app yet: their proposal waits a week for the installation.
      const waitForChatUntil = new Date(e.created_at.getTime() + 7 * 24 * 60 * minute).toISOString();
      jobs.push(
        event.kind === 'pair.proposed'
          ? jobOf(botJobs.pairProposed, { ...base, dedupeKey, payload: { userId, pairId: e.pair_id, waitForChatUntil } })
          : jobOf(botJobs.storyPublished, { ...base, dedupeKey, payload: { userId, pairId: e.pair_id } }),
      );
    }
  }

  const adjusted = await everyTenant
    .selectFrom('domain_events as e')
    .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.programme_id', '=', 'e.programme_id'))
    .select(['e.tenant_id', 'e.id', 'e.kind', 'e.payload', 'e.created_at', 'p.programme_id', 'p.user_id'])
    .where('e.kind', '=', 'programme.adjusted')
    .where('e.created_at', '>', since)
    .where('p.status', '=', 'enrolled')
    .execute();
  for (const e of adjusted) {
    const event = domainEventOf(e, ['programme.adjusted']);
    if (!event) continue;
    jobs.push(
      jobOf(botJobs.programmeAdjusted, {
        tenantId: e.tenant_id,
        dedupeKey: `programme.adjusted:${e.id}:${e.user_id}`,
        payload: { userId: e.user_id, programmeId: e.programme_id, changed: event.payload.changed },
        runAt: e.created_at,
      }),
    );
  }

  // A reply to a concern reaches the person who raised it, and nobody else.
  const replies = await everyTenant
    .selectFrom('domain_events as e')
    .innerJoin('concerns as c', (j) => j.onRef('c.tenant_id', '=', 'e.tenant_id').on((eb) => eb(eb.cast('c.id', 'text'), '=', eb.ref('e.subject_id'))))
    .select(['e.tenant_id', 'e.id', 'e.kind', 'e.payload', 'e.created_at', 'c.id as concern_id', 'c.raised_by_user_id'])
    .where('e.kind', '=', 'concern.replied')
    .where('e.created_at', '>', since)
    .execute();
  for (const e of replies) {
    const event = domainEventOf(e, ['concern.replied']);
    if (!event) continue;
    jobs.push(
      jobOf(botJobs.concernReplied, {
        tenantId: e.tenant_id,
        dedupeKey: `concern.replied:${e.id}`,
        payload: { userId: e.raised_by_user_id, concernId: e.concern_id, entryId: event.payload.entryId },
        runAt: e.created_at,
      }),
    );
  }
  // Only an admin's change: what a member did themself, they know, and their partner sees in the tab.
  const adminKinds = ['pair.paused', 'pair.active', 'pair.ended'] as const;
  const changed = await pairEventsOf(adminKinds);
  for (const e of changed) {
    const event = domainEventOf(e, adminKinds);
    if (!event?.payload.byAdmin) continue;
    const change = event.kind === 'pair.paused' ? 'paused' : event.kind === 'pair.active' ? 'resumed' : event.payload.endReason === 'no-fault-repair' ? 're-paired' : 'ended';
    for (const userId of [e.mentor_user_id, e.mentee_user_id]) {
      jobs.push(jobOf(botJobs.pairChanged, { tenantId: e.tenant_id, dedupeKey: `pair.changed:${e.id}:${userId}`, payload: { userId, pairId: e.pair_id, change }, runAt: e.created_at }));
    }
  }
  return jobs;
}
