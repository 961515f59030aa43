import type { z } from 'zod';
import type { ProgrammeSettings } from '../../../shared/programmeSettings';
import { inviteSchema } from '../../../shared/schemas/participant';
import { createProgrammeSchema, type surveyScheduleSchema, updateProgrammeSchema, type UpdateProgrammeInput } from '../../../shared/schemas/programme';
import type { ProgrammeInsight } from '../../../shared/insight/programmeTables';
import type { AuditEntry } from '../../../shared/schemas/insight';
import type { ApiClient } from '../api/client';
import { concernStatusChangeSchema } from '../../../shared/schemas/workspace';
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

export interface StoryChannel {
  teamId: string;
  channelId: string;
  displayName: string;
}

export interface ProgrammeDetail extends ProgrammeView {
  storyChannel: StoryChannel | null;
  settings: ProgrammeSettings;
  updatedAt: string;
  surveySchedule: z.infer<typeof surveyScheduleSchema>;
}

export interface DirectoryPersonView {
  id: string;
  displayName: string;
  mail: string | null;
  department: string | null;
  jobTitle: string | null;
}

export interface InsightFilter {
  department: string | null;
  from: string | null;
  to: string | null;
}

export type ConcernStatus = 'open' | 'in-progress' | 'closed';

export interface ConcernView {
  id: string;
  kind: 'concern' | 're-pair';
  status: ConcernStatus;
  programmeId: string;
  pairId: string | null;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface PublishedStory {
  id: string;
  text: string;
  publishedAt: string | null;
  postedToTeamsAt: string | null;
}

/** Only the filters that are set, as the insight routes expect them. */
function insightQuery(filter: InsightFilter): string {
  const query = new URLSearchParams();
  if (filter.department) query.set('department', filter.department);
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  const text = query.toString();
  return text ? `?${text}` : '';
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
    programme: (id: string) => api.get<ProgrammeDetail>(programme(id)),
    updateProgramme: (id: string, input: UpdateProgrammeInput) => api.send<ProgrammeDetail>('PATCH', programme(id), checked(updateProgrammeSchema, input)),
    searchPeople: (q: string) => api.get<{ people: DirectoryPersonView[] }>(`/directory/people?${new URLSearchParams({ q }).toString()}`).then((r) => r.people),
    invite: (id: string, input: z.input<typeof inviteSchema>) => api.send<ParticipantView>('POST', `${programme(id)}/participants`, checked(inviteSchema, input)),
    setStoryChannel: (id: string, storyChannel: StoryChannel | null) => api.send<ProgrammeDetail>('PATCH', programme(id), checked(updateProgrammeSchema, { storyChannel })),
    insight: (id: string, filter: InsightFilter) => api.get<ProgrammeInsight>(`${programme(id)}/insight${insightQuery(filter)}`),
    insightCsv: (id: string, filter: InsightFilter) => api.download(`${programme(id)}/insight/export.csv${insightQuery(filter)}`),
    concerns: (status: ConcernStatus | null) => api.get<{ concerns: ConcernView[] }>(`/admin/concerns${status ? `?status=${status}` : ''}`).then((r) => r.concerns),
    changeConcern: (concernId: string, status: ConcernStatus) => api.send<ConcernView>('PATCH', `/admin/concerns/${encodeURIComponent(concernId)}`, checked(concernStatusChangeSchema, { status })),
    auditLog: (from: string, to: string) => api.get<{ entries: AuditEntry[] }>(`/admin/audit-log?${new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString()}`).then((r) => r.entries),
    auditCsv: (from: string, to: string) => api.download(`/admin/audit-log?${new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}), format: 'csv' }).toString()}`),
    stories: (id: string) => api.get<{ stories: PublishedStory[] }>(`${programme(id)}/stories`).then((r) => r.stories),
    postStory: (storyId: string) => api.send<PublishedStory>('POST', `/admin/stories/${encodeURIComponent(storyId)}/post`),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
