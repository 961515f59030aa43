import type { z } from 'zod';
import {
  agendaItemSchema,
  agendaOrderSchema,
  commitmentEditSchema,
  commitmentSchema,
  concernSchema,
  praiseSchema,
  praiseSharingSchema,
  reflectionEditSchema,
  reflectionSchema,
  suggestionAnswerSchema,
  takeawaySchema,
} from '../../../shared/schemas/workspace';
import { storyConsentSchema, storyDraftSchema } from '../../../shared/schemas/story';
import type { ApiClient } from './client';
import { problemFromIssues } from './problem';
import type { PairList, PairView } from '../../../shared/api/pairs';
import type { EnrolmentProgrammeList } from '../../../shared/api/programmes';
import type { MemberStory, MemberStoryAnswer } from '../../../shared/api/stories';
import type { Workspace } from '../../../shared/api/workspace';

/** Validates with the same zod schema the server uses, so a person sees the mistake before a round trip. */
export function checked<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw problemFromIssues(result.error.issues);
  return result.data;
}

const pair = (id: string) => `/pairs/${encodeURIComponent(id)}`;

/** Every workspace call the tab makes, named by what it does; the paths live here only. */
export function workspaceApi(api: ApiClient) {
  return {
    pairs: () => api.get<PairList>('/pairs'),
    workspace: (pairId: string) => api.get<Workspace>(`${pair(pairId)}/workspace`),
    pairAction: (pairId: string, action: 'accept' | 'decline' | 'pause' | 'resume' | 'request-repair') => api.send<PairView>('POST', `${pair(pairId)}/${action}`),
    completeTraining: (pairId: string, moduleId: string) => api.send<Workspace>('POST', `${pair(pairId)}/training/${encodeURIComponent(moduleId)}/done`),
    signCharter: (pairId: string) => api.send('POST', `${pair(pairId)}/charter/sign`),
    addAgendaItem: (pairId: string, text: string) => api.send('POST', `${pair(pairId)}/agenda`, checked(agendaItemSchema, { text })),
    suggestAgendaItem: (pairId: string, text: string) => api.send('POST', `${pair(pairId)}/agenda/suggestions`, checked(agendaItemSchema, { text })),
    answerSuggestion: (pairId: string, itemId: string, answer: 'accept' | 'decline') =>
      api.send('POST', `${pair(pairId)}/agenda/${encodeURIComponent(itemId)}/answer`, checked(suggestionAnswerSchema, { answer })),
    reorderAgenda: (pairId: string, itemIds: string[]) => api.send('PUT', `${pair(pairId)}/agenda/order`, checked(agendaOrderSchema, { itemIds })),
    removeAgendaItem: (pairId: string, itemId: string) => api.send('DELETE', `${pair(pairId)}/agenda/${encodeURIComponent(itemId)}`),
    writeReflection: (pairId: string, text: string) => api.send('POST', `${pair(pairId)}/reflections`, checked(reflectionSchema, { text })),
    shareReflection: (pairId: string, reflectionId: string, shared: boolean) =>
      api.send('PATCH', `${pair(pairId)}/reflections/${encodeURIComponent(reflectionId)}`, checked(reflectionEditSchema, { sharedWithPartner: shared })),
    editReflection: (pairId: string, reflectionId: string, text: string) =>
      api.send('PATCH', `${pair(pairId)}/reflections/${encodeURIComponent(reflectionId)}`, checked(reflectionEditSchema, { text })),
    proposeTakeaway: (pairId: string, sessionId: string, text: string) => api.send('POST', `${pair(pairId)}/takeaways`, checked(takeawaySchema, { sessionId, text })),
    recordCommitment: (pairId: string, input: { text: string; dueOn: string | null; sessionId: string | null }) =>
      api.send('POST', `${pair(pairId)}/commitments`, checked(commitmentSchema, input)),
    setCommitmentStatus: (pairId: string, commitmentId: string, status: 'open' | 'kept' | 'dropped') =>
      api.send('PATCH', `${pair(pairId)}/commitments/${encodeURIComponent(commitmentId)}`, checked(commitmentEditSchema, { status })),
    partnerPhoto: (pairId: string) => api.blob(`${pair(pairId)}/partner/photo`, 'image/*'),
    confirmTakeaway: (pairId: string, takeawayId: string) => api.send('POST', `${pair(pairId)}/takeaways/${encodeURIComponent(takeawayId)}/confirm`),
    thank: (pairId: string, text: string) => api.send('POST', `${pair(pairId)}/praise`, checked(praiseSchema, { text })),
    decidePraiseSharing: (pairId: string, praiseId: string, shareWithManager: boolean) =>
      api.send('PATCH', `${pair(pairId)}/praise/${encodeURIComponent(praiseId)}`, checked(praiseSharingSchema, { shareWithManager })),
    raiseConcern: (pairId: string, text: string) => api.send('POST', '/concerns', checked(concernSchema, { pairId, text })),
    story: (pairId: string) => api.get<MemberStoryAnswer<MemberStory | null>>(`${pair(pairId)}/story`).then((r) => r.story),
    writeStory: (pairId: string, text: string, version: number | undefined) => api.send<MemberStoryAnswer>('PUT', `${pair(pairId)}/story`, checked(storyDraftSchema, { text, version })).then((r) => r.story),
    consentToStory: (pairId: string, version: number, consent: boolean) => api.send<MemberStoryAnswer>('POST', `${pair(pairId)}/story/consent`, checked(storyConsentSchema, { version, consent })).then((r) => r.story),
    enrolmentProgrammes: () => api.get<EnrolmentProgrammeList>('/enrolment/programmes'),
    enrol: (programmeId: string, role: 'mentor' | 'mentee') => api.send('POST', `/programmes/${encodeURIComponent(programmeId)}/enrolment`, { role }),
  };
}

export type WorkspaceApi = ReturnType<typeof workspaceApi>;
