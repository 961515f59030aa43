import type { TrainingModule } from '../../shared/training/curriculum';
import { recordAudit } from '../audit/auditLog';
import type { Caller } from '../auth/caller';
import { notFound } from '../http/errors';
import type { Db } from '../store/database';
import { programmeRepository } from './programmeRepository';

/**
 * Sets a programme's training curriculum (null: back to the shipped one). Completions are kept
 * whatever the change: a module edited keeps its id and so its completions; a module removed
 * keeps them too, uncounted while it is out of the curriculum and counted again if it returns.
 */
export async function curriculumSetter(props: { db: Db; actor: Caller; programmeId: string; modules: TrainingModule[] | null; now: Date }): Promise<void> {
  const { actor, now, modules } = props;
  await props.db.transaction().execute(async (trx) => {
    const programmes = programmeRepository(trx, actor.tenantId);
    const row = await programmes.load(props.programmeId);
    if (!row) throw notFound();
    await programmes.update({
      id: row.id,
      name: row.name,
      settings: row.settings,
      details: { ...row.details, training: modules },
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      status: row.status,
      createdBy: row.created_by,
      updatedAt: now,
    });
    // The log names the modules before and after (the words are the programme's, readable there).
    const ids = (list: readonly TrainingModule[] | null) => list?.map((m) => (m.text ? `${m.id} (edited)` : m.id)) ?? null;
    await recordAudit(trx, actor, modules ? 'programme.training.update' : 'programme.training.reset', row.id, now, { training: { from: ids(row.details.training), to: ids(modules) } });
  });
}
