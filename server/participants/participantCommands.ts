import { randomUUID } from 'node:crypto';
import { parseParticipantCsv, type CsvRowError } from '../../shared/participantCsv';
import type { ProfileInput } from '../../shared/schemas/participant';
import { recordAudit } from '../audit/auditLog';
import type { Caller } from '../auth/caller';
import type { Directory } from '../directory/directory';
import { ApiError, notFound } from '../http/errors';
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

/** Withdraws someone from a programme: themself, or anyone by an admin. */
export async function participantWithdrawer(props: { db: Db; actor: Caller; programmeId: string; participantId: string; now: Date }) {
  const { db, actor, programmeId, participantId, now } = props;
  await db.transaction().execute(async (trx) => {
    const participants = participantRepository(trx, actor.tenantId);
    const { self } = authorize(participantPolicy, actor, 'withdraw', await participants.find(programmeId, participantId));
    await participants.withdraw(participantId);
    if (!self) await recordAudit(trx, actor, 'participant.remove', participantId, now);
  });
}
