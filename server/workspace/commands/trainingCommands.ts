import type { TrainingModuleId } from '../../../shared/training/curriculum';
import { type CommandProps, inPair } from '../workspaceTransaction';

/**
 * Marks one training module done for the caller, in their pair's programme. Marking it twice
 * keeps the first time; the row is the caller's alone and never shown to anyone else.
 */
export async function trainingCompleter(props: CommandProps & { moduleId: TrainingModuleId }): Promise<void> {
  await inPair(props, 'view', async (trx, member) => {
    await trx
      .insertInto('training_completions')
      .values({ tenant_id: member.pair.tenant_id, programme_id: member.pair.programme_id, user_id: props.actor.userId, module_id: props.moduleId, completed_at: props.now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}
