import { notFound } from '../http/errors';
import { programmeSettingsOf } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

/**
 * The smallest group a programme's counts may show: the programme's anonymity threshold, or the
 * organisation's floor if higher. `notFound` for a programme the admin's tenant does not have.
 */
export async function countsThreshold(db: Db, tenantId: string, programmeId: string, anonymityFloor: number): Promise<number> {
  const programme = await forTenant(db, tenantId).selectFrom('programmes').select(['id', 'settings']).where('id', '=', programmeId).executeTakeFirst();
  if (!programme) throw notFound();
  return Math.max(programmeSettingsOf(programme.settings, programme.id).anonymityThreshold, anonymityFloor);
}
