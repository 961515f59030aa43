import { programmeSettingsSchema } from '../../shared/programmeSettings';
import { guidesSchema, surveyScheduleSchema, venuePolicySchema } from '../../shared/schemas/programme';
import type { ProgrammeRow } from './programmeRepository';

/** The fields of a programme that leave the server. */
export function presentProgramme(row: ProgrammeRow) {
  const details = row.details;
  return {
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    settings: programmeSettingsSchema.parse(row.settings),
    charterText: String(details.charterText ?? ''),
    guides: guidesSchema.parse(details.guides),
    venuePolicy: venuePolicySchema.parse(details.venuePolicy),
    surveySchedule: surveyScheduleSchema.parse(details.surveySchedule),
    updatedAt: row.updated_at.toISOString(),
  };
}

export type ProgrammeView = ReturnType<typeof presentProgramme>;
