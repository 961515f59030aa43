import { phaseOf } from '../../../shared/journey/nextStep';
import { relationshipTimeline } from '../../../shared/relationshipTimeline';
import { defaultCurriculum, nextModuleFor } from '../../../shared/training/curriculum';
import { programmeDetailsOf, programmeSettingsOf } from '../../programmes/programmeRepository';
import type { Db } from '../../store/database';
import { acrossTenants } from '../../store/tenantScope';
import type { NewJob } from '../jobQueue';
import { jobOf } from '../jobKind';
import { botJobs } from './botJobs';

/**
 * The training module due for each person of an accepted or running pair, in the phase their
 * relationship is in (the workspace's own rules: shared/journey, shared/training): one offer per
 * person, pair and module, so a module is offered once and the next one when its phase comes.
 * The offer goes a day after the module falls due (the first planning fixes the time), so it
 * does not crowd the notices of the match itself.
 */
export async function trainingOfferJobs(db: Db, now: Date): Promise<NewJob[]> {
  const everyTenant = acrossTenants(db, 'reminder planner');
  const pairs = await everyTenant
    .selectFrom('pairs')
    .innerJoin('programmes', (j) => j.onRef('programmes.tenant_id', '=', 'pairs.tenant_id').onRef('programmes.id', '=', 'pairs.programme_id'))
    .select(['pairs.tenant_id', 'pairs.id', 'pairs.status', 'pairs.programme_id', 'pairs.mentor_user_id', 'pairs.mentee_user_id', 'pairs.started_at', 'programmes.starts_on', 'programmes.ends_on', 'programmes.settings', 'programmes.details'])
    .where('pairs.status', 'in', ['accepted', 'active'])
    .execute();
  if (pairs.length === 0) return [];
  const completions = await everyTenant
    .selectFrom('training_completions')
    .select(['tenant_id', 'programme_id', 'user_id', 'module_id'])
    .where('programme_id', 'in', [...new Set(pairs.map((p) => p.programme_id))])
    .execute();
  const done = new Map<string, Set<string>>();
  for (const c of completions) {
    const key = `${c.tenant_id}/${c.programme_id}/${c.user_id}`;
    done.set(key, (done.get(key) ?? new Set()).add(c.module_id));
  }
  const jobs: NewJob[] = [];
  const runAt = new Date(now.getTime() + 24 * 3_600_000);
  for (const p of pairs) {
    const timeline = relationshipTimeline({
      programmeStartsOn: p.starts_on,
      programmeEndsOn: p.ends_on,
      relationshipMonths: programmeSettingsOf(p.settings, p.programme_id).relationshipMonths,
      startedAt: p.started_at?.toISOString() ?? null,
      endedAt: null,
      now: now.toISOString(),
    });
    const phase = phaseOf({ pairStatus: p.status, timeline });
    const curriculum = programmeDetailsOf(p.details, p.programme_id).training ?? defaultCurriculum;
    for (const [userId, role] of [
      [p.mentor_user_id, 'mentor'],
      [p.mentee_user_id, 'mentee'],
    ] as const) {
      const moduleId = nextModuleFor(role, done.get(`${p.tenant_id}/${p.programme_id}/${userId}`) ?? new Set(), phase, curriculum)?.id;
      if (!moduleId) continue;
      jobs.push(jobOf(botJobs.trainingOffer, { tenantId: p.tenant_id, dedupeKey: `training-offer:${p.id}:${userId}:${moduleId}`, payload: { userId, pairId: p.id, moduleId }, runAt }));
    }
  }
  return jobs;
}
