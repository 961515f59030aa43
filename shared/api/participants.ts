import type { CsvRowReason } from '../participantCsv';
import type { Participant, Role } from '../glossary';

/** A participant as an admin or the person themself sees them; no reporting line ever leaves. */
export interface ParticipantView {
  id: string;
  programmeId: string;
  userId: string;
  role: Role;
  status: Participant['status'];
  capacity: number;
  learningGoals: string[];
  offers: string[];
  meetingPreference: string;
  languages: string[];
  displayName: string | null;
  department: string | null;
  jobTitle: string | null;
}

/** GET /api/programmes/:id/participants */
export interface ParticipantList {
  participants: ParticipantView[];
}

/** POST /api/programmes/:id/participants/import */
export interface ImportReport {
  imported: number;
  /** Each refused row's reason as a code with values (`csv.*`, `schema.*`), and worded in the reader's language (Accept-Language). */
  rejected: { line: number; reason: CsvRowReason; message: string }[];
}

/** A person found in the directory by an admin: name and work facts only. */
export interface DirectoryPersonView {
  id: string;
  displayName: string;
  mail: string | null;
  department: string | null;
  jobTitle: string | null;
}

/** GET /api/directory/people */
export interface DirectoryPeople {
  people: DirectoryPersonView[];
}
