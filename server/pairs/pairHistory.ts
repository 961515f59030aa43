import type { PairHistoryEntry } from '../../shared/api/pairBoard';
import type { PairEndReason } from '../../shared/pairLifecycle';
import { domainEventOf } from '../events/domainEvents';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

/** The events that change where a pair stands (or that a reorganisation made it ineligible). */
const historyKinds = ['pair.proposed', 'pair.accepted', 'pair.active', 'pair.paused', 'pair.ended', 'pair.ineligible'] as const;

/** Why a pair a member ended, ended: members' events name what they did, not the reason. */
const memberEndReasons: Partial<Record<string, PairEndReason>> = { decline: 'declined', 'request-repair': 'no-fault-repair' };

/** Each pair's status changes, oldest first, from its domain events; payloads carry no private text. */
export async function pairHistories(db: Db, tenantId: string, pairIds: readonly string[]): Promise<Map<string, PairHistoryEntry[]>> {
  const histories = new Map<string, PairHistoryEntry[]>(pairIds.map((id) => [id, []]));
  if (pairIds.length === 0) return histories;
  const rows = await forTenant(db, tenantId)
    .selectFrom('domain_events')
    .select(['id', 'kind', 'payload', 'pair_id', 'created_at'])
    .where('pair_id', 'in', [...pairIds])
    .where('kind', 'in', historyKinds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const event = domainEventOf(row, historyKinds);
    if (!event || !row.pair_id) continue;
    const at = row.created_at.toISOString();
    const entry: PairHistoryEntry = (() => {
      switch (event.kind) {
        case 'pair.proposed':
          return { at, change: 'proposed', endReason: null, byAdmin: false };
        case 'pair.ineligible':
          return { at, change: 'ineligible', endReason: null, byAdmin: false };
        default: {
          const { action, endReason, byAdmin } = event.payload;
          const change = event.kind === 'pair.ended' ? 'ended' : event.kind === 'pair.paused' ? 'paused' : event.kind === 'pair.accepted' ? 'accepted' : action === 'resume' ? 'resumed' : 'started';
          return { at, change, endReason: change === 'ended' ? (endReason ?? memberEndReasons[action ?? ''] ?? null) : null, byAdmin: byAdmin === true };
        }
      }
    })();
    histories.get(row.pair_id)?.push(entry);
  }
  return histories;
}
