import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../store/database';
import { json, noteUnreadable } from '../store/json';

const id = z.string().min(1);
const role = z.enum(['mentor', 'mentee']);
const pairStatus = z.enum(['proposed', 'accepted', 'active', 'paused', 'ended']);
/** A pair's lifecycle step: what was done, the status it left the pair in, and (for an admin's change) why and that an admin did it. */
const pairChange = z.object({
  action: z.enum(['accept', 'decline', 'pause', 'resume', 'request-repair', 'end', 're-pair']).optional(),
  status: pairStatus,
  endReason: z.enum(['declined', 'completed', 'no-fault-repair', 'reporting-line-change', 'withdrawn']).optional(),
  byAdmin: z.boolean().optional(),
});

/**
 * Every domain event, by kind: what its subject is (the id `subject_id` holds) and what its
 * payload carries. Payloads never carry private text.
 */
const domainEventKinds = {
  'pair.proposed': { subject: 'pair', payload: z.object({ programmeId: id }) },
  'pair.ineligible': { subject: 'pair', payload: z.object({ programmeId: id, reasons: z.array(z.object({ code: z.string(), message: z.string() })) }) },
  'pair.accepted': { subject: 'pair', payload: pairChange },
  'pair.active': { subject: 'pair', payload: pairChange },
  'pair.paused': { subject: 'pair', payload: pairChange },
  'pair.ended': { subject: 'pair', payload: pairChange },
  'pair.accept': { subject: 'pair', payload: pairChange },
  'pair.decline': { subject: 'pair', payload: pairChange },
  'pair.pause': { subject: 'pair', payload: pairChange },
  'pair.resume': { subject: 'pair', payload: pairChange },
  'pair.request-repair': { subject: 'pair', payload: pairChange },
  'charter.signed': { subject: 'pair', payload: z.object({ by: role }) },
  'agenda.suggested': { subject: 'pair', payload: z.object({ itemId: id }) },
  'agenda.suggestion-answered': { subject: 'pair', payload: z.object({ itemId: id, answer: z.enum(['accept', 'decline']) }) },
  'reflection.shared': { subject: 'pair', payload: z.object({ reflectionId: id }) },
  /** Its author deleted a journal entry: the event keeps that it happened, never what it said. */
  'reflection.deleted': { subject: 'pair', payload: z.object({ reflectionId: id, wasShared: z.boolean() }) },
  'praise.given': { subject: 'pair', payload: z.object({ praiseId: id }) },
  'takeaway.proposed': { subject: 'pair', payload: z.object({ takeawayId: id, by: role }) },
  'takeaway.agreed': { subject: 'pair', payload: z.object({ takeawayId: id }) },
  'commitment.recorded': { subject: 'pair', payload: z.object({ commitmentId: id, dueOn: z.string().nullable() }) },
  'commitment.open': { subject: 'pair', payload: z.object({ commitmentId: id }) },
  'commitment.kept': { subject: 'pair', payload: z.object({ commitmentId: id }) },
  'commitment.dropped': { subject: 'pair', payload: z.object({ commitmentId: id }) },
  'session.room-declined': {
    subject: 'pair',
    // The room that declined a booked session after the booking, and the room it was moved to (null: none was free, the pair was told).
    payload: z.object({ sessionId: id, declinedRoom: z.string(), movedTo: z.object({ ref: z.string(), displayName: z.string() }).nullable() }),
  },
  'story.drafted': { subject: 'pair', payload: z.object({ storyId: id, by: role, version: z.number().int() }) },
  'story.published': { subject: 'story', payload: z.object({ pairId: id, programmeId: id }) },
  'programme.adjusted': { subject: 'programme', payload: z.object({ programmeId: id, changed: z.array(z.string()) }) },
  'concern.raised': { subject: 'programme', payload: z.object({ concernId: id }) },
  'concern.status': { subject: 'concern', payload: z.object({ status: z.enum(['open', 'in-progress', 'closed']) }) },
  /** An admin replied to the person who raised the concern: the entry holds the text, the event only its id. */
  'concern.replied': { subject: 'concern', payload: z.object({ entryId: id }) },
} as const;

type Kinds = typeof domainEventKinds;
export type DomainEventKind = keyof Kinds;
export type DomainEventPayload<K extends DomainEventKind> = z.infer<Kinds[K]['payload']>;

/** What a domain event says: its kind decides what its payload holds. */
export type DomainEventBody<K extends DomainEventKind = DomainEventKind> = {
  [k in K]: { kind: k; payload: DomainEventPayload<k> };
}[K];

/** A domain event to record: its kind also decides what its subject id names (see `domainEventKinds`). */
export type DomainEvent = DomainEventBody & { subjectId: string };

/**
 * Records what happened (a proposal, a decline, a reorganisation); the bot and the admin pages act
 * on these rows. Besides its subject, a row names the pair and the programme it concerns, when it
 * concerns one, so that planners join on typed columns whatever the kind.
 */
export async function recordDomainEvent(db: Db, event: DomainEvent & { tenantId: string; at: Date }): Promise<void> {
  const { subject } = domainEventKinds[event.kind];
  const { payload } = event;
  await db
    .insertInto('domain_events')
    .values({
      tenant_id: event.tenantId,
      id: randomUUID(),
      kind: event.kind,
      subject_id: event.subjectId,
      pair_id: subject === 'pair' ? event.subjectId : 'pairId' in payload ? payload.pairId : null,
      programme_id: subject === 'programme' ? event.subjectId : 'programmeId' in payload ? payload.programmeId : null,
      payload: json(payload),
      created_at: event.at,
    })
    .execute();
}

/**
 * A stored event read back into its type, when it is one of `kinds`; null (the caller skips it,
 * and it is logged) when its payload does not parse, which only a row written by hand or by
 * older code can do.
 */
export function domainEventOf<K extends DomainEventKind>(row: { id: string; kind: string; payload: unknown }, kinds: readonly K[]): DomainEventBody<K> | null {
  const kind = kinds.find((k) => k === row.kind);
  if (!kind) return null;
  const parsed = domainEventKinds[kind].payload.safeParse(row.payload);
  if (!parsed.success) {
    noteUnreadable({ table: 'domain_events', column: 'payload', id: row.id }, parsed.error.issues.map((i) => i.path.join('.')), 'stored event does not parse; it is skipped');
    return null;
  }
  // The schema just parsed is the one of this kind: TypeScript cannot follow the pairing by itself.
  return { kind, payload: parsed.data } as DomainEventBody<K>;
}
