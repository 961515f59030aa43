import type { SurveyKind } from '../../shared/glossary';
import type { ProgrammeInsightInput } from '../../shared/insight/programmeTables';
import { programmeSettingsOf } from '../programmes/programmeRepository';
import { storedSurveyScoresOf } from '../surveys/surveyScores';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

const iso = (d: Date) => d.toISOString();

/**
 * Everything the dashboard of one programme is computed from. Each query names its columns, and
 * none of them is a text column: reflections, agendas, take-aways, commitments and comments are
 * never read here, so they cannot reach an admin by mistake.
 */
export async function loadProgrammeInsight(db: Db, tenantId: string, programmeId: string, now: Date): Promise<ProgrammeInsightInput | null> {
  const programme = await forTenant(db, tenantId)
    .selectFrom('programmes')
    .select(['id', 'starts_on', 'ends_on', 'settings'])
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) return null;

  const participants = await forTenant(db, tenantId)
    .selectFrom('participants as p')
    .leftJoin('directory_users as u', (join) => join.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.user_id', '=', 'p.user_id'))
    .select(['p.id', 'p.role', 'p.status', 'p.created_at', 'u.department', 'u.account_enabled'])
    .where('p.programme_id', '=', programmeId)
    .execute();
  const pairs = await forTenant(db, tenantId)
    .selectFrom('pairs')
    .select(['id', 'mentor_participant_id', 'mentee_participant_id', 'status', 'created_at', 'started_at', 'end_reason'])
    .where('programme_id', '=', programmeId)
    .execute();
  const pairsOfProgramme = forTenant(db, tenantId).selectFrom('pairs').select('id').where('programme_id', '=', programmeId);
  const sessions = await forTenant(db, tenantId)
    .selectFrom('sessions')
    .select(['id', 'pair_id', 'starts_at'])
    .where('pair_id', 'in', pairsOfProgramme)
    .where('status', '!=', 'cancelled')
    .where('ends_at', '<=', now)
    .execute();
  const takeaways = await forTenant(db, tenantId)
    .selectFrom('takeaways')
    .select(['id', 'pair_id', 'status', 'created_at'])
    .where('pair_id', 'in', pairsOfProgramme)
    .execute();
  const commitments = await forTenant(db, tenantId)
    .selectFrom('commitments')
    .select(['id', 'pair_id', 'status', 'created_at'])
    .where('pair_id', 'in', pairsOfProgramme)
    .execute();
  const responses = await forTenant(db, tenantId)
    .selectFrom('survey_responses as r')
    .innerJoin('surveys as s', (join) => join.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.survey_id'))
    .select(['r.survey_id', 'r.participant_id', 'r.answers', 'r.submitted_at', 's.kind'])
    .where('s.programme_id', '=', programmeId)
    .execute();

  const item = (r: { id: string; pair_id: string; status: string; created_at: Date }) => ({ id: r.id, pairId: r.pair_id, status: r.status, createdAt: iso(r.created_at) });
  return {
    startsOn: programme.starts_on,
    endsOn: programme.ends_on,
    threshold: programmeSettingsOf(programme.settings, programme.id).anonymityThreshold,
    participants: participants.map((p) => ({
      id: p.id,
      role: p.role,
      department: p.department,
      accountEnabled: p.account_enabled,
      status: p.status,
      enrolledAt: iso(p.created_at),
    })),
    pairs: pairs.map((p) => ({
      id: p.id,
      mentorParticipantId: p.mentor_participant_id,
      menteeParticipantId: p.mentee_participant_id,
      status: p.status,
      matchedAt: iso(p.created_at),
      startedAt: p.started_at ? iso(p.started_at) : null,
      endReason: p.end_reason,
    })),
    heldSessions: sessions.map((s) => ({ id: s.id, pairId: s.pair_id, startsAt: iso(s.starts_at) })),
    takeaways: takeaways.map(item),
    commitments: commitments.map(item),
    surveyResponses: responses.map((r) => ({
      participantId: r.participant_id,
      kind: r.kind as SurveyKind,
      submittedAt: iso(r.submitted_at),
      scores: storedSurveyScoresOf(r.answers, r),
    })),
  };
}
