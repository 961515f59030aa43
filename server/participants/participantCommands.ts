import { randomUUID } from 'node:crypto';
import { parseParticipantCsv, type CsvRowError } from '../../shared/participantCsv';
import type { PairEvent } from '../../shared/pairLifecycle';
import type { ProfileInput } from '../../shared/schemas/participant';
import { recordAudit } from '../audit/auditLog';
import type { Caller } from '../auth/caller';
import type { Directory } from '../directory/directory';
import { recordDomainEvent } from '../events/domainEvents';
import { ApiError, notFound } from '../http/errors';
import { adminPairChange } from '../pairs/adminPairCommands';
import { pairChanged } from '../pairs/pairCommands';
import { livePairStatuses, pairRepository } from '../pairs/pairRepository';
import { participantPolicy } from '../policies/participantPolicy';
import { authorize } from '../policies/policy';
import { programmeRepository } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { participantRepository, type NewParticipant } from './participantRepository';

interface EnrolProps {
  db: Db;
  directory: Directory;
  actor: Caller;
  programmeId: string;
  /** Who is enrolled: the caller themself, or the person an admin invites. */
  userId: string;
  role: 'mentor' | 'mentee';
  profile: ProfileInput;
  now: Date;
}

function newParticipant(p: Omit<EnrolProps, 'db' | 'directory' | 'now'>): NewParticipant {
  const { capacity, ...profile } = p.profile;
  return {
    id: randomUUID(),
    programmeId: p.programmeId,
    userId: p.userId,
    role: p.role,
    profile,
    // Only mentors take several mentees; a mentee is always in one pair.
    capacity: p.role === 'mentor' ? capacity : 1,
    enrolledBy: p.actor.userId,
  };
}

/**
 * Enrols one person: self-service while the programme is open, or by an admin's invitation at
 * any time before it closes. Someone who withdrew can enrol again.
 */
export async function participantEnroller(props: EnrolProps): Promise<string> {
  const { db, directory, actor, programmeId, userId, now } = props;
  const invited = userId !== actor.userId;
  return db.transaction().execute(async (trx) => {
    const programme = await programmeRepository(trx, actor.tenantId).find(programmeId);
    if (!programme) throw notFound();
    if (programme.status === 'closed' || (!invited && programme.status !== 'open')) throw new ApiError('programmeNotOpen');
    if (invited) {
      const found = await directory.getPeople(actor.tenantId, [userId]);
      if (!found.has(userId)) {
        throw new ApiError('invalidRequest', { key: 'invalidRequest.unknownPerson' }, [{ field: 'userId', message: { key: 'field.notInDirectory' } }]);
      }
    }
    const participants = participantRepository(trx, actor.tenantId);
    const existing = await participants.findInProgramme(programmeId, userId);
    const person = newParticipant(props);
    if (existing && existing.status === 'enrolled') throw new ApiError('alreadyEnrolled');
    if (existing) await participants.reenrol({ ...person, existingId: existing.id });
    else await participants.insertMany([person]);
    if (invited) await recordAudit(trx, actor, 'participant.invite', `${programmeId}/${userId}`, now);
    return existing?.id ?? person.id;
  });
}

export interface ImportReport {
  imported: number;
  rejected: CsvRowError[];
}

/**
 * Imports participants from CSV. Every row is checked (format, directory, existing enrolment);
 * by default a file with any bad row imports nothing, and with `valid-rows` only the good rows
 * are imported. Either way every bad row is reported with its line and reason.
 */
export async function participantImporter(props: {
  db: Db;
  directory: Directory;
  actor: Caller;
  programmeId: string;
  csv: string;
  mode: 'all-or-nothing' | 'valid-rows';
  now: Date;
}): Promise<ImportReport> {
  const { db, directory, actor, programmeId, csv, mode, now } = props;
  const programme = await programmeRepository(db, actor.tenantId).find(programmeId);
  if (!programme) throw notFound();
  if (programme.status === 'closed') throw new ApiError('programmeNotOpen');

  const { rows, errors } = parseParticipantCsv(csv);
  const people = await directory.findByMail(actor.tenantId, rows.map((r) => r.email));
  const resolved = rows.flatMap((row) => {
    const person = people.get(row.email);
    if (!person) {
      errors.push({ line: row.line, reason: { key: 'csv.notInDirectory', values: { email: row.email } } });
      return [];
    }
    return [{ row, userId: person.id }];
  });

  return db.transaction().execute(async (trx) => {
    const participants = participantRepository(trx, actor.tenantId);
    const enrolled = await participants.usersEnrolled(programmeId, resolved.map((r) => r.userId));
    const good = resolved.filter(({ row, userId }) => {
      if (!enrolled.has(userId)) return true;
      errors.push({ line: row.line, reason: { key: 'csv.alreadyEnrolled', values: { email: row.email } } });
      return false;
    });
    errors.sort((a, b) => a.line - b.line);
    if (errors.length > 0 && mode === 'all-or-nothing') {
      throw new ApiError(
        'importRejected',
        { key: 'importRejected.rows', values: { count: errors.length } },
        errors.map((e) => ({ field: `line ${e.line}`, message: e.reason })),
      );
    }
    await participants.insertMany(good.map(({ row, userId }) => newParticipant({ actor, programmeId, userId, role: row.role, profile: row.profile })));
    await recordAudit(trx, actor, 'participant.import', `${programmeId}:${good.length}`, now);
    return { imported: good.length, rejected: errors };
  });
}

/**
 * Withdraws someone from a programme: themself, or anyone by an admin. Their live pair ends in the
 * same transaction, blaming nobody: "withdrawn" (a proposal not yet answered is declined on their
 * behalf), so the partner is free for the next matching run. An admin's removal ends it as the
 * pairs board's "end" does (audited, and both people are told); a person's own withdrawal records
 * the step for the pair's history only.
 */
export async function participantWithdrawer(props: { db: Db; actor: Caller; programmeId: string; participantId: string; now: Date }) {
  const { db, actor, programmeId, participantId, now } = props;
  await db.transaction().execute(async (trx) => {
    const participants = participantRepository(trx, actor.tenantId);
    const participant = await participants.find(programmeId, participantId);
    const { self } = authorize(participantPolicy, actor, 'withdraw', participant);
    await participants.withdraw(participantId);
    if (!self) await recordAudit(trx, actor, 'participant.remove', participantId, now);
    const pairs = pairRepository(trx, actor.tenantId);
    const live = (await pairs.listForProgramme(programmeId)).filter(
      (p) => (livePairStatuses as readonly string[]).includes(p.status) && (p.mentor_participant_id === participantId || p.mentee_participant_id === participantId),
    );
    for (const found of live) {
      const pair = (await pairs.findForUpdate(found.id))!;
      const event: PairEvent = pair.status === 'proposed' ? { kind: 'decline', by: participant!.role } : { kind: 'end', reason: 'withdrawn' };
      if (!self) {
        await adminPairChange(trx, actor, pair, 'end', event, now);
        continue;
      }
      const next = await pairChanged(pairs, pair, event, now);
      await recordDomainEvent(trx, { tenantId: actor.tenantId, kind: 'pair.ended', subjectId: pair.id, payload: { status: next.status, ...(next.endReason ? { endReason: next.endReason } : {}) }, at: now });
    }
  });
}
