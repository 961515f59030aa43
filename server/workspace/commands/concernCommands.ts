import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditChanges } from '../../../shared/schemas/insight';
import type { ConcernChange, ConcernInput } from '../../../shared/schemas/workspace';
import { recordAudit } from '../../audit/auditLog';
import type { Caller } from '../../auth/caller';
import { recordDomainEvent } from '../../events/domainEvents';
import { notFound } from '../../http/errors';
import { pairRepository } from '../../pairs/pairRepository';
import { participantRepository } from '../../participants/participantRepository';
import { pairPolicy } from '../../policies/pairPolicy';
import { concernAdminPolicy, programmeConcernPolicy } from '../../policies/concernPolicy';
import { authorize } from '../../policies/policy';
import type { Db } from '../../store/database';
import type { ConcernEntryTable, ConcernTable } from '../../store/schema';
import { forTenant } from '../../store/tenantScope';

export type ConcernRow = Selectable<ConcernTable>;
export type ConcernEntryRow = Selectable<ConcernEntryTable>;

/**
 * A participant raises a concern about their pair or their programme. It reaches the programme
 * admins only: the partner never sees it, and the workspace never shows it.
 */
export async function concernRaiser(props: { db: Db; actor: Caller; input: ConcernInput; now: Date }): Promise<ConcernRow> {
  const { actor, input, now } = props;
  return props.db.transaction().execute(async (trx) => {
    let programmeId: string;
    if (input.pairId !== undefined) {
      const { pair } = authorize(pairPolicy, actor, 'raiseConcern', await pairRepository(trx, actor.tenantId).find(input.pairId));
      programmeId = pair.programme_id;
    } else {
      const participant = authorize(programmeConcernPolicy, actor, 'raise', await participantRepository(trx, actor.tenantId).findInProgramme(input.programmeId!, actor.userId));
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
      category: input.category ?? 'other',
      severity: 'medium',
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

/** An admin reads the concerns of the tenant, newest first; the reading itself is audited. */
export async function concernsForAdmin(props: { db: Db; actor: Caller; status?: ConcernRow['status']; now: Date }): Promise<ConcernRow[]> {
  authorize(concernAdminPolicy, props.actor, 'list');
  return props.db.transaction().execute(async (trx) => {
    let query = forTenant(trx, props.actor.tenantId).selectFrom('concerns').selectAll();
    if (props.status) query = query.where('status', '=', props.status);
    const rows = await query.orderBy('created_at', 'desc').execute();
    await recordAudit(trx, props.actor, 'concern.list', props.status ?? 'all', props.now);
    return rows;
  });
}

/** The concern an admin acts on, held until the change is written. */
async function concernForUpdate(trx: Db, actor: Caller, concernId: string): Promise<ConcernRow> {
  const row = await forTenant(trx, actor.tenantId).selectFrom('concerns').selectAll().where('id', '=', concernId).forUpdate().executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

async function addEntry(trx: Db, actor: Caller, concernId: string, entry: { kind: ConcernEntryRow['kind']; text?: string; status?: ConcernRow['status'] }, now: Date): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('concern_entries')
    .values({ tenant_id: actor.tenantId, id, concern_id: concernId, kind: entry.kind, author_user_id: actor.userId, text: entry.text ?? null, status: entry.status ?? null, created_at: now })
    .execute();
  return id;
}

/** An admin moves a concern along (open, in progress, closed) or sorts it (category, severity); a status change joins its history; every change is audited. */
export async function concernChanger(props: { db: Db; actor: Caller; concernId: string; input: ConcernChange; now: Date }): Promise<ConcernRow> {
  const { actor, now, input } = props;
  authorize(concernAdminPolicy, actor, 'changeStatus');
  return props.db.transaction().execute(async (trx) => {
    const row = await concernForUpdate(trx, actor, props.concernId);
    const next = { ...row, status: input.status ?? row.status, category: input.category ?? row.category, severity: input.severity ?? row.severity };
    const changes: AuditChanges = {};
    for (const field of ['status', 'category', 'severity'] as const) if (next[field] !== row[field]) changes[field] = { from: row[field], to: next[field] };
    if (Object.keys(changes).length === 0) return row;
    await forTenant(trx, actor.tenantId).updateTable('concerns').set({ status: next.status, category: next.category, severity: next.severity, updated_at: now }).where('id', '=', row.id).execute();
    if (next.status !== row.status) {
      await addEntry(trx, actor, row.id, { kind: 'status', status: next.status }, now);
      await recordDomainEvent(trx, { tenantId: actor.tenantId, kind: 'concern.status', subjectId: row.id, payload: { status: next.status }, at: now });
    }
    await recordAudit(trx, actor, next.status !== row.status ? `concern.${next.status}` : 'concern.sort', row.id, now, changes);
    return { ...next, updated_at: now };
  });
}

/**
 * An admin writes on a concern: a reply reaches the person who raised it (in their tab, and as a
 * bot message through the notice planner), never their partner; a note stays with the admins.
 */
export async function concernWriter(props: { db: Db; actor: Caller; concernId: string; kind: 'reply' | 'note'; text: string; now: Date }): Promise<ConcernRow> {
  const { actor, now } = props;
  authorize(concernAdminPolicy, actor, props.kind === 'reply' ? 'reply' : 'note');
  return props.db.transaction().execute(async (trx) => {
    const row = await concernForUpdate(trx, actor, props.concernId);
    const entryId = await addEntry(trx, actor, row.id, { kind: props.kind, text: props.text }, now);
    await forTenant(trx, actor.tenantId).updateTable('concerns').set({ updated_at: now }).where('id', '=', row.id).execute();
    if (props.kind === 'reply') await recordDomainEvent(trx, { tenantId: actor.tenantId, kind: 'concern.replied', subjectId: row.id, payload: { entryId }, at: now });
    await recordAudit(trx, actor, `concern.${props.kind}`, row.id, now);
    return { ...row, updated_at: now };
  });
}

/** The history of the concerns named, oldest first; the admins' notes only when asked for. */
export async function concernEntries(db: Db, tenantId: string, concernIds: readonly string[], withNotes: boolean): Promise<ConcernEntryRow[]> {
  if (concernIds.length === 0) return [];
  let query = forTenant(db, tenantId).selectFrom('concern_entries').selectAll().where('concern_id', 'in', [...concernIds]);
  if (!withNotes) query = query.where('kind', '!=', 'note');
  return query.orderBy('created_at').orderBy('seq').execute();
}
