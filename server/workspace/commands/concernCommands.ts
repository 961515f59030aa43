import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ConcernInput, ConcernStatusChange } from '../../../shared/schemas/workspace';
import { recordAudit } from '../../audit/auditLog';
import type { Caller } from '../../auth/caller';
import { recordDomainEvent } from '../../events/domainEvents';
import { ApiError, notFound } from '../../http/errors';
import { pairRepository } from '../../pairs/pairRepository';
import { participantRepository } from '../../participants/participantRepository';
import { authorizePairMember } from '../../policies/pairPolicy';
import type { Db } from '../../store/database';
import type { ConcernTable } from '../../store/schema';
import { forTenant } from '../../store/tenantScope';

export type ConcernRow = Selectable<ConcernTable>;

const adminOnly = (actor: Caller) => {
  if (!actor.isAdmin) throw new ApiError('forbidden', 'Only programme admins (the Upward.Admin role) can do this.');
};

/**
 * A participant raises a concern about their pair or their programme. It reaches the programme
 * admins only: the partner never sees it, and the workspace never shows it.
 */
export async function concernRaiser(props: { db: Db; actor: Caller; input: ConcernInput; now: Date }): Promise<ConcernRow> {
  const { actor, input, now } = props;
  return props.db.transaction().execute(async (trx) => {
    let programmeId: string;
    if (input.pairId !== undefined) {
      const pair = await pairRepository(trx, actor.tenantId).find(input.pairId);
      authorizePairMember(actor, pair);
      programmeId = pair.programme_id;
    } else {
      const participant = await participantRepository(trx, actor.tenantId).findInProgramme(input.programmeId!, actor.userId);
      if (!participant) throw notFound();
      programmeId = participant.programme_id;
    }
    const row: ConcernRow = {
      tenant_id: actor.tenantId,
      id: randomUUID(),
      programme_id: programmeId,
      pair_id: input.pairId ?? null,
      raised_by_user_id: actor.userId,
      kind: 'concern',
      text: input.text,
      status: 'open',
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('concerns').values(row).execute();
    await recordDomainEvent(trx, { tenantId: actor.tenantId, kind: 'concern.raised', subjectId: programmeId, payload: { concernId: row.id }, at: now });
    return row;
  });
}

/** The concerns (and re-pair requests) a person raised, newest first, so they can follow them. */
export async function concernsRaisedBy(db: Db, actor: Caller): Promise<ConcernRow[]> {
  return forTenant(db, actor.tenantId)
    .selectFrom('concerns')
    .selectAll()
    .where('raised_by_user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** An admin reads the concerns of the tenant; the reading itself is audited. */
export async function concernsForAdmin(props: { db: Db; actor: Caller; status?: ConcernRow['status']; now: Date }): Promise<ConcernRow[]> {
  adminOnly(props.actor);
  return props.db.transaction().execute(async (trx) => {
    let query = forTenant(trx, props.actor.tenantId).selectFrom('concerns').selectAll();
    if (props.status) query = query.where('status', '=', props.status);
    const rows = await query.orderBy('created_at', 'desc').execute();
    await recordAudit(trx, props.actor, 'concern.list', props.status ?? 'all', props.now);
    return rows;
  });
}

/** An admin moves a concern along (open, in progress, closed); the change is audited. */
export async function concernStatusChanger(props: { db: Db; actor: Caller; concernId: string; input: ConcernStatusChange; now: Date }): Promise<ConcernRow> {
  const { actor, now } = props;
  adminOnly(actor);
  return props.db.transaction().execute(async (trx) => {
    const row = await forTenant(trx, actor.tenantId)
      .selectFrom('concerns')
      .selectAll()
      .where('id', '=', props.concernId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.status === props.input.status) return row;
    await forTenant(trx, actor.tenantId)
      .updateTable('concerns')
      .set({ status: props.input.status, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, actor, `concern.${props.input.status}`, row.id, now);
    await recordDomainEvent(trx, { tenantId: actor.tenantId, kind: 'concern.status', subjectId: row.id, payload: { status: props.input.status }, at: now });
    return { ...row, status: props.input.status, updated_at: now };
  });
}
