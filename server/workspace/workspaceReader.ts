import { relationshipTimeline } from '../../shared/relationshipTimeline';
import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { guidesSchema } from '../../shared/schemas/programme';
import type { Caller } from '../auth/caller';
import { personSummaries } from '../directory/directoryCache';
import { presentPair } from '../pairs/pairPresenter';
import { pairRepository } from '../pairs/pairRepository';
import { authorizePairMember, partnerOf, roleInPair } from '../policies/pairPolicy';
import type { Db } from '../store/database';
import { charterOf } from './commands/charterCommands';
import { memberOf, recordRules, workspaceAbilities } from './workspacePolicy';
import {
  presentAgendaItem,
  presentCharter,
  presentCommitment,
  presentPraise,
  presentReflection,
  presentSession,
  presentTakeaway,
} from './workspacePresenter';

/**
 * Everything one member's workspace shows, in one read: the tab renders it and the bot answers
 * "next session" and "agenda" from it. Only the two members can read it; admins get a 404.
 */
export async function workspaceReader(props: { db: Db; actor: Caller; pairId: string; now: Date }) {
  const { db, actor, now } = props;
  const tenantId = actor.tenantId;
  const pair = await pairRepository(db, tenantId).find(props.pairId);
  authorizePairMember(actor, pair);
  const member = memberOf(actor, pair, roleInPair(actor, pair)!);
  const partnerId = partnerOf(pair, member.role);

  const [programme, people, charter, sessions, agenda, reflections, takeaways, commitments, praise] = await Promise.all([
    db.selectFrom('programmes').selectAll().where('tenant_id', '=', tenantId).where('id', '=', pair.programme_id).executeTakeFirstOrThrow(),
    personSummaries(db, tenantId, [partnerId]),
    charterOf(db, member),
    db.selectFrom('sessions').selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).where('status', '!=', 'cancelled').orderBy('starts_at').execute(),
    db.selectFrom('agenda_items').selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).orderBy('position').orderBy('created_at').execute(),
    // The journal: my own entries, and only those my partner chose to share with me.
    db
      .selectFrom('reflections')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('pair_id', '=', pair.id)
      .where((eb) => eb.or([eb('author_user_id', '=', actor.userId), eb.and([eb('author_user_id', '=', partnerId), eb('shared_with_partner', '=', true)])]))
      .orderBy('created_at', 'desc')
      .execute(),
    db.selectFrom('takeaways').selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).orderBy('created_at').execute(),
    db.selectFrom('commitments').selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).orderBy('created_at').execute(),
    db.selectFrom('praise').selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pair.id).orderBy('created_at', 'desc').execute(),
  ]);

  const relationshipMonths = Number(programme.settings.relationshipMonths ?? defaultProgrammeSettings.relationshipMonths);
  const guides = guidesSchema.safeParse(programme.details.guides);
  const upcoming = sessions.filter((s) => s.status === 'planned' && s.ends_at > now);
  const past = sessions.filter((s) => !upcoming.includes(s)).reverse();

  return {
    pair: presentPair(actor, pair, people, programme.name),
    timeline: relationshipTimeline({
      programmeStartsOn: programme.starts_on,
      programmeEndsOn: programme.ends_on,
      relationshipMonths,
      startedAt: pair.started_at?.toISOString() ?? null,
      endedAt: pair.ended_at?.toISOString() ?? null,
      now: now.toISOString(),
    }),
    charter: presentCharter(member, charter),
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
    guide: guides.success ? guides.data[member.role] : '',
    abilities: workspaceAbilities(member),
  };
}

export type Workspace = Awaited<ReturnType<typeof workspaceReader>>;
