import { curriculumFor, defaultCurriculum } from '../../../shared/training/curriculum';
import { ApiError } from '../../http/errors';
import { programmeDetailsOf } from '../../programmes/programmeRepository';
import { forTenant } from '../../store/tenantScope';
import { type CommandProps, inPair } from '../workspaceTransaction';

/**
 * Marks one training module of my programme's curriculum, for my role, done for me. Marking it
 * twice keeps the first time; the row is the caller's alone and never shown to anyone else.
 */
export async function trainingCompleter(props: CommandProps & { moduleId: string }): Promise<void> {
  await inPair(props, 'view', async (trx, member) => {
    const programme = await forTenant(trx, member.pair.tenant_id).selectFrom('programmes').select(['id', 'details']).where('id', '=', member.pair.programme_id).executeTakeFirstOrThrow();
    const curriculum = programmeDetailsOf(programme.details, programme.id).training ?? defaultCurriculum;
    if (!curriculumFor(member.role, curriculum).some((m) => m.id === props.moduleId)) throw new ApiError('notFound', { key: 'notFound.trainingModule' });
    await trx
      .insertInto('training_completions')
      .values({ tenant_id: member.pair.tenant_id, programme_id: member.pair.programme_id, user_id: props.actor.userId, module_id: props.moduleId, completed_at: props.now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}
