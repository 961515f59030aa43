import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import { jobMarker } from '../../../bot/cards/cardText';
import type { GraphGateway } from '../../graph/graphGateway';
import type { Logger } from '../../logger';

/** Whether an earlier attempt's message is in the person's chat: 'unknown' when Graph could not tell. */
export type Delivery = 'arrived' | 'missing' | 'unknown';

export type DeliveryCheck = (tenantId: string, userId: string, jobId: string, since: Date) => Promise<Delivery>;

/**
 * Teams' clock and ours differ a little, and Graph stamps a message when Teams stored it: look a
 * few minutes further back than the attempt began.
 */
const clockSkewMs = 5 * 60_000;

function carries(message: ChatMessage, marker: string): boolean {
  return (message.attachments ?? []).some((a) => typeof a.content === 'string' && a.content.includes(`"${marker}"`));
}

/**
 * Asks Graph whether a message a killed (or cut-off) attempt handed to Teams arrived, by reading
 * the person's 1:1 chat with Upward for the card marked with the job: the Bot Connector has no
 * idempotency key, so this is how a job avoids sending the same message twice. App-only: the
 * chat is found through the app's installation for the person (TeamsAppInstallation.ReadForUser.All)
 * and read with the chat's resource-specific consent (ChatMessage.Read.Chat).
 */
export function graphDeliveryCheck(deps: { graph: GraphGateway; teamsAppCatalogId: string | undefined; logger: Pick<Logger, 'warn'> }): DeliveryCheck {
  return async (tenantId, userId, jobId, since) => {
    if (!deps.teamsAppCatalogId) return 'unknown';
    const graph = deps.graph.forApp(tenantId);
    const user = `/users/${encodeURIComponent(userId)}`;
    try {
      const filter = encodeURIComponent(`teamsApp/id eq '${deps.teamsAppCatalogId.replace(/'/g, "''")}'`);
      // As Teams documents the lookup for proactive messages: the app expanded, filtered by its catalog id.
      const installations = await graph.get<{ value: { id?: string }[] }>(`${user}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`);
      const installationId = installations.value[0]?.id;
      // Not installed: Teams would have refused the message, so none can have arrived.
      if (!installationId) return 'missing';
      const chat = await graph.get<{ id: string }>(`${user}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`);
      const after = new Date(since.getTime() - clockSkewMs).toISOString();
      const { items } = await graph.list<ChatMessage>(
        `/chats/${encodeURIComponent(chat.id)}/messages?$top=50&$orderby=lastModifiedDateTime desc&$filter=${encodeURIComponent(`lastModifiedDateTime gt ${after}`)}`,
      );
      return items.some((m) => carries(m, jobMarker(jobId))) ? 'arrived' : 'missing';
    } catch (error) {
      deps.logger.warn({ err: error, tenantId, userId, jobId }, 'could not read the chat to see whether an earlier attempt arrived; sending again');
      return 'unknown';
    }
  };
}
