import type { BotBackend, Person, SessionView } from '../../bot/botBackend';
import { agendaItemSchema, commitmentSchema, praiseSchema, reflectionSchema, takeawaySchema } from '../../shared/schemas/workspace';
import type { Caller } from '../auth/caller';
import { personSummaries } from '../directory/directoryCache';
import { ApiError } from '../http/errors';
import { fieldErrors } from '../http/validate';
import { pairTransitioner } from '../pairs/pairCommands';
import { pairRepository } from '../pairs/pairRepository';
import { pairPolicy, partnerOf } from '../policies/pairPolicy';
import { authorize } from '../policies/policy';
import type { Db } from '../store/database';
import { surveyResponder } from '../surveys/surveyCommands';
import { agendaItemAdder, agendaItemSuggester } from '../workspace/commands/agendaCommands';
import { commitmentRecorder } from '../workspace/commands/commitmentCommands';
import { praiseGiver, praiseSharingDecider } from '../workspace/commands/praiseCommands';
import { reflectionWriter } from '../workspace/commands/reflectionCommands';
import { takeawayConfirmer, takeawayProposer } from '../workspace/commands/takeawayCommands';
import { workspaceReader } from '../workspace/workspaceReader';
import type { z } from 'zod';
import { forTenant } from '../store/tenantScope';
import { pairReasonsOf } from '../matching/proposalReasons';

export interface BotBackendDeps {
  db: Db;
  allowedTenants: readonly string[];
  /** The person's IANA time zone (from their mailbox settings), for showing times. */
  timeZoneOf: (tenantId: string, userId: string) => Promise<string>;
}

/** Parses card input with the same schemas the API uses, so the bot cannot record what the tab would refuse. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError('invalidRequest', { key: 'invalidRequest.answers' }, fieldErrors(result.error.issues, ''));
  }
  return result.data;
}

/**
 * The bot's backend: the same workspace commands and reader the tab's API calls, acting as the
 * person Teams vouched for (a Bot Framework-signed activity from an allowed tenant).
 */
export function serverBotBackend(deps: BotBackendDeps): BotBackend {
  const { db } = deps;
  function callerOf(person: Person): Caller {
    if (!deps.allowedTenants.includes(person.tenantId)) throw new ApiError('forbidden', { key: 'forbidden.tenant' });
    return { tenantId: person.tenantId, userId: person.userId, name: person.name, username: '', roles: [], isAdmin: false, accessToken: '' };
  }
  async function livePair(person: Person) {
    const pairs = await pairRepository(db, person.tenantId).listForUser(person.userId);
    return pairs.find((p) => p.status === 'active') ?? pairs.find((p) => p.status === 'accepted' || p.status === 'paused') ?? null;
  }
  async function partnerName(tenantId: string, userId: string): Promise<string> {
    return (await personSummaries(db, tenantId, [userId])).get(userId)?.displayName ?? 'your partner';
  }

  return {
    async currentPair(person) {
      const pair = await livePair(person);
      if (!pair) return null;
      const member = authorize(pairPolicy, callerOf(person), 'view', pair);
      return { pairId: pair.id, role: member.role, partnerName: await partnerName(person.tenantId, partnerOf(member)) };
    },

    async proposal(person, pairId) {
      // Offered only while the person may still accept: a stranger, or an answered proposal, gets none.
      const member = pairPolicy.relate(callerOf(person), await pairRepository(db, person.tenantId).find(pairId));
      if (!member || !pairPolicy.rules.accept(member)) return null;
      const { pair, role } = member;
      const partner = (await personSummaries(db, person.tenantId, [partnerOf(member)])).get(partnerOf(member));
      // The reasons of the published run that proposed this pair: engine-written, naming no manager.
      const proposal = await forTenant(db, person.tenantId)
        .selectFrom('match_proposals as m')
        .innerJoin('match_runs as r', (j) => j.onRef('r.tenant_id', '=', 'm.tenant_id').onRef('r.id', '=', 'm.run_id'))
        .select(['m.tenant_id', 'm.id', 'm.reasons'])
        .where('m.programme_id', '=', pair.programme_id)
        .where('m.mentor_participant_id', '=', pair.mentor_participant_id)
        .where('m.mentee_participant_id', '=', pair.mentee_participant_id)
        .where('r.published_at', 'is not', null)
        .orderBy('r.published_at', 'desc')
        .executeTakeFirst();
      return {
        pairId,
        role,
        partner: { name: partner?.displayName ?? 'Your partner', jobTitle: partner?.jobTitle ?? null, department: partner?.department ?? null },
        reasons: proposal ? pairReasonsOf(proposal.reasons, proposal) : [],
      };
    },

    async answerProposal(person, pairId, accept, now) {
      await pairTransitioner({ db, actor: callerOf(person), pairId, action: accept ? 'accept' : 'decline', now });
      const status = (await pairRepository(db, person.tenantId).find(pairId))?.status;
      return !accept ? 'declined' : status === 'proposed' ? 'waiting-for-partner' : 'paired';
    },

    async nextSession(person, now): Promise<SessionView | null> {
      const pair = await livePair(person);
      if (!pair) return null;
      const actor = callerOf(person);
      const workspace = await workspaceReader({ db, actor, pairId: pair.id, now });
      const next = workspace.nextSession;
      if (!next) return null;
      const member = authorize(pairPolicy, actor, 'view', pair);
      return {
        sessionId: next.id,
        pairId: pair.id,
        role: member.role,
        partnerName: await partnerName(person.tenantId, partnerOf(member)),
        startsAt: next.startsAt,
        endsAt: next.endsAt,
        venue: { name: next.venue.displayName ?? null, kind: next.venue.kind ?? null },
        joinUrl: next.joinUrl,
        agenda: workspace.agenda.filter((item) => item.state === 'on-agenda').map((item) => item.text),
        timeZone: await deps.timeZoneOf(person.tenantId, person.userId),
      };
    },

    async journey(person, pairId, now) {
      if (!pairPolicy.relate(callerOf(person), await pairRepository(db, person.tenantId).find(pairId))) return null;
      const workspace = await workspaceReader({ db, actor: callerOf(person), pairId, now });
      const nextModule = workspace.training.modules.find((m) => m.id === workspace.training.next) ?? null;
      return { phase: workspace.journey.phase, nextModule: nextModule && { id: nextModule.id, text: nextModule.text }, editAgenda: workspace.abilities.editAgenda };
    },

    async addAgendaItem(person, pairId, text, now) {
      const actor = callerOf(person);
      const pair = await pairRepository(db, person.tenantId).find(pairId);
      const input = parse(agendaItemSchema, { text });
      if (pairPolicy.relate(actor, pair)?.role === 'mentee') {
        await agendaItemAdder({ db, actor, pairId, now, input });
        return 'added';
      }
      await agendaItemSuggester({ db, actor, pairId, now, input });
      return 'suggested';
    },

    async reflectionPrompt(person, now) {
      const pair = await livePair(person);
      if (!pair) return null;
      const member = authorize(pairPolicy, callerOf(person), 'view', pair);
      const last = await forTenant(db, person.tenantId)
        .selectFrom('sessions')
        .select(['id', 'ends_at'])
        .where('pair_id', '=', pair.id)
        .where('status', '!=', 'cancelled')
        .where('ends_at', '<=', now)
        .orderBy('ends_at', 'desc')
        .executeTakeFirst();
      if (!last) return null;
      const partnerId = partnerOf(member);
      const proposed = await forTenant(db, person.tenantId)
        .selectFrom('takeaways')
        .select(['id', 'text'])
        .where('pair_id', '=', pair.id)
        .where('session_id', '=', last.id)
        .where('proposed_by_user_id', '=', partnerId)
        .where('status', '=', 'proposed')
        .orderBy('created_at')
        .execute();
      return {
        sessionId: last.id,
        pairId: pair.id,
        role: member.role,
        partnerName: await partnerName(person.tenantId, partnerId),
        endedAt: last.ends_at.toISOString(),
        partnerTakeaways: proposed,
      };
    },

    async submitReflection(person, s, now) {
      const actor = callerOf(person);
      const reflection = parse(reflectionSchema, { text: s.reflection, sessionId: s.sessionId });
      const takeaways = s.takeaways.map((text) => parse(takeawaySchema, { text, sessionId: s.sessionId }));
      const commitment = s.commitment ? parse(commitmentSchema, { text: s.commitment, dueOn: s.commitmentDueOn, sessionId: s.sessionId }) : null;
      // One card, one transaction: a refused take-away leaves no half-recorded reflection behind.
      await db.transaction().execute(async (trx) => {
        const base = { db: trx, actor, pairId: s.pairId, now };
        await reflectionWriter({ ...base, input: reflection });
        for (const input of takeaways) await takeawayProposer({ ...base, input });
        if (commitment) await commitmentRecorder({ ...base, input: commitment });
        for (const takeawayId of s.confirmTakeawayIds) await takeawayConfirmer({ ...base, takeawayId });
      });
      return { agreed: s.confirmTakeawayIds.length };
    },

    async confirmTakeaway(person, pairId, takeawayId, now) {
      await takeawayConfirmer({ db, actor: callerOf(person), pairId, now, takeawayId });
    },

    async givePraise(person, pairId, text, now) {
      await praiseGiver({ db, actor: callerOf(person), pairId, now, input: parse(praiseSchema, { text }) });
    },

    async decidePraiseSharing(person, pairId, praiseId, share, now) {
      await praiseSharingDecider({ db, actor: callerOf(person), pairId, now, praiseId, input: { shareWithManager: share } });
    },

    async answerSurvey(person, pairId, kind, answers, now) {
      await surveyResponder({ db, actor: callerOf(person), pairId, kind, answers, now });
    },

    async requestRepair(person, pairId, _reason, now) {
      await pairTransitioner({ db, actor: callerOf(person), pairId, action: 'request-repair', now });
    },

    async pauseReminders(person, until, now) {
      callerOf(person);
      await db
        .insertInto('bot_preferences')
        .values({ tenant_id: person.tenantId, user_id: person.userId, reminders_paused_until: until, updated_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ reminders_paused_until: until, updated_at: now }))
        .execute();
    },
    timeZone: (person) => deps.timeZoneOf(person.tenantId, person.userId),
    async claimCard(person, cardId, now) {
      callerOf(person);
      const claimed = await db
        .insertInto('answered_cards')
        .values({ tenant_id: person.tenantId, user_id: person.userId, card_id: cardId, answered_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('card_id')
        .executeTakeFirst();
      return claimed !== undefined;
    },
    async releaseCard(person, cardId) {
      await forTenant(db, person.tenantId).deleteFrom('answered_cards').where('user_id', '=', person.userId).where('card_id', '=', cardId).execute();
    },
  };
}
