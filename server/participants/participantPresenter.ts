import type { ParticipantView } from '../../shared/api/participants';
import type { ParticipantRow } from './participantRepository';

export interface DirectorySummary {
  displayName: string;
  department: string | null;
  jobTitle: string | null;
}

/** A participant as an admin or the person themself sees them; no reporting line ever leaves. */
export function presentParticipant(row: ParticipantRow, person: DirectorySummary | undefined): ParticipantView {
  return {
    id: row.id,
    programmeId: row.programme_id,
    userId: row.user_id,
    role: row.role,
    status: row.status,
    capacity: row.capacity,
    learningGoals: row.profile.learningGoals,
    offers: row.profile.offers,
    meetingPreference: row.profile.meetingPreference,
    languages: row.profile.languages,
    displayName: person?.displayName ?? null,
    department: person?.department ?? null,
    jobTitle: person?.jobTitle ?? null,
  };
}
