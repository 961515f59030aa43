import { z } from 'zod';
import { handlerOf, jobKind, jobOf } from '../jobKind';
import type { JobHandler } from '../jobWorker';
import type { NewJob } from '../jobQueue';
import type { GraphGateway } from '../../graph/graphGateway';
import type { Db } from '../../store/database';
import { acrossTenants, forTenant } from '../../store/tenantScope';
import { meetingTabConfiguration } from '../../../shared/meetingTab';

/** Pins the pair's workspace to the chat of an online session Upward booked, so it opens in the meeting's side panel. */
const meetingTab = jobKind('meeting.add-tab', z.object({ sessionId: z.string().min(1) }));

/** Online sessions booked through Graph that have not ended: one tab job each. */
export async function meetingTabJobs(db: Db, now: Date): Promise<NewJob[]> {
  const sessions = await acrossTenants(db, 'housekeeping planner')
    .selectFrom('sessions')
    .select(['tenant_id', 'id'])
    .where('status', '=', 'planned')
    .where('join_url', 'is not', null)
    .where('organizer_user_id', 'is not', null)
    .where('ends_at', '>', now)
    .execute();
  return sessions.map((s) => jobOf(meetingTab, { tenantId: s.tenant_id, dedupeKey: `meeting-tab:${s.id}`, payload: { sessionId: s.id }, runAt: now }));
}

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

/**
 * Graph's documented way: the meeting's chat is its `chatInfo.threadId`, found by the join
 * address among the organizer's online meetings (OnlineMeetings.Read.All); the app is installed in
 * that chat (TeamsAppInstallation.ReadWriteForChat.All), which grants it the chat's
 * TeamsTab.Create.Chat consent its manifest asks for; then, unless the chat already has Upward's
 * tab (TeamsTab.Read.All), the tab is pinned, its content the side panel view of this pair and session.
 */
export function meetingTabJobHandlers(deps: { db: Db; graph: GraphGateway; graphBaseUrl: string; publicBaseUrl: string; teamsAppCatalogId?: string }): Record<string, JobHandler> {
  return handlerOf(meetingTab, async (job, now) => {
    const catalogId = deps.teamsAppCatalogId;
    const session = await forTenant(deps.db, job.tenant_id)
      .selectFrom('sessions')
      .select(['id', 'pair_id', 'status', 'join_url', 'organizer_user_id', 'ends_at'])
      .where('id', '=', job.payload.sessionId)
      .executeTakeFirst();
    if (!catalogId || !session?.join_url || !session.organizer_user_id || session.status !== 'planned' || session.ends_at <= now) return { kind: 'done', outcome: 'skipped' };
    const graph = deps.graph.forApp(job.tenant_id);
    const filter = encodeURIComponent(`JoinWebUrl eq '${session.join_url}'`);
    const meetings = await graph.get<{ value: { chatInfo?: { threadId?: string | null } | null }[] }>(`/users/${encodeURIComponent(session.organizer_user_id)}/onlineMeetings?$filter=${filter}`);
    const threadId = meetings.value[0]?.chatInfo?.threadId;
    if (!threadId) return { kind: 'done', outcome: 'skipped' };
    const chat = `/chats/${encodeURIComponent(threadId)}`;
    const app = { 'teamsApp@odata.bind': `${deps.graphBaseUrl.replace(/\/+$/, '')}/appCatalogs/teamsApps/${encodeURIComponent(catalogId)}` };
    try {
      await graph.send('POST', `${chat}/installedApps`, app);
    } catch (error) {
      // Already in the chat (a person added it, or an earlier attempt): the tab is what is left.
      if (statusOf(error) !== 409) throw error;
    }
    // One Upward tab per meeting: an earlier attempt may have pinned it and stopped before the job was recorded, or a person added it by hand.
    const appFilter = encodeURIComponent(`teamsApp/id eq '${catalogId}'`);
    const pinned = await graph.get<{ value: unknown[] }>(`${chat}/tabs?$expand=teamsApp&$filter=${appFilter}`);
    if (pinned.value.length > 0) return { kind: 'done', outcome: 'skipped' };
    await graph.send('POST', `${chat}/tabs`, { ...app, displayName: 'Upward', configuration: meetingTabConfiguration(`${deps.publicBaseUrl}/tab/index.html`, session.pair_id, session.id) });
    return { kind: 'done', outcome: 'sent' };
  });
}
