import type { ProgrammeView } from '../../shared/api/programmes';
import { defaultProgrammeSettings, programmeSettingsSchema } from '../../shared/programmeSettings';
import { defaultSurveySchedule, defaultVenuePolicy, guidesSchema, surveyScheduleSchema, venuePolicySchema } from '../../shared/schemas/programme';
import { storyChannelSchema } from '../../shared/schemas/story';
import type { ProgrammeRow } from './programmeRepository';

/** The fields of a programme that leave the server. */
export function presentProgramme(row: ProgrammeRow): ProgrammeView {
  const details = row.details;
  return {
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    settings: programmeSettingsSchema.parse({ ...defaultProgrammeSettings, ...row.settings }),
    charterText: String(details.charterText ?? ''),
    // Programmes written before a setting existed read as its default.
    guides: guidesSchema.parse(details.guides ?? { mentor: '', mentee: '' }),
    venuePolicy: venuePolicySchema.parse(details.venuePolicy ?? defaultVenuePolicy),
    surveySchedule: surveyScheduleSchema.parse(details.surveySchedule ?? defaultSurveySchedule),
    storyChannel: storyChannelSchema.nullable().parse(details.storyChannel ?? null),
    updatedAt: row.updated_at.toISOString(),
  };
}
