import { createHash } from 'node:crypto';
import { surveyAnswerSchemas } from '../../shared/schemas/survey';
import type { ScheduledSurveyKind } from '../../shared/schemas/survey';
import type { Caller } from '../auth/caller';
import { ApiError } from '../http/errors';
import { fieldErrors } from '../http/validate';
import { pairTransitioner } from '../pairs/pairCommands';
import { pairRepository } from '../pairs/pairRepository';
import { pairPolicy } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import type { Db } from '../store/database';
import { json } from '../store/json';

/** One survey row per programme and kind, with an id derived from both, so concurrent first answers agree on it. */
export function surveyIdOf(tenantId: string, programmeId: string, kind: ScheduledSurveyKind): string {
  const hex = createHash('sha256').update(`${tenantId}/${programmeId}/${kind}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A pair member answers a survey of their programme. Answering again replaces their answer.
 * Answers are counted only in aggregate (the insight loader reads the scores, never per person);
 * a "no-fault re-pair" on the pairing-fit survey ends the pair as the tab's request does.
 */
export async function surveyResponder(props: { db: Db; actor: Caller; pairId: string; kind: string; answers: Record<string, unknown>; now: Date }): Promise<{ repairRequested: boolean }> {
  const { db, actor, now } = props;
  if (!(props.kind in surveyAnswerSchemas)) throw new ApiError('invalidRequest', { key: 'invalidRequest.unknownSurvey' }, [{ field: 'kind', message: { key: 'schema.surveyKind' } }]);
  const kind = props.kind as ScheduledSurveyKind;
  const parsed = surveyAnswerSchemas[kind].safeParse(props.answers);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues, '(answers)');
    throw new ApiError('invalidRequest', { key: 'invalidRequest.answersCheck', values: { fields: [...new Set(errors.map((e) => e.field))] } }, errors);
  }
  const { pair, role } = authorize(pairPolicy, actor, 'view', await pairRepository(db, actor.tenantId).find(props.pairId));
  const participantId = role === 'mentor' ? pair.mentor_participant_id : pair.mentee_participant_id;
  const { repair, ...scores } = { repair: false, ...parsed.data };
  const surveyId = surveyIdOf(actor.tenantId, pair.programme_id, kind);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('surveys')
      .values({ tenant_id: actor.tenantId, id: surveyId, programme_id: pair.programme_id, kind, opens_at: now })
      .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
      .execute();
    await trx
      .insertInto('survey_responses')
      .values({ tenant_id: actor.tenantId, survey_id: surveyId, participant_id: participantId, answers: json(scores), submitted_at: now })
      .onConflict((oc) => oc.columns(['tenant_id', 'survey_id', 'participant_id']).doUpdateSet({ answers: json(scores), submitted_at: now }))
      .execute();
  });
  if (kind === 'pairing-fit' && repair) await pairTransitioner({ db, actor, pairId: pair.id, action: 'request-repair', now });
  return { repairRequested: kind === 'pairing-fit' && Boolean(repair) };
}
