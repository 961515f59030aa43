import type { z } from 'zod';
import type { AuditLog } from '../../../shared/api/audit';
import type { PairBoard } from '../../../shared/api/pairBoard';
import { adminPairActionBody, type AdminEndReason, type AdminPairAction, type PairBoardQuery } from '../../../shared/schemas/pairBoard';
import type { MatchConstraintList, MatchConstraintView, MatchPreview, MatchRunView, NewMatchRun } from '../../../shared/api/matching';
import type { DirectoryPeople, ImportReport, ParticipantList, ParticipantView } from '../../../shared/api/participants';
import type { ProgrammeList, ProgrammeView } from '../../../shared/api/programmes';
import type { ShadowingCounts } from '../../../shared/api/shadowing';
import type { TrainingCounts } from '../../../shared/api/workspace';
import { curriculumInputSchema } from '../../../shared/schemas/training';
import type { TrainingModule } from '../../../shared/training/curriculum';
import type { PublishedStory, PublishedStoryList } from '../../../shared/api/stories';
import type { AdminConcernList, AdminConcernView } from '../../../shared/api/workspace';
import type { Concern } from '../../../shared/glossary';
import type { StoryChannel } from '../../../shared/schemas/story';
import { inviteSchema } from '../../../shared/schemas/participant';
import { applyPreviewSchema } from '../../../shared/schemas/matching';
import { createProgrammeSchema, updateProgrammeSchema, type UpdateProgrammeInput } from '../../../shared/schemas/programme';
import type { ProgrammeInsight } from '../../../shared/insight/programmeTables';
import type { ApiClient } from '../api/client';
import { type ConcernChange, concernChangeSchema, concernEntrySchema } from '../../../shared/schemas/workspace';
import { checked } from '../api/workspaceApi';

export type ConcernStatus = Concern['status'];

export interface InsightFilter {
  department: string | null;
  from: string | null;
  to: string | null;
}

/** Only the filters that are set, as a query string (empty when none is). */
function queryOf(filter: object): string {
  const set = Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  const text = new URLSearchParams(set).toString();
  return text ? `?${text}` : '';
}

const programme = (id: string) => `/programmes/${encodeURIComponent(id)}`;

/** The admin calls (Upward.Admin only; the server refuses everyone else). */
export function adminApi(api: ApiClient) {
  return {
    programmes: () => api.get<ProgrammeList>('/programmes').then((r) => r.programmes),
    createProgramme: (input: { name: string; startsOn: string }) => api.send<ProgrammeView>('POST', '/programmes', checked(createProgrammeSchema, input)),
    participants: (id: string) => api.get<ParticipantList>(`${programme(id)}/participants`).then((r) => r.participants),
    removeParticipant: (id: string, participantId: string) => api.send('DELETE', `${programme(id)}/participants/${encodeURIComponent(participantId)}`),
    importCsv: (id: string, csv: string, validRows: boolean) =>
      api.send<ImportReport>('POST', `${programme(id)}/participants/import${validRows ? '?mode=valid-rows' : ''}`, csv, 'text/csv'),
    pairBoard: (id: string, query: PairBoardQuery) =>
      api.get<PairBoard>(`${programme(id)}/pairs${queryOf(query)}`).then((r) => r.pairs),
    changePair: (pairId: string, action: AdminPairAction, reason?: AdminEndReason) =>
      api.send('POST', `/admin/pairs/${encodeURIComponent(pairId)}/${action}`, checked(adminPairActionBody, reason ? { reason } : {})),
    latestRun: (id: string) => api.get<MatchRunView>(`${programme(id)}/matching/runs/latest`),
    run: (id: string) => api.send<NewMatchRun>('POST', `${programme(id)}/matching/runs`),
    previewRun: (id: string) => api.send<MatchPreview>('POST', `${programme(id)}/matching/preview`),
    applyPreview: (id: string, fingerprint: string) => api.send<NewMatchRun>('POST', `${programme(id)}/matching/apply`, checked(applyPreviewSchema, { fingerprint })),
    constraints: (id: string) => api.get<MatchConstraintList>(`${programme(id)}/matching/constraints`).then((r) => r.constraints),
    constrain: (id: string, c: MatchConstraintView) => api.send('PUT', `${programme(id)}/matching/constraints`, c),
    unconstrain: (id: string, c: Omit<MatchConstraintView, 'kind'>) => api.send('DELETE', `${programme(id)}/matching/constraints`, c),
    swap: (id: string, first: MatchRunView['proposals'][number], second: MatchRunView['proposals'][number]) =>
      api.send('POST', `${programme(id)}/matching/swap`, {
        first: { mentorParticipantId: first.mentor.participantId, menteeParticipantId: first.mentee.participantId },
        second: { mentorParticipantId: second.mentor.participantId, menteeParticipantId: second.mentee.participantId },
      }),
    publish: (id: string, runId: string) => api.send('POST', `${programme(id)}/matching/runs/${encodeURIComponent(runId)}/publish`),
    programme: (id: string) => api.get<ProgrammeView>(programme(id)),
    updateProgramme: (id: string, input: UpdateProgrammeInput) => api.send<ProgrammeView>('PATCH', programme(id), checked(updateProgrammeSchema, input)),
    searchPeople: (q: string) => api.get<DirectoryPeople>(`/directory/people?${new URLSearchParams({ q }).toString()}`).then((r) => r.people),
    invite: (id: string, input: z.input<typeof inviteSchema>) => api.send<ParticipantView>('POST', `${programme(id)}/participants`, checked(inviteSchema, input)),
    setStoryChannel: (id: string, storyChannel: StoryChannel | null) => api.send<ProgrammeView>('PATCH', programme(id), checked(updateProgrammeSchema, { storyChannel })),
    insight: (id: string, filter: InsightFilter) => api.get<ProgrammeInsight>(`${programme(id)}/insight${queryOf(filter)}`),
    shadowingCounts: (id: string) => api.get<ShadowingCounts>(`${programme(id)}/insight/shadowing`),
    trainingCounts: (id: string) => api.get<TrainingCounts>(`${programme(id)}/insight/training`),
    setCurriculum: (id: string, modules: TrainingModule[]) => api.send<ProgrammeView>('PUT', `${programme(id)}/training`, checked(curriculumInputSchema, { modules })),
    resetCurriculum: (id: string) => api.send<ProgrammeView>('DELETE', `${programme(id)}/training`),
    insightCsv: (id: string, filter: InsightFilter) => api.download(`${programme(id)}/insight/export.csv${queryOf(filter)}`),
    concerns: (status: ConcernStatus | null) => api.get<AdminConcernList>(`/admin/concerns${status ? `?status=${status}` : ''}`).then((r) => r.concerns),
    changeConcern: (concernId: string, change: ConcernChange) => api.send<AdminConcernView>('PATCH', `/admin/concerns/${encodeURIComponent(concernId)}`, checked(concernChangeSchema, change)),
    writeOnConcern: (concernId: string, kind: 'replies' | 'notes', text: string) =>
      api.send<AdminConcernView>('POST', `/admin/concerns/${encodeURIComponent(concernId)}/${kind}`, checked(concernEntrySchema, { text })),
    auditLog: (from: string, to: string) => api.get<AuditLog>(`/admin/audit-log?${new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString()}`).then((r) => r.entries),
    auditCsv: (from: string, to: string) => api.download(`/admin/audit-log?${new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}), format: 'csv' }).toString()}`),
    stories: (id: string) => api.get<PublishedStoryList>(`${programme(id)}/stories`).then((r) => r.stories),
    postStory: (storyId: string) => api.send<PublishedStory>('POST', `/admin/stories/${encodeURIComponent(storyId)}/post`),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
