import type { TrainingCounts } from '../../shared/api/workspace';
import { defaultCurriculum } from '../../shared/training/curriculum';
import { recordAudit } from '../audit/auditLog';
import type { Caller } from '../auth/caller';
import { programmeDetailsOf } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';
import { countsThreshold } from './countsThreshold';

/**
 * How many people finished each training module in a programme: counts only, never who. A count
 * below the anonymity threshold (the programme's, or the organisation's floor if higher) is
 * withheld as null, as the dashboard withholds its small groups; the read is audited. The modules
 * are the programme's current curriculum: completions of a module since removed are kept for the
 * person but not counted (decision 0078).
 */
export async function trainingCountsReader(props: { db: Db; actor: Caller; programmeId: string; now: Date; anonymityFloor: number }): Promise<TrainingCounts> {
  const { db, actor, programmeId } = props;
  const tenant = forTenant(db, actor.tenantId);
  const threshold = await countsThreshold(db, actor.tenantId, programmeId, props.anonymityFloor);
  const programme = await tenant.selectFrom('programmes').select(['id', 'details']).where('id', '=', programmeId).executeTakeFirst();
  const curriculum = (programme && programmeDetailsOf(programme.details, programme.id).training) ?? defaultCurriculum;
  const rows = await tenant
    .selectFrom('training_completions')
    .select(['module_id', (eb) => eb.fn.countAll<string>().as('people')])
    .where('programme_id', '=', programmeId)
    .groupBy('module_id')
    .execute();
  const counts = new Map(rows.map((r) => [r.module_id, Number(r.people)]));
  await recordAudit(db, actor, 'insight.view', programmeId, props.now);
  return {
    threshold,
    modules: curriculum.map((m) => {
      const people = counts.get(m.id) ?? 0;
      return { id: m.id, audience: m.audience, title: m.text?.title ?? null, completed: people >= threshold ? people : null };
    }),
  };
}
