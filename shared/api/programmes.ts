import type { TrainingModule } from '../training/curriculum';
import type { z } from 'zod';
import type { ProgrammeSettings } from '../programmeSettings';
import type { EscalationContact, guidesSchema, programmeStatusSchema, surveyScheduleSchema, venuePolicySchema } from '../schemas/programme';
import type { StoryChannel } from '../schemas/story';
import type { ParticipantView } from './participants';

export type ProgrammeStatus = z.infer<typeof programmeStatusSchema>;

/** The fields of a programme that leave the server (admins). */
export interface ProgrammeView {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: ProgrammeStatus;
  settings: ProgrammeSettings;
  charterText: string;
  guides: z.infer<typeof guidesSchema>;
  venuePolicy: z.infer<typeof venuePolicySchema>;
  surveySchedule: z.infer<typeof surveyScheduleSchema>;
  storyChannel: StoryChannel | null;
  escalationContact: EscalationContact | null;
  /** The programme's own training curriculum; null while it follows the shipped one. */
  training: TrainingModule[] | null;
  updatedAt: string;
}

/** GET /api/programmes */
export interface ProgrammeList {
  programmes: ProgrammeView[];
}

/** A programme a person can join, and their enrolment in it if they have one. */
export interface EnrolmentProgramme {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: ProgrammeStatus;
  enrolment: ParticipantView | null;
}

/** GET /api/enrolment/programmes */
export interface EnrolmentProgrammeList {
  programmes: EnrolmentProgramme[];
}
