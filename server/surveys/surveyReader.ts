import { surveyQuestions, type WaitingSurvey } from '../../shared/schemas/survey';
import { surveysDue } from '../../shared/surveySchedule';
import type { Caller } from '../auth/caller';
import { personSummaries } from '../directory/directoryCache';
import { livePairStatuses, pairRepository } from '../pairs/pairRepository';
import { pairPolicy, partnerOf } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import { programmeRepository } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { surveyIdOf } from './surveyCommands';
import { forTenant } from '../store/tenantScope';

/**
 * The surveys waiting for the caller: for each of their live pairs, those due by `now` under the
 * programme's schedule (the same rule the bot plans its survey cards by) that they have not answered.
 * Only the caller's own answers are looked at, and only whether one exists.
 */
export async function surveysWaitingReader(props: { db: Db; actor: Caller; now: Date }): Promise<WaitingSurvey[]> {
  const { db, actor, now } = props;
  const live = new Set<string>(livePairStatuses);
  const pairs = (await pairRepository(db, actor.tenantId).listForUser(actor.userId)).filter((p) => live.has(p.status));
  if (pairs.length === 0) return [];
  const mine = pairs.map((p) => {
    const member = authorize(pairPolicy, actor, 'view', p);
    return { ...member, participantId: member.role === 'mentor' ? p.mentor_participant_id : p.mentee_participant_id };
  });
  const [programmes, firstEnds, answered, people] = await Promise.all([
    programmeRepository(db, actor.tenantId).list().then((rows) => new Map(rows.map((p) => [p.id, p]))),
    forTenant(db, actor.tenantId)
      .selectFrom('sessions')
      .select(['pair_id', (eb) => eb.fn.min('ends_at').as('first_end')])
      .where('pair_id', 'in', pairs.map((p) => p.id))
      .where('status', '!=', 'cancelled')
      .groupBy('pair_id')
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.pair_id, r.first_end]))),
    forTenant(db, actor.tenantId)
      .selectFrom('survey_responses')
      .select(['survey_id', 'participant_id'])
      .where('participant_id', 'in', mine.map((m) => m.participantId))
      .execute()
      .then((rows) => new Set(rows.map((r) => `${r.survey_id}/${r.participant_id}`))),
    personSummaries(db, actor.tenantId, mine.map(partnerOf)),
  ]);
  return mine.flatMap((member) => {
    const { pair, role, participantId } = member;
    const programme = programmes.get(pair.programme_id);
    if (!programme) return [];
    const firstEnd = firstEnds.get(pair.id);
    const due = surveysDue({
      schedule: programme.details.surveySchedule,
      relationshipMonths: programme.settings.relationshipMonths,
      startedAt: pair.started_at?.toISOString() ?? null,
      firstSessionEndedAt: firstEnd?.toISOString() ?? null,
      now: now.toISOString(),
    });
    const displayName = people.get(partnerOf(member))?.displayName ?? '';
    return due
      .filter(({ kind }) => !answered.has(`${surveyIdOf(actor.tenantId, pair.programme_id, kind)}/${participantId}`))
      .map(({ kind, dueAt }) => ({ pairId: pair.id, kind, role, dueAt, partner: { displayName }, questions: surveyQuestions[kind] }));
  });
}
