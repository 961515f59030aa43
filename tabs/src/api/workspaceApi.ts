import type { z } from 'zod';
import type { ApiClient } from './client';
import { problemFromIssues } from './problem';
import type { PairList, PairView } from '../../../shared/api/pairs';
import type { EnrolmentProgrammeList } from '../../../shared/api/programmes';
import type { MemberStory, MemberStoryAnswer } from '../../../shared/api/stories';
import type { OrganisedMeetingView, ShadowingView } from '../../../shared/api/shadowing';
import type { ConcernList, Workspace } from '../../../shared/api/workspace';

/** Validates with the same zod schema the server uses, so a person sees the mistake before a round trip. */
export function checked<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw problemFromIssues(result.error.issues);
  return result.data;
}

// The server's schemas (and zod with them) load with the person's first write, not with the first view.
const workspaceSchemas = () => import('../../../shared/schemas/workspace');
const storySchemas = () => import('../../../shared/schemas/story');
const shadowingSchemas = () => import('../../../shared/schemas/shadowing');

const pair = (id: string) => `/pairs/${encodeURIComponent(id)}`;

/** Every workspace call the tab makes, named by what it does; the paths live here only. */
export function workspaceApi(api: ApiClient) {
  return {
    pairs: () => api.get<PairList>('/pairs'),
    workspace: (pairId: string) => api.get<Workspace>(`${pair(pairId)}/workspace`),
    pairAction: (pairId: string, action: 'accept' | 'decline' | 'pause' | 'resume' | 'request-repair') => api.send<PairView>('POST', `${pair(pairId)}/${action}`),
    completeTraining: (pairId: string, moduleId: string) => api.send<Workspace>('POST', `${pair(pairId)}/training/${encodeURIComponent(moduleId)}/done`),
    signCharter: (pairId: string) => api.send('POST', `${pair(pairId)}/charter/sign`),
    addAgendaItem: async (pairId: string, text: string) => api.send('POST', `${pair(pairId)}/agenda`, checked((await workspaceSchemas()).agendaItemSchema, { text })),
    suggestAgendaItem: async (pairId: string, text: string) => api.send('POST', `${pair(pairId)}/agenda/suggestions`, checked((await workspaceSchemas()).agendaItemSchema, { text })),
    answerSuggestion: async (pairId: string, itemId: string, answer: 'accept' | 'decline') =>
      api.send('POST', `${pair(pairId)}/agenda/${encodeURIComponent(itemId)}/answer`, checked((await workspaceSchemas()).suggestionAnswerSchema, { answer })),
    reorderAgenda: async (pairId: string, itemIds: string[]) => api.send('PUT', `${pair(pairId)}/agenda/order`, checked((await workspaceSchemas()).agendaOrderSchema, { itemIds })),
    removeAgendaItem: (pairId: string, itemId: string) => api.send('DELETE', `${pair(pairId)}/agenda/${encodeURIComponent(itemId)}`),
    writeReflection: async (pairId: string, text: string) => api.send('POST', `${pair(pairId)}/reflections`, checked((await workspaceSchemas()).reflectionSchema, { text })),
    shareReflection: async (pairId: string, reflectionId: string, shared: boolean) =>
      api.send('PATCH', `${pair(pairId)}/reflections/${encodeURIComponent(reflectionId)}`, checked((await workspaceSchemas()).reflectionEditSchema, { sharedWithPartner: shared })),
    deleteReflection: (pairId: string, reflectionId: string) => api.send('DELETE', `${pair(pairId)}/reflections/${encodeURIComponent(reflectionId)}`),
    editReflection: async (pairId: string, reflectionId: string, text: string) =>
      api.send('PATCH', `${pair(pairId)}/reflections/${encodeURIComponent(reflectionId)}`, checked((await workspaceSchemas()).reflectionEditSchema, { text })),
    proposeTakeaway: async (pairId: string, sessionId: string, text: string) => api.send('POST', `${pair(pairId)}/takeaways`, checked((await workspaceSchemas()).takeawaySchema, { sessionId, text })),
    recordCommitment: async (pairId: string, input: { text: string; dueOn: string | null; sessionId: string | null }) =>
      api.send('POST', `${pair(pairId)}/commitments`, checked((await workspaceSchemas()).commitmentSchema, input)),
    setCommitmentStatus: async (pairId: string, commitmentId: string, status: 'open' | 'kept' | 'dropped') =>
      api.send('PATCH', `${pair(pairId)}/commitments/${encodeURIComponent(commitmentId)}`, checked((await workspaceSchemas()).commitmentEditSchema, { status })),
    partnerPhoto: (pairId: string) => api.blob(`${pair(pairId)}/partner/photo`, 'image/*'),
    confirmTakeaway: (pairId: string, takeawayId: string) => api.send('POST', `${pair(pairId)}/takeaways/${encodeURIComponent(takeawayId)}/confirm`),
    thank: async (pairId: string, text: string) => api.send('POST', `${pair(pairId)}/praise`, checked((await workspaceSchemas()).praiseSchema, { text })),
    decidePraiseSharing: async (pairId: string, praiseId: string, shareWithManager: boolean) =>
      api.send('PATCH', `${pair(pairId)}/praise/${encodeURIComponent(praiseId)}`, checked((await workspaceSchemas()).praiseSharingSchema, { shareWithManager })),
    raiseConcern: async (pairId: string, text: string) => api.send('POST', '/concerns', checked((await workspaceSchemas()).concernSchema, { pairId, text })),
    myConcerns: () => api.get<ConcernList>('/concerns/mine').then((r) => r.concerns),
    story: (pairId: string) => api.get<MemberStoryAnswer<MemberStory | null>>(`${pair(pairId)}/story`).then((r) => r.story),
    writeStory: async (pairId: string, text: string, version: number | undefined) => api.send<MemberStoryAnswer>('PUT', `${pair(pairId)}/story`, checked((await storySchemas()).storyDraftSchema, { text, version })).then((r) => r.story),
    consentToStory: async (pairId: string, version: number, consent: boolean) => api.send<MemberStoryAnswer>('POST', `${pair(pairId)}/story/consent`, checked((await storySchemas()).storyConsentSchema, { version, consent })).then((r) => r.story),
    shadowing: (pairId: string) => api.get<ShadowingView>(`${pair(pairId)}/shadowing`),
    myMeetings: (pairId: string) => api.get<{ meetings: OrganisedMeetingView[] }>(`${pair(pairId)}/shadowing/meetings`).then((r) => r.meetings),
    offerMeeting: async (pairId: string, eventId: string, note: string | null) =>
      api.send<ShadowingView>('POST', `${pair(pairId)}/shadowing/offers`, checked((await shadowingSchemas()).shadowingOfferSchema, { eventId, note })),
    answerShadowing: (pairId: string, offerId: string, answer: 'accept' | 'decline') => api.send<ShadowingView>('POST', `${pair(pairId)}/shadowing/offers/${encodeURIComponent(offerId)}/${answer}`),
    recordObservations: async (pairId: string, offerId: string, input: { saw: string; effect: string; tryNext: string }) =>
      api.send<ShadowingView>('PUT', `${pair(pairId)}/shadowing/offers/${encodeURIComponent(offerId)}/observations`, checked((await shadowingSchemas()).observationsSchema, input)),
    shareObservations: (pairId: string, offerId: string) => api.send<ShadowingView>('POST', `${pair(pairId)}/shadowing/offers/${encodeURIComponent(offerId)}/observations/share`),
    enrolmentProgrammes: () => api.get<EnrolmentProgrammeList>('/enrolment/programmes'),
    enrol: (programmeId: string, role: 'mentor' | 'mentee') => api.send('POST', `/programmes/${encodeURIComponent(programmeId)}/enrolment`, { role }),
  };
}

export type WorkspaceApi = ReturnType<typeof workspaceApi>;
