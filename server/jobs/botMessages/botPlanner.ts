import { domainEventOf } from '../../events/domainEvents';
import { surveysDue } from '../../../shared/surveySchedule';
import { type NewJob, scheduleJobs } from '../jobQueue';
import { programmeDetailsOf, programmeSettingsOf } from '../../programmes/programmeRepository';
import type { Db } from '../../store/database';
import { jobOf } from '../jobKind';
import { acrossTenants } from '../../store/tenantScope';
import { botJobs } from './botJobs';
import { noticeJobs } from './noticePlanner';
import { trainingOfferJobs } from './trainingPlanner';

const hour = 3_600_000;
const day = 24 * hour;

/**
 * Turns what happened (sessions, events, commitments) into bot jobs. It can run as often as
 * wanted, in every process: each job has a unique key, so planning twice schedules nothing new.
 */
export async function planBotJobs(db: Db, now: Date, options: { reminderLeadMs?: number; cadenceGraceMs?: number } = {}): Promise<number> {
  const everyTenant = acrossTenants(db, 'reminder planner');
  const lead = options.reminderLeadMs ?? 24 * hour;
  const jobs: NewJob[] = [];
  const both = (pair: { mentor_user_id: string; mentee_user_id: string }) => [
    { userId: pair.mentor_user_id, role: 'mentor' },
    { userId: pair.mentee_user_id, role: 'mentee' },
  ];

  const sessions = await everyTenant
    .selectFrom('sessions')
    .innerJoin('pairs', (j) => j.onRef('pairs.tenant_id', '=', 'sessions.tenant_id').onRef('pairs.id', '=', 'sessions.pair_id'))
    .select(['sessions.tenant_id', 'sessions.id', 'sessions.pair_id', 'sessions.starts_at', 'sessions.ends_at', 'pairs.mentor_user_id', 'pairs.mentee_user_id'])
    .where('sessions.status', '!=', 'cancelled')
    .where('pairs.status', '=', 'active')
    .where('sessions.starts_at', '<', new Date(now.getTime() + lead + day))
    .where('sessions.ends_at', '>', new Date(now.getTime() - 7 * day))
    .execute();
  for (const s of sessions) {
    for (const { userId } of both(s)) {
      if (s.starts_at > now) {
        jobs.push(jobOf(botJobs.sessionReminder, { tenantId: s.tenant_id, dedupeKey: `reminder:${s.id}:${userId}`, payload: { userId, sessionId: s.id }, runAt: new Date(s.starts_at.getTime() - lead) }));
      }
      jobs.push(jobOf(botJobs.reflectionPrompt, { tenantId: s.tenant_id, dedupeKey: `reflect:${s.id}:${userId}`, payload: { userId, sessionId: s.id }, runAt: s.ends_at }));
    }
  }

  // Pairing fit after the pair's first session.
  const firsts = await everyTenant
    .selectFrom('sessions')
    .innerJoin('pairs', (j) => j.onRef('pairs.tenant_id', '=', 'sessions.tenant_id').onRef('pairs.id', '=', 'sessions.pair_id'))
    .innerJoin('programmes', (j) => j.onRef('programmes.tenant_id', '=', 'pairs.tenant_id').onRef('programmes.id', '=', 'pairs.programme_id'))
    .select(['sessions.tenant_id', 'sessions.pair_id', 'pairs.mentor_user_id', 'pairs.mentee_user_id', 'programmes.id as programme_id', 'programmes.details', (eb) => eb.fn.min('sessions.ends_at').as('first_end')])
    .where('sessions.status', '!=', 'cancelled')
    .where('pairs.status', '=', 'active')
    .groupBy(['sessions.tenant_id', 'sessions.pair_id', 'pairs.mentor_user_id', 'pairs.mentee_user_id', 'programmes.id', 'programmes.details'])
    .having((eb) => eb.fn.min('sessions.ends_at'), '<=', now)
    .execute();
  for (const f of firsts) {
    const firstSessionEndedAt = f.first_end.toISOString();
    const due = surveysDue({ schedule: programmeDetailsOf(f.details, f.programme_id).surveySchedule, relationshipMonths: 0, startedAt: null, firstSessionEndedAt, now: now.toISOString() });
    for (const { kind, dueAt } of due) {
      for (const { userId, role } of both(f)) {
        jobs.push(jobOf(botJobs.survey, { tenantId: f.tenant_id, dedupeKey: `survey:${kind}:${f.pair_id}:${userId}`, payload: { userId, role, pairId: f.pair_id, kind }, runAt: new Date(dueAt) }));
      }
    }
  }

  // Mid-point and end surveys, on the programme's schedule: half way through the relationship, and a week before it ends.
  const running = await everyTenant
    .selectFrom('pairs')
    .innerJoin('programmes', (j) => j.onRef('programmes.tenant_id', '=', 'pairs.tenant_id').onRef('programmes.id', '=', 'pairs.programme_id'))
    .select(['pairs.tenant_id', 'pairs.id', 'pairs.mentor_user_id', 'pairs.mentee_user_id', 'pairs.started_at', 'programmes.id as programme_id', 'programmes.settings', 'programmes.details'])
    .where('pairs.status', '=', 'active')
    .where('pairs.started_at', 'is not', null)
    .execute();
  for (const p of running) {
    const { relationshipMonths } = programmeSettingsOf(p.settings, p.programme_id);
    const due = surveysDue({ schedule: programmeDetailsOf(p.details, p.programme_id).surveySchedule, relationshipMonths, startedAt: p.started_at!.toISOString(), firstSessionEndedAt: null, now: now.toISOString() });
    for (const { kind, dueAt } of due) {
      for (const { userId, role } of both(p)) {
        jobs.push(jobOf(botJobs.survey, { tenantId: p.tenant_id, dedupeKey: `survey:${kind}:${p.id}:${userId}`, payload: { userId, role, pairId: p.id, kind }, runAt: new Date(dueAt) }));
      }
    }
  }

  // Events from the last month: a pair made ineligible by a reporting-line change, praise given.
  const relationshipKinds = ['pair.ineligible', 'praise.given'] as const;
  const events = await everyTenant
    .selectFrom('domain_events')
    .innerJoin('pairs', (j) => j.onRef('pairs.tenant_id', '=', 'domain_events.tenant_id').onRef('pairs.id', '=', 'domain_events.pair_id'))
    .select(['domain_events.tenant_id', 'domain_events.id', 'domain_events.kind', 'domain_events.payload', 'domain_events.created_at', 'pairs.id as pair_id', 'pairs.mentor_user_id', 'pairs.mentee_user_id'])
    .where('domain_events.kind', 'in', relationshipKinds)
    .where('domain_events.created_at', '>', new Date(now.getTime() - 30 * day))
    .execute();
  for (const e of events) {
    const event = domainEventOf(e, relationshipKinds);
    if (!event) continue;
    if (event.kind === 'pair.ineligible') {
      for (const { userId } of both(e)) {
        jobs.push(jobOf(botJobs.nudge, { tenantId: e.tenant_id, dedupeKey: `ineligible:${e.id}:${userId}`, payload: { userId, nudge: 'pair-ineligible', pairId: e.pair_id }, runAt: e.created_at }));
      }
    } else {
      jobs.push(jobOf(botJobs.praiseReceived, { tenantId: e.tenant_id, dedupeKey: `praise:${e.id}`, payload: { userId: e.mentor_user_id, pairId: e.pair_id, praiseId: event.payload.praiseId }, runAt: e.created_at }));
    }
  }

  // Commitments due for follow-up go to the mentee who made them.
  const today = now.toISOString().slice(0, 10);
  const due = await everyTenant
    .selectFrom('commitments')
    .innerJoin('pairs', (j) => j.onRef('pairs.tenant_id', '=', 'commitments.tenant_id').onRef('pairs.id', '=', 'commitments.pair_id'))
    .select(['commitments.tenant_id', 'commitments.id', 'commitments.text', 'pairs.mentee_user_id'])
    .where('commitments.status', '=', 'open')
    .where('commitments.due_on', '<=', today)
    .where('pairs.status', '=', 'active')
    .execute();
  for (const c of due) {
    jobs.push(jobOf(botJobs.nudge, { tenantId: c.tenant_id, dedupeKey: `commitment:${c.id}`, payload: { userId: c.mentee_user_id, nudge: 'commitment-due', commitment: c.text }, runAt: now }));
  }

  // No session within the programme's cadence plus a week: one nudge per pair and quiet spell.
  const grace = options.cadenceGraceMs ?? 7 * day;
  const quiet = await everyTenant
    .selectFrom('pairs')
    .innerJoin('programmes', (j) => j.onRef('programmes.tenant_id', '=', 'pairs.tenant_id').onRef('programmes.id', '=', 'pairs.programme_id'))
    .leftJoin('sessions', (j) => j.onRef('sessions.tenant_id', '=', 'pairs.tenant_id').onRef('sessions.pair_id', '=', 'pairs.id').on('sessions.status', '!=', 'cancelled'))
    .select(['pairs.tenant_id', 'pairs.id', 'pairs.mentor_user_id', 'pairs.mentee_user_id', 'pairs.started_at', 'programmes.id as programme_id', 'programmes.settings', (eb) => eb.fn.max('sessions.starts_at').as('last_start')])
    .where('pairs.status', '=', 'active')
    .groupBy(['pairs.tenant_id', 'pairs.id', 'pairs.mentor_user_id', 'pairs.mentee_user_id', 'pairs.started_at', 'programmes.id', 'programmes.settings'])
    .execute();
  for (const p of quiet) {
    const cadenceMs = programmeSettingsOf(p.settings, p.programme_id).cadenceDays * day;
    const last = p.last_start ?? p.started_at;
    if (!last || last.getTime() > now.getTime() || now.getTime() - last.getTime() < cadenceMs + grace) continue;
    for (const { userId } of both(p)) {
      jobs.push(jobOf(botJobs.nudge, { tenantId: p.tenant_id, dedupeKey: `no-session:${p.id}:${userId}:${last.toISOString()}`, payload: { userId, nudge: 'no-session', pairId: p.id }, runAt: now }));
    }
  }
  jobs.push(...(await noticeJobs(db, now)), ...(await trainingOfferJobs(db, now)));
  return scheduleJobs(db, jobs);
}
