import { createProgrammeSchema } from '../../../shared/schemas/programme';
import type { ApiClient } from '../api/client';
import { checked } from '../api/workspaceApi';

export interface ProgrammeView {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: string;
}

export interface ParticipantView {
  id: string;
  userId: string;
  role: 'mentor' | 'mentee';
  status: string;
  displayName: string | null;
  department: string | null;
  jobTitle: string | null;
}

export interface ImportReport {
  imported: number;
  rejected: { line: number; message: string }[];
}

export interface RunPerson {
  participantId: string;
  userId: string;
  displayName: string;
  department: string | null;
  jobTitle: string | null;
}

export interface MatchRun {
  id: string;
  publishedAt: string | null;
  totalScore: number;
  proposals: { mentor: RunPerson; mentee: RunPerson; score: number | null; reasons: string[]; pinned: boolean }[];
  unmatched: (RunPerson & { role: 'mentor' | 'mentee'; message: string })[];
}

export interface Constraint {
  mentorUserId: string;
  menteeUserId: string;
  kind: 'block' | 'pin';
}

const programme = (id: string) => `/programmes/${encodeURIComponent(id)}`;

/** The admin calls (Upward.Admin only; the server refuses everyone else). */
export function adminApi(api: ApiClient) {
  return {
    programmes: () => api.get<{ programmes: ProgrammeView[] }>('/programmes').then((r) => r.programmes),
    createProgramme: (input: { name: string; startsOn: string }) => api.send<ProgrammeView>('POST', '/programmes', checked(createProgrammeSchema, input)),
    participants: (id: string) => api.get<{ participants: ParticipantView[] }>(`${programme(id)}/participants`).then((r) => r.participants),
    removeParticipant: (id: string, participantId: string) => api.send('DELETE', `${programme(id)}/participants/${encodeURIComponent(participantId)}`),
    importCsv: (id: string, csv: string, validRows: boolean) =>
      api.send<ImportReport>('POST', `${programme(id)}/participants/import${validRows ? '?mode=valid-rows' : ''}`, csv, 'text/csv'),
    latestRun: (id: string) => api.get<MatchRun>(`${programme(id)}/matching/runs/latest`),
    run: (id: string) => api.send<MatchRun>('POST', `${programme(id)}/matching/runs`),
    constraints: (id: string) => api.get<{ constraints: Constraint[] }>(`${programme(id)}/matching/constraints`).then((r) => r.constraints),
    constrain: (id: string, c: Constraint) => api.send('PUT', `${programme(id)}/matching/constraints`, c),
    unconstrain: (id: string, c: Omit<Constraint, 'kind'>) => api.send('DELETE', `${programme(id)}/matching/constraints`, c),
    swap: (id: string, first: MatchRun['proposals'][number], second: MatchRun['proposals'][number]) =>
      api.send('POST', `${programme(id)}/matching/swap`, {
        first: { mentorParticipantId: first.mentor.participantId, menteeParticipantId: first.mentee.participantId },
        second: { mentorParticipantId: second.mentor.participantId, menteeParticipantId: second.mentee.participantId },
      }),
    publish: (id: string, runId: string) => api.send('POST', `${programme(id)}/matching/runs/${encodeURIComponent(runId)}/publish`),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
