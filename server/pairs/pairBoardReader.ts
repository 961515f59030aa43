import type { PairBoardRow } from '../../shared/api/pairBoard';
import { pairHealth } from '../../shared/pairHealth';
import { transitionPair, type PairEndReason, type PairEvent } from '../../shared/pairLifecycle';
import type { PairBoardQuery } from '../../shared/schemas/pairBoard';
import { scheduledSurveyKinds } from '../../shared/schemas/survey';
import { surveysDue } from '../../shared/surveySchedule';
import { personSummaries } from '../directory/directoryCache';
import { notFound } from '../http/errors';
import type { Admin } from '../policies/admin';
import { programmeRepository } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';
import { surveyIdOf } from '../surveys/surveyCommands';
import { pairHistories } from './pairHistory';
import { pairRepository, pairStateOf, type PairRow } from './pairRepository';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** What the lifecycle lets an admin do with a pair now: the same rules the pair's own buttons follow. */
function adminAbilities(pair: PairRow): PairBoardRow['abilities'] {
  const state = pairStateOf(pair);
  const can = (event: PairEvent) => transitionPair(state, event).ok;
  const end = can({ kind: 'end', reason: 'completed' });
  return { pause: can({ kind: 'pause' }), resume: can({ kind: 'resume' }), end, repair: end };
}

/** The status each history change leaves a pair in, to tell since when it stands where it does. */
const statusAfter = { proposed: 'proposed', accepted: 'accepted', started: 'active', resumed: 'active', paused: 'paused', ended: 'ended', ineligible: null } as const;

/**
 * Every pair of a programme as its admins run it: names, status and since when, session counts
 * and dates, survey completion (answered or not, never the answers), health flags and history.
 * Nothing any member wrote is read. Filters: status, flag, part of either name.
 */
export async function pairBoardReader(props: { db: Db; admin: Admin; programmeId: string; query: PairBoardQuery; now: Date }): Promise<PairBoardRow[]> {
  const { db, admin, programmeId, query, now } = props;
  const tenantId = admin.tenantId;
  const programme = await programmeRepository(db, tenantId).load(programmeId);
  if (!programme) throw notFound();
  const pairs = await pairRepository(db, tenantId).listForProgramme(programmeId);
  if (pairs.length === 0) return [];
  const pairIds = pairs.map((p) => p.id);
  const tenant = forTenant(db, tenantId);
  const surveyIds = new Map(scheduledSurveyKinds.map((kind) => [kind, surveyIdOf(tenantId, programmeId, kind)]));
  const [people, sessions, histories, repairs, responses] = await Promise.all([
    personSummaries(db, tenantId, pairs.flatMap((p) => [p.mentor_user_id, p.mentee_user_id])),
    tenant.selectFrom('sessions').select(['pair_id', 'starts_at', 'ends_at', 'status']).where('pair_id', 'in', pairIds).where('status', '!=', 'cancelled').execute(),
    pairHistories(db, tenantId, pairIds),
    tenant.selectFrom('concerns').select('pair_id').where('programme_id', '=', programmeId).where('kind', '=', 're-pair').where('status', '!=', 'closed').execute(),
    tenant.selectFrom('survey_responses').select(['survey_id', 'participant_id']).where('survey_id', 'in', [...surveyIds.values()]).execute(),
  ]);
  const repairRequested = new Set(repairs.map((r) => r.pair_id));
  const answered = new Set(responses.map((r) => `${r.survey_id}/${r.participant_id}`));
  const nameOf = (userId: string) => ({ name: people.get(userId)?.displayName ?? userId, department: people.get(userId)?.department ?? null });

  const rows = pairs.map((pair): PairBoardRow => {
    const mine = sessions.filter((s) => s.pair_id === pair.id);
    const past = mine.filter((s) => s.starts_at <= now);
    const ahead = mine.filter((s) => s.starts_at > now && s.status === 'planned');
    const lastSessionAt = iso(past.reduce<Date | null>((a, s) => (a && a > s.starts_at ? a : s.starts_at), null));
    const nextSessionAt = iso(ahead.reduce<Date | null>((a, s) => (a && a < s.starts_at ? a : s.starts_at), null));
    const firstEnd = mine.reduce<Date | null>((a, s) => (a && a < s.ends_at ? a : s.ends_at), null);
    const history = histories.get(pair.id) ?? [];
    const due = surveysDue({
      schedule: programme.details.surveySchedule,
      relationshipMonths: programme.settings.relationshipMonths,
      startedAt: iso(pair.started_at),
      firstSessionEndedAt: iso(firstEnd),
      now: (pair.ended_at ?? now).toISOString(),
    });
    const members = [pair.mentor_participant_id, pair.mentee_participant_id];
    const lastChange = history.filter((h) => statusAfter[h.change] === pair.status).at(-1);
    return {
      id: pair.id,
      status: pair.status,
      since: iso(pair.ended_at) ?? lastChange?.at ?? iso(pair.status === 'active' || pair.status === 'paused' ? pair.started_at : null) ?? pair.created_at.toISOString(),
      endReason: (pair.end_reason as PairEndReason | null) ?? null,
      mentor: nameOf(pair.mentor_user_id),
      mentee: nameOf(pair.mentee_user_id),
      sessionsHeld: mine.filter((s) => s.ends_at <= now).length,
      lastSessionAt,
      nextSessionAt,
      surveys: { answered: due.flatMap(({ kind }) => members.filter((m) => answered.has(`${surveyIds.get(kind)}/${m}`))).length, due: due.length * members.length },
      flags: pairHealth({
        status: pair.status,
        proposedAt: pair.created_at.toISOString(),
        startedAt: iso(pair.started_at),
        programmeStartsOn: programme.starts_on,
        cadenceDays: programme.settings.cadenceDays,
        lastSessionAt,
        nextSessionAt,
        ineligible: history.some((h) => h.change === 'ineligible'),
        repairRequested: repairRequested.has(pair.id),
        now: now.toISOString(),
      }),
      history,
      abilities: adminAbilities(pair),
    };
  });
  const needle = query.q?.toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (!query.status || r.status === query.status) &&
      (!query.flag || r.flags.includes(query.flag)) &&
      (!needle || r.mentor.name.toLocaleLowerCase().includes(needle) || r.mentee.name.toLocaleLowerCase().includes(needle)),
  );
}
