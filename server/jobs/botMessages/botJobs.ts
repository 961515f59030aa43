import { z } from 'zod';
import type { BotBackend } from '../../../bot/botBackend';
import { botText, type BotText } from '../../../bot/botText';
import { storedLocaleOf } from '../../bot/conversationStore';
import { type Card, markedCard } from '../../../bot/cards/cardText';
import { reflectionCard } from '../../../bot/cards/reflectionCards';
import { adjustmentLines, concernRepliedCard, pairChangedCard, programmeAdjustedCard, proposalCard, storyDraftedCard, storyPublishedCard } from '../../../bot/cards/noticeCards';
import { promptsNudgeCard, trainingOfferCard } from '../../../bot/cards/journeyCards';
import { nudgeCard, praiseReceivedCard, surveyCard } from '../../../bot/cards/relationshipCards';
import { promptPhaseOf } from '../../../shared/journey/prompts';
import { moduleIdSchema } from '../../../shared/schemas/training';
import { roomDeclinedCard, sessionCard } from '../../../bot/cards/sessionCards';
import { scheduledSurveyKinds } from '../../../shared/schemas/survey';
import { handlerOf, type Job, type JobKind, jobKind } from '../jobKind';
import type { JobResult } from '../jobQueue';
import type { JobHandler } from '../jobWorker';
import { programmeDetailsOf, programmeSettingsOf } from '../../programmes/programmeRepository';
import type { Db } from '../../store/database';
import type { BotHost } from '../../bot/botHost';
import type { DeliveryCheck } from './deliveryCheck';
import type { HoursOf } from '../../bot/mailboxSettings';
import { sendTimeFor } from './sendWindow';
import { forTenant } from '../../store/tenantScope';

export const botJobKinds = {
  sessionReminder: 'bot.session-reminder',
  reflectionPrompt: 'bot.reflection-prompt',
  nudge: 'bot.nudge',
  survey: 'bot.survey',
  praiseReceived: 'bot.praise-received',
  pairProposed: 'bot.pair-proposed',
  programmeAdjusted: 'bot.programme-adjusted',
  storyDrafted: 'bot.story-drafted',
  storyPublished: 'bot.story-published',
  roomDeclined: 'bot.room-declined',
  concernReplied: 'bot.concern-replied',
  pairChanged: 'bot.pair-changed',
  trainingOffer: 'bot.training-offer',
} as const;

const id = z.string().min(1);
const userId = id;
const role = z.enum(['mentor', 'mentee']);

/** Each bot job's payload: whom it is for, and what the card is about. */
export const botJobs = {
  sessionReminder: jobKind(botJobKinds.sessionReminder, z.object({ userId, sessionId: id })),
  reflectionPrompt: jobKind(botJobKinds.reflectionPrompt, z.object({ userId, sessionId: id })),
  nudge: jobKind(botJobKinds.nudge, z.object({ userId, nudge: z.enum(['no-session', 'commitment-due', 'pair-ineligible']), commitment: z.string().optional(), pairId: id.optional() })),
  survey: jobKind(botJobKinds.survey, z.object({ userId, role, pairId: id, kind: z.enum(scheduledSurveyKinds) })),
  praiseReceived: jobKind(botJobKinds.praiseReceived, z.object({ userId, pairId: id, praiseId: id })),
  pairProposed: jobKind(botJobKinds.pairProposed, z.object({ userId, pairId: id, waitForChatUntil: z.iso.datetime() })),
  programmeAdjusted: jobKind(botJobKinds.programmeAdjusted, z.object({ userId, programmeId: id, changed: z.array(z.string()) })),
  storyDrafted: jobKind(botJobKinds.storyDrafted, z.object({ userId, pairId: id, authorUserId: id, version: z.number().int() })),
  storyPublished: jobKind(botJobKinds.storyPublished, z.object({ userId, pairId: id })),
  /** A booked session's room declined after the booking: the room it moved to, or null when none was free. */
  roomDeclined: jobKind(botJobKinds.roomDeclined, z.object({ userId, pairId: id, sessionId: id, movedTo: z.string().nullable() })),
  /** An admin replied to a concern: to the person who raised it, never anyone else. */
  concernReplied: jobKind(botJobKinds.concernReplied, z.object({ userId, concernId: id, entryId: id })),
  /** An admin paused, resumed or ended a pair: to each of its two people. */
  pairChanged: jobKind(botJobKinds.pairChanged, z.object({ userId, pairId: id, change: z.enum(['paused', 'resumed', 'ended', 're-paired']) })),
  /** The training module due in the relationship's phase, offered once per module. */
  trainingOffer: jobKind(botJobKinds.trainingOffer, z.object({ userId, pairId: id, moduleId: moduleIdSchema })),
};

interface Deps {
  db: Db;
  host: Pick<BotHost, 'send' | 'links'>;
  backend: BotBackend;
  hoursOf: HoursOf;
  /** Asked before sending again what an earlier attempt handed to Teams without hearing back. */
  delivered: DeliveryCheck;
}

/** How often to look again for a person the bot cannot reach yet (their app installation is on its way). */
const unreachableRetryMs = 10 * 60_000;

interface Message {
  card: Card;
  /** After this, send at once rather than wait for working hours. */
  latest: Date | null;
  /** Until this, a person the bot cannot reach yet is tried again later instead of skipped. */
  waitForChatUntil?: Date;
}

/**
 * Every bot job goes the same way: done already if an earlier attempt's card is in the person's
 * chat (that attempt died before it could record it), skip it if the person paused reminders
 * (until the pause ends) or it no longer applies, wait for their working hours, then send the
 * card once.
 */
function proactive<P extends { userId: string }>(deps: Deps, kind: JobKind<P>, build: (job: Job<P>, now: Date, text: BotText) => Promise<Message | null>): Record<string, JobHandler> {
  return handlerOf(kind, async (job, now, lease): Promise<JobResult> => {
    const { userId } = job.payload;
    if (job.send_started_at && (await deps.delivered(job.tenant_id, userId, job.id, job.send_started_at)) === 'arrived') return { kind: 'done', outcome: 'sent' };
    const prefs = await forTenant(deps.db, job.tenant_id).selectFrom('bot_preferences').select('reminders_paused_until').where('user_id', '=', userId).executeTakeFirst();
    const pausedUntil = prefs?.reminders_paused_until;
    if (pausedUntil && pausedUntil > now) return { kind: 'defer', at: pausedUntil };
    // In the language the person last wrote to the bot in (Teams sends it with every activity).
    const message = await build(job, now, botText(await storedLocaleOf(deps.db, job.tenant_id, userId)));
    if (!message) return { kind: 'done', outcome: 'skipped' };
    const at = sendTimeFor(await deps.hoursOf(job.tenant_id, userId), now, message.latest);
    if (at > now) return { kind: 'defer', at };
    // Reading hours may have taken long (Graph retries): send only while the job is still ours.
    if (!(await lease.beginSend())) return { kind: 'failed', error: 'Another worker took this job over after its lease ran out.' };
    const sent = await deps.host.send(job.tenant_id, userId, markedCard(message.card, job.id));
    if (sent.kind === 'throttled') return { kind: 'throttled', retryAfterMs: sent.retryAfterMs };
    if (sent.kind === 'no-conversation' && message.waitForChatUntil && message.waitForChatUntil > now) return { kind: 'defer', at: new Date(now.getTime() + unreachableRetryMs) };
    return { kind: 'done', outcome: sent.kind === 'sent' ? 'sent' : 'skipped' };
  });
}

export function botJobHandlers(deps: Deps): Record<string, JobHandler> {
  const person = async (job: { tenant_id: string; payload: { userId: string } }) => {
    const { userId } = job.payload;
    const name = (await forTenant(deps.db, job.tenant_id).selectFrom('directory_users').select('display_name').where('user_id', '=', userId).executeTakeFirst())?.display_name;
    return { tenantId: job.tenant_id, userId, name: name ?? '' };
  };
  return {
    ...proactive(deps, botJobs.sessionReminder, async (job, now, text) => {
      const session = await deps.backend.nextSession(await person(job), now);
      if (!session || session.sessionId !== job.payload.sessionId) return null;
      return { card: sessionCard(text, session, { reminder: true }), latest: new Date(new Date(session.startsAt).getTime() - 3_600_000) };
    }),
    ...proactive(deps, botJobs.reflectionPrompt, async (job, now, text) => {
      const prompt = await deps.backend.reflectionPrompt(await person(job), now);
      if (!prompt || prompt.sessionId !== job.payload.sessionId) return null;
      return { card: reflectionCard(text, prompt), latest: null };
    }),
    ...proactive(deps, botJobs.nudge, async (job, now, text) => {
      const { nudge, pairId } = job.payload;
      // Between sessions, the nudge to meet brings the phase's conversation prompts along.
      const journey = nudge === 'no-session' && pairId ? await deps.backend.journey(await person(job), pairId, now) : null;
      const phase = journey && promptPhaseOf[journey.phase];
      if (journey && phase && pairId) return { card: promptsNudgeCard(text, { pairId, phase, addToAgenda: journey.editAgenda, workspaceUrl: deps.host.links.workspace(pairId) }), latest: null };
      return { card: nudgeCard(text, { kind: nudge, commitment: job.payload.commitment ?? '', pairId: pairId || undefined }), latest: null };
    }),
    ...proactive(deps, botJobs.trainingOffer, async (job, now, text) => {
      const { pairId, moduleId } = job.payload;
      // Offered only while it is still the module due: done since, or the pair moved on, sends nothing.
      const journey = await deps.backend.journey(await person(job), pairId, now);
      if (journey?.nextModule?.id !== moduleId) return null;
      return { card: trainingOfferCard(text, { module: journey.nextModule, workspaceUrl: deps.host.links.workspace(pairId) }), latest: null };
    }),
    ...proactive(deps, botJobs.survey, async (job, _now, text) => {
      return { card: surveyCard(text, { pairId: job.payload.pairId, kind: job.payload.kind, role: job.payload.role }), latest: null };
    }),
    ...proactive(deps, botJobs.praiseReceived, async (job, _now, text) => {
      const praise = await forTenant(deps.db, job.tenant_id).selectFrom('praise').select(['id', 'text', 'from_user_id']).where('id', '=', job.payload.praiseId).executeTakeFirst();
      if (!praise) return null;
      const from = await person({ ...job, payload: { userId: praise.from_user_id } });
      return { card: praiseReceivedCard(text, { pairId: job.payload.pairId, praiseId: praise.id, fromName: from.name || null, text: praise.text }), latest: null };
    }),
    ...proactive(deps, botJobs.pairProposed, async (job, _now, text) => {
      const view = await deps.backend.proposal(await person(job), job.payload.pairId);
      return view && { card: proposalCard(text, view), latest: null, waitForChatUntil: new Date(job.payload.waitForChatUntil) };
    }),
    ...proactive(deps, botJobs.programmeAdjusted, async (job, _now, text) => {
      // The values as they are now (the event names only the fields), for someone still enrolled.
      const programme = await forTenant(deps.db, job.tenant_id)
        .selectFrom('programmes as g')
        .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'g.tenant_id').onRef('p.programme_id', '=', 'g.id'))
        .select(['g.id', 'g.name', 'g.settings', 'g.details', 'g.ends_on'])
        .where('g.id', '=', job.payload.programmeId)
        .where('p.user_id', '=', job.payload.userId)
        .where('p.status', '=', 'enrolled')
        .executeTakeFirst();
      if (!programme) return null;
      const settings = programmeSettingsOf(programme.settings, programme.id);
      const now = {
        name: programme.name,
        cadenceDays: settings.cadenceDays,
        sessionMinutes: settings.sessionMinutes,
        relationshipMonths: settings.relationshipMonths,
        durationMonths: settings.durationMonths,
        endsOn: programme.ends_on,
        surveySchedule: programmeDetailsOf(programme.details, programme.id).surveySchedule,
      };
      const lines = adjustmentLines(text, job.payload.changed, now);
      if (lines.length === 0) return null;
      return { card: programmeAdjustedCard(text, { programme: now, lines, guidesUrl: deps.host.links.guides(), workspaceUrl: deps.host.links.workspace() }), latest: null };
    }),
    ...proactive(deps, botJobs.storyDrafted, async (job, _now, text) => {
      const { pairId } = job.payload;
      const story = await forTenant(deps.db, job.tenant_id).selectFrom('stories').select(['version', 'published_at']).where('pair_id', '=', pairId).executeTakeFirst();
      // A later edit has its own notice; a published story needs no more consent.
      if (!story || story.published_at || story.version !== job.payload.version) return null;
      const author = await person({ ...job, payload: { userId: job.payload.authorUserId } });
      return { card: storyDraftedCard(text, { drafterName: author.name || null, edited: story.version > 0, workspaceUrl: deps.host.links.workspace(pairId) }), latest: null };
    }),
    ...proactive(deps, botJobs.storyPublished, async (job, _now, text) => ({ card: storyPublishedCard(text, deps.host.links.workspace(job.payload.pairId)), latest: null })),
    ...proactive(deps, botJobs.concernReplied, async (job, _now, text) => {
      // Read now, from a concern the person still holds: an erased or withdrawn concern sends nothing.
      const reply = await forTenant(deps.db, job.tenant_id)
        .selectFrom('concern_entries as e')
        .innerJoin('concerns as c', (j) => j.onRef('c.tenant_id', '=', 'e.tenant_id').onRef('c.id', '=', 'e.concern_id'))
        .select(['e.text', 'c.pair_id'])
        .where('e.id', '=', job.payload.entryId)
        .where('e.kind', '=', 'reply')
        .where('c.id', '=', job.payload.concernId)
        .where('c.raised_by_user_id', '=', job.payload.userId)
        .executeTakeFirst();
      if (!reply?.text) return null;
      return { card: concernRepliedCard(text, reply.text, deps.host.links.workspace(reply.pair_id ?? undefined)), latest: null };
    }),
    ...proactive(deps, botJobs.pairChanged, async (job, _now, text) => {
      const { pairId, change } = job.payload;
      const pair = await forTenant(deps.db, job.tenant_id).selectFrom('pairs').select('status').where('id', '=', pairId).executeTakeFirst();
      // A pause already undone (or a pair ended since) is not news any more: only the latest change is told.
      const current = { paused: 'paused', resumed: 'active', ended: 'ended', 're-paired': 'ended' }[change];
      if (pair?.status !== current) return null;
      return { card: pairChangedCard(text, change, deps.host.links.workspace(change === 'ended' || change === 're-paired' ? undefined : pairId)), latest: null };
    }),
    ...proactive(deps, botJobs.roomDeclined, async (job, now, text) => {
      const session = await forTenant(deps.db, job.tenant_id).selectFrom('sessions').select(['starts_at', 'status']).where('id', '=', job.payload.sessionId).executeTakeFirst();
      // Cancelled, or already over: nothing to do about its room any more.
      if (!session || session.status !== 'planned' || session.starts_at <= now) return null;
      const { timeZone } = await deps.hoursOf(job.tenant_id, job.payload.userId);
      const card = roomDeclinedCard(text, { startsAt: session.starts_at.toISOString(), timeZone, movedTo: job.payload.movedTo, workspaceUrl: deps.host.links.workspace(job.payload.pairId) });
      // Sent at once if waiting for working hours would leave too little time to act.
      return { card, latest: new Date(session.starts_at.getTime() - 24 * 3_600_000) };
    }),
  };
}
