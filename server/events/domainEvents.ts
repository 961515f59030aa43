import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import { json } from '../store/json';

/**
 * Something happened that people should hear about (a proposal, a decline, a reorganisation);
 * the bot and the admin pages act on these rows. Payloads never carry private text.
 */
export async function recordDomainEvent(
  db: Db,
  event: { tenantId: string; kind: string; subjectId: string; payload: Record<string, unknown>; at: Date },
): Promise<void> {
  await db
    .insertInto('domain_events')
    .values({
      tenant_id: event.tenantId,
      id: randomUUID(),
      kind: event.kind,
      subject_id: event.subjectId,
      payload: json(event.payload),
      created_at: event.at,
      handled_at: null,
    })
    .execute();
}
