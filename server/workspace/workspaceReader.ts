import type { Workspace } from '../../shared/api/workspace';
import type { Selectable } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { journeyOf } from '../../shared/journey/nextStep';
import { relationshipTimeline } from '../../shared/relationshipTimeline';
import { curriculumFor, defaultCurriculum, nextModuleFor } from '../../shared/training/curriculum';
import type { Caller } from '../auth/caller';
import { personSummaries } from '../directory/directoryCache';
import { presentPair } from '../pairs/pairPresenter';
import { pairRepository } from '../pairs/pairRepository';
import { pairPolicy, partnerOf, workspaceAbilities } from '../policies/pairPolicy';
import { abilitiesOf, authorize } from '../policies/policy';
import { programmeDetailsOf, programmeSettingsOf } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import type { SessionTable } from '../store/schema';
import { type CharterRow, unsignedCharter } from './commands/charterCommands';
import type { CommitmentRow } from './commands/commitmentCommands';
import { type AgendaItemRow, type PraiseRow, recordRules, type ReflectionRow, type TakeawayRow } from '../policies/workspacePolicy';
import {
  presentAgendaItem,
  presentCharter,
  presentCommitment,
  presentPraise,
  presentReflection,
  presentSession,
  presentTakeaway,
} from './workspacePresenter';
import { forTenant } from '../store/tenantScope';
import { surveyIdOf } from '../surveys/surveyCommands';
import { surveysDue } from '../../shared/surveySchedule';

/**
 * Everything one member's workspace shows, in one read: the tab renders it and the bot answers
 * "next session" and "agenda" from it. Only the two members can read it; admins get a 404.
 */
export async function workspaceReader(props: { db: Db; actor: Caller; pairId: string; now: Date }): Promise<Workspace> {
  const { db, actor, now } = props;
  const tenantId = actor.tenantId;
  const member = authorize(pairPolicy, actor, 'view', await pairRepository(db, tenantId).find(props.pairId));
  const { pair } = member;
  const partnerId = partnerOf(member);

  const tenant = forTenant(db, tenantId);
  // One statement for the programme, the charter and every list of the workspace (Postgres builds
  // each list as a JSON array in its order), instead of a round trip and a connection per list.
  const myParticipantId = member.role === 'mentor' ? pair.mentor_participant_id : pair.mentee_participant_id;
  const midPointSurveyId = surveyIdOf(tenantId, pair.programme_id, 'mid-point');
  const [programme, people] = await Promise.all([
    tenant
      .selectFrom('programmes')
      .selectAll('programmes')
      .select([
        jsonObjectFrom(tenant.selectFrom('charters').selectAll('charters').where('charters.pair_id', '=', pair.id)).as('charter'),
        jsonArrayFrom(
          tenant.selectFrom('sessions').selectAll('sessions').where('sessions.pair_id', '=', pair.id).where('sessions.status', '!=', 'cancelled').orderBy('sessions.starts_at'),
        ).as('sessions'),
        jsonArrayFrom(
          tenant.selectFrom('agenda_items').selectAll('agenda_items').where('agenda_items.pair_id', '=', pair.id).orderBy('agenda_items.position').orderBy('agenda_items.created_at'),
        ).as('agenda'),
        // The journal: my own entries, and only those my partner chose to share with me.
        jsonArrayFrom(
          tenant
            .selectFrom('reflections')
            .selectAll('reflections')
            .where('reflections.pair_id', '=', pair.id)
            .where((r) => r.or([r('reflections.author_user_id', '=', actor.userId), r.and([r('reflections.author_user_id', '=', partnerId), r('reflections.shared_with_partner', '=', true)])]))
            .orderBy('reflections.created_at', 'desc'),
        ).as('reflections'),
        jsonArrayFrom(tenant.selectFrom('takeaways').selectAll('takeaways').where('takeaways.pair_id', '=', pair.id).orderBy('takeaways.created_at')).as('takeaways'),
        jsonArrayFrom(tenant.selectFrom('commitments').selectAll('commitments').where('commitments.pair_id', '=', pair.id).orderBy('commitments.created_at')).as('commitments'),
        jsonArrayFrom(tenant.selectFrom('praise').selectAll('praise').where('praise.pair_id', '=', pair.id).orderBy('praise.created_at', 'desc')).as('praise'),
        // My training only: completion is private to the person.
        jsonArrayFrom(
          tenant
            .selectFrom('training_completions')
            .select('training_completions.module_id')
            .where('training_completions.programme_id', '=', pair.programme_id)
            .where('training_completions.user_id', '=', actor.userId),
        ).as('training'),
        jsonObjectFrom(tenant.selectFrom('stories').select('stories.id').where('stories.pair_id', '=', pair.id)).as('story'),
        // Where shadowing stands (never what was observed): for the next step.
        jsonArrayFrom(
          tenant
            .selectFrom('shadowing_offers')
            .select(['shadowing_offers.status', 'shadowing_offers.starts_at', 'shadowing_offers.observed_at'])
            .where('shadowing_offers.pair_id', '=', pair.id),
        ).as('shadowing'),
        // Whether I answered the mid-point review (only whether, never what).
        jsonObjectFrom(
          tenant
            .selectFrom('survey_responses')
            .select('survey_responses.survey_id')
            .where('survey_responses.survey_id', '=', midPointSurveyId)
            .where('survey_responses.participant_id', '=', myParticipantId),
        ).as('midPointAnswer'),
      ])
      .where('programmes.id', '=', pair.programme_id)
      .executeTakeFirstOrThrow(),
    personSummaries(db, tenantId, [partnerId, actor.userId]),
  ]);
  // Timestamps inside JSON arrive as text: each list is given back the Dates a plain select gives.
  const signedCharter: CharterRow | null = programme.charter && { ...programme.charter, mentor_signed_at: dateOf(programme.charter.mentor_signed_at), mentee_signed_at: dateOf(programme.charter.mentee_signed_at) };
  const sessions: SessionRow[] = programme.sessions.map((s) => ({ ...s, starts_at: new Date(s.starts_at), ends_at: new Date(s.ends_at), created_at: new Date(s.created_at), updated_at: dateOf(s.updated_at) }));
  const agenda: AgendaItemRow[] = programme.agenda.map((a) => ({ ...a, declined_at: dateOf(a.declined_at), created_at: new Date(a.created_at) }));
  const reflections: ReflectionRow[] = programme.reflections.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
  const takeaways: TakeawayRow[] = programme.takeaways.map((t) => ({ ...t, confirmed_at: dateOf(t.confirmed_at), created_at: new Date(t.created_at) }));
  const commitments: CommitmentRow[] = programme.commitments.map((c) => ({ ...c, created_at: new Date(c.created_at) }));
  const praise: PraiseRow[] = programme.praise.map((p) => ({ ...p, created_at: new Date(p.created_at) }));

  const settings = programmeSettingsOf(programme.settings, programme.id);
  const { relationshipMonths } = settings;
  const details = programmeDetailsOf(programme.details, programme.id);
  const upcoming = sessions.filter((s) => s.status === 'planned' && s.ends_at > now);
  const past = sessions.filter((s) => !upcoming.includes(s)).reverse();
  const timeline = relationshipTimeline({
    programmeStartsOn: programme.starts_on,
    programmeEndsOn: programme.ends_on,
    relationshipMonths,
    startedAt: pair.started_at?.toISOString() ?? null,
    endedAt: pair.ended_at?.toISOString() ?? null,
    now: now.toISOString(),
  });
  const presentedPair = presentPair(member, people, programme.name);
  const completed = new Set(programme.training.map((c) => c.module_id));
  const curriculum = details.training ?? defaultCurriculum;
  const upcomingIds = new Set(upcoming.map((s) => s.id));
  const lastSession = past.find((s) => s.ends_at <= now);
  const journey = journeyOf({
    role: member.role,
    pairStatus: pair.status,
    acceptedByMe: member.role === 'mentor' ? presentedPair.mentorAccepted : presentedPair.menteeAccepted,
    guideRead: completed.size > 0,
    charterSignedByMe: signedCharter !== null && (member.role === 'mentor' ? signedCharter.mentor_signed_at : signedCharter.mentee_signed_at) !== null,
    timeline,
    myAgendaItemsAhead: agenda.filter((a) => a.proposed_by === member.role && a.declined_at === null && (a.session_id === null || upcomingIds.has(a.session_id))).length,
    sessionsBooked: sessions.length,
    upcomingSessions: upcoming.length,
    lastSessionUnreflected:
      lastSession !== undefined && !reflections.some((r) => r.author_user_id === actor.userId && (r.session_id === lastSession.id || r.created_at >= lastSession.ends_at)),
    midPointSurveyWaiting:
      programme.midPointAnswer === null &&
      surveysDue({ schedule: details.surveySchedule, relationshipMonths, startedAt: timeline.relationshipStartedAt, firstSessionEndedAt: sessions[0]?.ends_at.toISOString() ?? null, now: now.toISOString() }).some(
        (s) => s.kind === 'mid-point',
      ),
    storyWritten: programme.story !== null,
    shadowing: {
      offered: programme.shadowing.length > 0,
      awaitingAnswer: programme.shadowing.some((o) => o.status === 'offered'),
      unobserved: programme.shadowing.some((o) => o.status === 'accepted' && o.observed_at === null && new Date(o.starts_at) <= now),
    },
  });

  return {
    pair: presentedPair,
    timeline,
    journey,
    training: {
      modules: curriculumFor(member.role, curriculum).map((m) => ({ id: m.id, completed: completed.has(m.id), text: m.text })),
      next: nextModuleFor(member.role, completed, journey.phase, curriculum)?.id ?? null,
    },
    charter: presentCharter(member, signedCharter ?? unsignedCharter(member, { details, settings, starts_on: programme.starts_on, ends_on: programme.ends_on }, people)),
    nextSession: upcoming[0] ? presentSession(upcoming[0]) : null,
    upcomingSessions: upcoming.map(presentSession),
    pastSessions: past.map(presentSession),
    agenda: agenda.filter((item) => recordRules.readAgendaItem(member, item)).map((item) => presentAgendaItem(member, item)),
    takeaways: takeaways.map((t) => presentTakeaway(member, t)),
    commitments: commitments.map(presentCommitment),
    journal: reflections.filter((r) => recordRules.readReflection(member, r)).map((r) => presentReflection(member, r)),
    praise: {
      received: praise.filter((p) => p.from_user_id === partnerId).map((p) => presentPraise(member, p)),
      given: praise.filter((p) => p.from_user_id === actor.userId).map((p) => presentPraise(member, p)),
    },
    guide: details.guides[member.role],
    guidelines: settings.guidelines,
    abilities: abilitiesOf(pairPolicy.rules, member, workspaceAbilities),
  };
}

type SessionRow = Selectable<SessionTable>;

const dateOf = (value: string | null) => (value === null ? null : new Date(value));
