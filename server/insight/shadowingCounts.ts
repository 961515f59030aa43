import type { ShadowingCounts } from '../../shared/api/shadowing';
import { recordAudit } from '../audit/auditLog';
import type { Caller } from '../auth/caller';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';
import { countsThreshold } from './countsThreshold';

/**
 * How many meetings were offered for shadowing in a programme and how many were shadowed (the
 * mentor accepted): counts only, never which pair, never what was observed. One pair can offer
 * many meetings, so a count is shown only when at least the threshold's number of pairs make it
 * up; otherwise it is withheld as null. The read is audited as a dashboard view.
 */
export async function shadowingCountsReader(props: { db: Db; actor: Caller; programmeId: string; now: Date; anonymityFloor: number }): Promise<ShadowingCounts> {
  const { db, actor, programmeId } = props;
  const threshold = await countsThreshold(db, actor.tenantId, programmeId, props.anonymityFloor);
  const row = await forTenant(db, actor.tenantId)
    .selectFrom('shadowing_offers')
    .select((eb) => [
      eb.fn.countAll<string>().as('offers'),
      eb.fn.count<string>('pair_id').distinct().as('offeringPairs'),
      eb.fn.count<string>(eb.case().when('status', '=', 'accepted').then(eb.ref('id')).end()).as('shadowed'),
      eb.fn.count<string>(eb.case().when('status', '=', 'accepted').then(eb.ref('pair_id')).end()).distinct().as('shadowedPairs'),
    ])
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  await recordAudit(db, actor, 'insight.view', programmeId, props.now);
  const shown = (count: string, pairs: string) => (Number(pairs) >= threshold ? Number(count) : null);
  return { offers: shown(row.offers, row.offeringPairs), shadowed: shown(row.shadowed, row.shadowedPairs), threshold };
}
