import { randomUUID } from 'node:crypto';
import { defaultProgrammeSettings, programmeSettingsSchema } from '../../shared/programmeSettings';
import { programmeEndDate } from '../../shared/programmeDates';
import type { CreateProgrammeInput, UpdateProgrammeInput } from '../../shared/schemas/programme';
import { recordAudit } from '../audit/auditLog';
import { recordDomainEvent } from '../events/domainEvents';
import type { Caller } from '../auth/caller';
import { ApiError, notFound } from '../http/errors';
import type { Db } from '../store/database';
import { programmeRepository, type ProgrammeRecord, type ProgrammeRow } from './programmeRepository';

interface Props<I> {
  db: Db;
  actor: Caller;
  input: I;
  now: Date;
}

function checkRelationshipFits(settings: { relationshipMonths: number; durationMonths: number }) {
  if (settings.relationshipMonths > settings.durationMonths) {
    throw new ApiError('invalidRequest', 'The relationship cannot last longer than the programme.', [
      { field: 'settings.relationshipMonths', message: 'the relationship cannot last longer than the programme' },
    ]);
  }
}

/** Creates a programme with sensible defaults for everything the admin left out. */
export async function programmeCreator({ db, actor, input, now }: Props<CreateProgrammeInput>): Promise<string> {
  const settings = programmeSettingsSchema.parse({ ...defaultProgrammeSettings, ...input.settings });
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
export async function programmeUpdater({ db, actor, input, now, id }: Props<UpdateProgrammeInput> & { id: string }) {
  await db.transaction().execute(async (trx) => {
    const programmes = programmeRepository(trx, actor.tenantId);
    const row = await programmes.find(id);
    if (!row) throw notFound();
    const settings = programmeSettingsSchema.parse({ ...row.settings, ...input.settings });
    checkRelationshipFits(settings);
    const endsOn = input.endsOn ?? row.ends_on;
    if (endsOn <= row.starts_on) {
      throw new ApiError('invalidRequest', 'The end date must be after the start date.', [
        { field: 'endsOn', message: 'must be after the start date' },
      ]);
    }
    const details = { ...row.details };
    if (input.charterText !== undefined) details.charterText = input.charterText;
    if (input.guides !== undefined) details.guides = input.guides;
    if (input.venuePolicy !== undefined) details.venuePolicy = input.venuePolicy;
    if (input.surveySchedule !== undefined) details.surveySchedule = input.surveySchedule;
    if (input.storyChannel !== undefined) details.storyChannel = input.storyChannel;
    await programmes.update({
      id,
      name: input.name ?? row.name,
      settings,
      details,
      startsOn: row.starts_on,
      endsOn,
      status: input.status ?? row.status,
      createdBy: row.created_by,
      updatedAt: now,
    });
    await recordAudit(trx, actor, 'programme.update', id, now);
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

/** The names (never the values) of the participant-facing fields an update changed. */
function adjustedFields(row: ProgrammeRow, settings: Record<string, unknown>, details: Record<string, unknown>, endsOn: string): string[] {
  const differs = (a: unknown, b: unknown) => canonical(a) !== canonical(b);
  return [
    ...participantFacingSettings.filter((k) => differs(row.settings[k], settings[k])).map((k) => `settings.${k}`),
    ...participantFacingDetails.filter((k) => differs(row.details[k], details[k])),
    ...(endsOn !== row.ends_on ? ['endsOn'] : []),
  ];
}
