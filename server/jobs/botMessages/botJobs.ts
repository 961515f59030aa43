import type { BotBackend } from '../../../bot/botBackend';
import { type Card, markedCard } from '../../../bot/cards/cardText';
import { reflectionCard } from '../../../bot/cards/reflectionCards';
import { adjustmentLines, programmeAdjustedCard, proposalCard, storyDraftedCard, storyPublishedCard } from '../../../bot/cards/noticeCards';
import { nudgeCard, type NudgeKind, praiseReceivedCard, surveyCard } from '../../../bot/cards/relationshipCards';
import { defaultProgrammeSettings } from '../../../shared/programmeSettings';
import { defaultSurveySchedule, surveyScheduleSchema } from '../../../shared/schemas/programme';
import { sessionCard } from '../../../bot/cards/sessionCards';
import type { JobResult, JobRow } from '../jobQueue';
import type { JobHandler } from '../jobWorker';
import type { Db } from '../../store/database';
import type { BotHost } from '../../bot/botHost';
import type { DeliveryCheck } from './deliveryCheck';
import type { HoursOf } from '../../bot/mailboxSettings';
import { sendTimeFor } from './sendWindow';

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
} as const;

interface Deps {
  db: Db;
  host: Pick<BotHost, 'send' | 'links'>;
  backend: BotBackend;
  hoursOf: HoursOf;
  /** Asked before sending again what an earlier attempt handed to Teams without hearing back. */
  delivered: DeliveryCheck;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
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
function proactive(deps: Deps, build: (job: JobRow, now: Date) => Promise<Message | null>): JobHandler {
  return async (job, now, lease): Promise<JobResult> => {
    const userId = text(job.payload.userId);
    if (job.send_started_at && (await deps.delivered(job.tenant_id, userId, job.id, job.send_started_at)) === 'arrived') return { kind: 'done', outcome: 'sent' };
    const prefs = await deps.db.selectFrom('bot_preferences').select('reminders_paused_until').where('tenant_id', '=', job.tenant_id).where('user_id', '=', userId).executeTakeFirst();
    const pausedUntil = prefs?.reminders_paused_until;
    if (pausedUntil && pausedUntil > now) return { kind: 'defer', at: pausedUntil };
    const message = await build(job, now);
    if (!message) return { kind: 'done', outcome: 'skipped' };
    const at = sendTimeFor(await deps.hoursOf(job.tenant_id, userId), now, message.latest);
    if (at > now) return { kind: 'defer', at };
    // Reading hours may have taken long (Graph retries): send only while the job is still ours.
    if (!(await lease.beginSend())) return { kind: 'failed', error: 'Another worker took this job over after its lease ran out.' };
    const sent = await deps.host.send(job.tenant_id, userId, markedCard(message.card, job.id));
    if (sent.kind === 'throttled') return { kind: 'throttled', retryAfterMs: sent.retryAfterMs };
    if (sent.kind === 'no-conversation' && message.waitForChatUntil && message.waitForChatUntil > now) return { kind: 'defer', at: new Date(now.getTime() + unreachableRetryMs) };
    return { kind: 'done', outcome: sent.kind === 'sent' ? 'sent' : 'skipped' };
  };
}

export function botJobHandlers(deps: Deps): Record<string, JobHandler> {
  const person = async (job: JobRow) => {
    const userId = text(job.payload.userId);
    const name = (await deps.db.selectFrom('directory_users').select('display_name').where('tenant_id', '=', job.tenant_id).where('user_id', '=', userId).executeTakeFirst())?.display_name;
    return { tenantId: job.tenant_id, userId, name: name ?? '' };
  };
  return {
    [botJobKinds.sessionReminder]: proactive(deps, async (job, now) => {
      const session = await deps.backend.nextSession(await person(job), now);
      if (!session || session.sessionId !== job.payload.sessionId) return null;
      return { card: sessionCard(session, { reminder: true }), latest: new Date(new Date(session.startsAt).getTime() - 3_600_000) };
    }),
    [botJobKinds.reflectionPrompt]: proactive(deps, async (job, now) => {
      const prompt = await deps.backend.reflectionPrompt(await person(job), now);
      if (!prompt || prompt.sessionId !== job.payload.sessionId) return null;
      return { card: reflectionCard(prompt), latest: null };
    }),
    [botJobKinds.nudge]: proactive(deps, async (job) => ({
      card: nudgeCard({ kind: text(job.payload.nudge) as NudgeKind, commitment: text(job.payload.commitment), pairId: text(job.payload.pairId) || undefined }),
      latest: null,
    })),
    [botJobKinds.survey]: proactive(deps, async (job) => {
      const role = job.payload.role === 'mentee' ? 'mentee' : 'mentor';
      return { card: surveyCard({ pairId: text(job.payload.pairId), kind: job.payload.kind as 'pairing-fit' | 'mid-point' | 'end', role }), latest: null };
    }),
    [botJobKinds.praiseReceived]: proactive(deps, async (job) => {
      const praise = await deps.db.selectFrom('praise').select(['id', 'text', 'from_user_id']).where('tenant_id', '=', job.tenant_id).where('id', '=', text(job.payload.praiseId)).executeTakeFirst();
      if (!praise) return null;
      const from = await person({ ...job, payload: { userId: praise.from_user_id } });
      return { card: praiseReceivedCard({ pairId: text(job.payload.pairId), praiseId: praise.id, fromName: from.name || 'Your mentee', text: praise.text }), latest: null };
    }),
    [botJobKinds.pairProposed]: proactive(deps, async (job) => {
      const view = await deps.backend.proposal(await person(job), text(job.payload.pairId));
      return view && { card: proposalCard(view), latest: null, waitForChatUntil: new Date(text(job.payload.waitForChatUntil)) };
    }),
    [botJobKinds.programmeAdjusted]: proactive(deps, async (job) => {
      // The values as they are now (the event names only the fields), for someone still enrolled.
      const programme = await deps.db
        .selectFrom('programmes as g')
        .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'g.tenant_id').onRef('p.programme_id', '=', 'g.id'))
        .select(['g.name', 'g.settings', 'g.details', 'g.ends_on'])
        .where('g.tenant_id', '=', job.tenant_id)
        .where('g.id', '=', text(job.payload.programmeId))
        .where('p.user_id', '=', text(job.payload.userId))
        .where('p.status', '=', 'enrolled')
        .executeTakeFirst();
      if (!programme) return null;
      const settings = { ...defaultProgrammeSettings, ...programme.settings };
      const now = {
        name: programme.name,
        cadenceDays: settings.cadenceDays,
        sessionMinutes: settings.sessionMinutes,
        relationshipMonths: settings.relationshipMonths,
        durationMonths: settings.durationMonths,
        endsOn: programme.ends_on,
        surveySchedule: surveyScheduleSchema.safeParse(programme.details.surveySchedule ?? defaultSurveySchedule).data ?? defaultSurveySchedule,
      };
      const lines = adjustmentLines(Array.isArray(job.payload.changed) ? job.payload.changed.map(text) : [], now);
      if (lines.length === 0) return null;
      return { card: programmeAdjustedCard({ programme: now, lines, guidesUrl: deps.host.links.guides(), workspaceUrl: deps.host.links.workspace() }), latest: null };
    }),
    [botJobKinds.storyDrafted]: proactive(deps, async (job) => {
      const pairId = text(job.payload.pairId);
      const story = await deps.db.selectFrom('stories').select(['version', 'published_at']).where('tenant_id', '=', job.tenant_id).where('pair_id', '=', pairId).executeTakeFirst();
      // A later edit has its own notice; a published story needs no more consent.
      if (!story || story.published_at || story.version !== job.payload.version) return null;
      const author = await person({ ...job, payload: { userId: job.payload.authorUserId } });
      return { card: storyDraftedCard({ drafterName: author.name || 'Your partner', edited: story.version > 0, workspaceUrl: deps.host.links.workspace(pairId) }), latest: null };
    }),
    [botJobKinds.storyPublished]: proactive(deps, async (job) => ({ card: storyPublishedCard(deps.host.links.workspace(text(job.payload.pairId))), latest: null })),
  };
}
