import { randomUUID } from 'node:crypto';
import { defaultProgrammeSettings, type ProgrammeSettings, programmeSettingsSchema } from '../../shared/programmeSettings';
import { programmeEndDate } from '../../shared/programmeDates';
import type { AuditChanges } from '../../shared/schemas/insight';
import type { CreateProgrammeInput, ProgrammeDetails, UpdateProgrammeInput } from '../../shared/schemas/programme';
import { recordAudit } from '../audit/auditLog';
import { recordDomainEvent } from '../events/domainEvents';
import type { Caller } from '../auth/caller';
import { ApiError, notFound, type ProblemDetail } from '../http/errors';
import type { Db } from '../store/database';
import { refillUnsignedCharters } from './pairCharter';
import { type Programme, programmeRepository, type ProgrammeRecord } from './programmeRepository';

interface Props<I> {
  db: Db;
  actor: Caller;
  input: I;
  now: Date;
  /** The organisation's smallest anonymity threshold (UPWARD_ANONYMITY_FLOOR). */
  anonymityFloor: number;
}

function thresholdProblem(detail: ProblemDetail, message: ProblemDetail): ApiError {
  return new ApiError('invalidRequest', detail, [{ field: 'settings.anonymityThreshold', message }]);
}

/**
 * Aggregates shown at one threshold must never be shown again at a lower one: the difference
 * would describe a group smaller than the threshold. So the floor holds for every programme, and
 * once a programme has opened its threshold can only go up.
 */
function checkThreshold(threshold: number, floor: number, previous?: { threshold: number; status: string }) {
  if (threshold < floor) throw thresholdProblem({ key: 'invalidRequest.thresholdBelowFloor', values: { floor } }, { key: 'field.thresholdBelowFloor', values: { floor } });
  if (previous && previous.status !== 'draft' && threshold < previous.threshold) {
    throw thresholdProblem(
      { key: 'invalidRequest.thresholdLowered', values: { threshold: previous.threshold } },
      { key: 'field.thresholdLowered', values: { threshold: previous.threshold } },
    );
  }
}

function checkRelationshipFits(settings: { relationshipMonths: number; durationMonths: number }) {
  if (settings.relationshipMonths > settings.durationMonths) {
    throw new ApiError('invalidRequest', { key: 'invalidRequest.relationshipTooLong' }, [
      { field: 'settings.relationshipMonths', message: { key: 'schema.relationshipTooLong' } },
    ]);
  }
}

/** Creates a programme with sensible defaults for everything the admin left out. */
export async function programmeCreator({ db, actor, input, now, anonymityFloor }: Props<CreateProgrammeInput>): Promise<string> {
  const settings = programmeSettingsSchema.parse({ ...defaultProgrammeSettings, anonymityThreshold: Math.max(defaultProgrammeSettings.anonymityThreshold, anonymityFloor), ...input.settings });
  checkThreshold(settings.anonymityThreshold, anonymityFloor);
  const record: ProgrammeRecord = {
    id: randomUUID(),
    name: input.name,
    settings,
    details: {
      charterText: input.charterText,
      guides: input.guides,
      venuePolicy: input.venuePolicy,
      surveySchedule: input.surveySchedule,
      storyChannel: input.storyChannel ?? null,
      escalationContact: input.escalationContact ?? null,
      training: null,
    },
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? programmeEndDate(input.startsOn, settings.durationMonths),
    status: 'draft',
    createdBy: actor.userId,
    updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await programmeRepository(trx, actor.tenantId).insert(record);
    await recordAudit(trx, actor, 'programme.create', record.id, now);
  });
  return record.id;
}

/** Changes only what the admin named; cadence, guidelines and survey schedule may change mid-programme. */
export async function programmeUpdater({ db, actor, input, now, id, anonymityFloor }: Props<UpdateProgrammeInput> & { id: string }) {
  await db.transaction().execute(async (trx) => {
    const programmes = programmeRepository(trx, actor.tenantId);
    const row = await programmes.load(id);
    if (!row) throw notFound();
    const settings = programmeSettingsSchema.parse({ ...row.settings, ...input.settings });
    checkRelationshipFits(settings);
    checkThreshold(settings.anonymityThreshold, anonymityFloor, { threshold: row.settings.anonymityThreshold, status: row.status });
    const endsOn = input.endsOn ?? row.ends_on;
    if (endsOn <= row.starts_on) {
      throw new ApiError('invalidRequest', { key: 'invalidRequest.endBeforeStart' }, [
        { field: 'endsOn', message: { key: 'schema.afterStartDate' } },
      ]);
    }
    const status = input.status ?? row.status;
    const details: ProgrammeDetails = {
      charterText: input.charterText ?? row.details.charterText,
      guides: input.guides ?? row.details.guides,
      venuePolicy: input.venuePolicy ?? row.details.venuePolicy,
      surveySchedule: input.surveySchedule ?? row.details.surveySchedule,
      storyChannel: input.storyChannel === undefined ? row.details.storyChannel : input.storyChannel,
      escalationContact: input.escalationContact === undefined ? row.details.escalationContact : input.escalationContact,
      training: row.details.training,
    };
    await programmes.update({
      id,
      name: input.name ?? row.name,
      settings,
      details,
      startsOn: row.starts_on,
      endsOn,
      status,
      createdBy: row.created_by,
      updatedAt: now,
    });
    await recordAudit(trx, actor, 'programme.update', id, now, auditedChanges(row, { settings, details, endsOn, status, name: input.name ?? row.name }));
    if (details.charterText !== row.details.charterText || settings.cadenceDays !== row.settings.cadenceDays || settings.sessionMinutes !== row.settings.sessionMinutes || endsOn !== row.ends_on) {
      await refillUnsignedCharters(trx, actor.tenantId, id, details.charterText, { settings, starts_on: row.starts_on, ends_on: endsOn });
    }
    const changed = adjustedFields(row, settings, details, endsOn);
    if ((row.status === 'open' || row.status === 'running') && changed.length > 0) {
      await recordDomainEvent(trx, { tenantId: actor.tenantId, kind: 'programme.adjusted', subjectId: id, payload: { programmeId: id, changed }, at: now });
    }
  });
}

/** What participants live by: a change to any of these mid-programme is news the bot passes on. */
const participantFacingSettings = ['cadenceDays', 'sessionMinutes', 'relationshipMonths', 'durationMonths', 'guidelines'] as const;
const participantFacingDetails = ['surveySchedule', 'guides', 'charterText', 'venuePolicy'] as const;

/** JSON with object keys sorted: jsonb does not keep the order they were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Every field the update changed, with its old and new value, for the audit log. */
function auditedChanges(row: Programme, next: { settings: ProgrammeSettings; details: ProgrammeDetails; endsOn: string; status: string; name: string }) {
  const changes: AuditChanges = {};
  const note = (field: string, from: unknown, to: unknown) => {
    if (canonical(from) !== canonical(to)) changes[field] = { from: from ?? null, to: to ?? null };
  };
  for (const key of Object.keys(next.settings) as (keyof ProgrammeSettings)[]) note(`settings.${key}`, row.settings[key], next.settings[key]);
  for (const key of Object.keys(next.details) as (keyof ProgrammeDetails)[]) note(key, row.details[key], next.details[key]);
  note('name', row.name, next.name);
  note('status', row.status, next.status);
  note('endsOn', row.ends_on, next.endsOn);
  return changes;
}

/** The names (never the values) of the participant-facing fields an update changed. */
function adjustedFields(row: Programme, settings: ProgrammeSettings, details: ProgrammeDetails, endsOn: string): string[] {
  const differs = (a: unknown, b: unknown) => canonical(a) !== canonical(b);
  return [
    ...participantFacingSettings.filter((k) => differs(row.settings[k], settings[k])).map((k) => `settings.${k}`),
    ...participantFacingDetails.filter((k) => differs(row.details[k], details[k])),
    ...(endsOn !== row.ends_on ? ['endsOn'] : []),
  ];
}
