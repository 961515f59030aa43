import type { ParticipantView } from '../../shared/api/participants';
import type { ParticipantRow } from './participantRepository';

export interface DirectorySummary {
  displayName: string;
  department: string | null;
  jobTitle: string | null;
}

/** A participant as an admin or the person themself sees them; no reporting line ever leaves. */
export function presentParticipant(row: ParticipantRow, person: DirectorySummary | undefined): ParticipantView {
  const profile = row.profile as Record<string, unknown>;
  return {
    id: row.id,
    programmeId: row.programme_id,
    userId: row.user_id,
    role: row.role,
    status: row.status,
    capacity: row.capacity,
    learningGoals: (profile.learningGoals as string[] | undefined) ?? [],
    offers: (profile.offers as string[] | undefined) ?? [],
    meetingPreference: (profile.meetingPreference as string | undefined) ?? 'either',
    languages: (profile.languages as string[] | undefined) ?? [],
    displayName: person?.displayName ?? null,
    department: person?.department ?? null,
    jobTitle: person?.jobTitle ?? null,
  };
}
