import { people, type World } from './support/world';

/**
 * THE table of who may call each API route. The authorisation matrix, the tenant-isolation walk
 * and the fuzzer all read it, and fail when the app has a route that is not listed here: add
 * your route (one entry) when you add it to the app.
 *
 * Callers: `anonymous` (no token), `otherTenant` (the allowed person's own id, with a token of
 * another tenant), `stranger` (a participant of the same programme, outside the pair), `self`
 * (the person the route is for: by default the mentee of the pair, see `self`), `partner` (the
 * other member of the pair), `admin` (an Upward.Admin of the tenant, not in the pair).
 *
 * Outcomes: `ok` 2xx; `allowed` reaches the command (any answer but a refusal, never 5xx; for
 * routes whose success depends on Graph or on state); `refused` a member told why not (403
 * notYourRole or 409); `hidden` exactly the answer for ids that do not exist; `forbidden` 403
 * forbidden (admin-only routes: their existence is no secret); `unauthenticated` 401.
 */
export type CallerKind = 'anonymous' | 'otherTenant' | 'stranger' | 'partner' | 'self' | 'admin';
export type Outcome = 'ok' | 'allowed' | 'refused' | 'hidden' | 'forbidden' | 'unauthenticated';

export interface RouteExpectation {
  /** The concrete path (with query) for a world; ids come from the world so "missing" is the same path with unknown ids. */
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** Content type of a non-JSON body. */
  contentType?: string;
  /** Who `self` is for this route; `partner` is the other member of the pair. */
  self?: 'mentee' | 'mentor';
  callers: Record<CallerKind, Outcome>;
  /** An admin write: a successful call leaves one more entry in the audit log. */
  audited?: boolean;
  /** Not under /api's token checks (probes, the bot's own authentication). */
  outsideApi?: boolean;
}

const member = (self: Outcome, partner: Outcome = self): Record<CallerKind, Outcome> => ({
  anonymous: 'unauthenticated', otherTenant: 'hidden', stranger: 'hidden', admin: 'hidden', self, partner,
});
const adminOnly = (admin: Outcome = 'ok', otherTenant: Outcome = 'hidden'): Record<CallerKind, Outcome> => ({
  anonymous: 'unauthenticated', otherTenant, stranger: 'forbidden', partner: 'forbidden', self: 'forbidden', admin,
});
const anyoneSignedIn: Record<CallerKind, Outcome> = { anonymous: 'unauthenticated', otherTenant: 'ok', stranger: 'ok', partner: 'ok', self: 'ok', admin: 'ok' };
const everyone: Record<CallerKind, Outcome> = { anonymous: 'ok', otherTenant: 'ok', stranger: 'ok', partner: 'ok', self: 'ok', admin: 'ok' };

const inAWeek = () => {
  const start = new Date(Date.now() + 7 * 86_400_000);
  start.setUTCHours(10, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
};

export const routeExpectations: Record<string, RouteExpectation> = {
  'GET /healthz': { path: () => '/healthz', callers: everyone, outsideApi: true },
  'GET /readyz': { path: () => '/readyz', callers: everyone, outsideApi: true },
  'GET /auth/config.json': { path: () => '/auth/config.json', callers: everyone, outsideApi: true },
  // Bot Framework tokens only: an Entra user token is no way in.
  'POST /api/messages': {
    path: () => '/api/messages',
    body: () => ({ type: 'message', text: 'hi' }),
    callers: { anonymous: 'unauthenticated', otherTenant: 'unauthenticated', stranger: 'unauthenticated', partner: 'unauthenticated', self: 'unauthenticated', admin: 'unauthenticated' },
    outsideApi: true,
  },

  'GET /api/me': { path: () => '/api/me', callers: anyoneSignedIn },
  'GET /api/me/data': { path: () => '/api/me/data', callers: anyoneSignedIn },
  'DELETE /api/me/data': { path: () => '/api/me/data', callers: anyoneSignedIn },
  'GET /api/pairs': { path: () => '/api/pairs', callers: anyoneSignedIn },
  'GET /api/enrolment/programmes': { path: () => '/api/enrolment/programmes', callers: anyoneSignedIn },
  'GET /api/concerns/mine': { path: () => '/api/concerns/mine', callers: anyoneSignedIn },
  'GET /api/surveys/mine': { path: () => '/api/surveys/mine', callers: anyoneSignedIn },
  'POST /api/concerns': { path: () => '/api/concerns', body: (w) => ({ pairId: w.pairId, text: 'We keep cancelling.' }), callers: member('ok') },

  'POST /api/programmes/:id/enrolment': {
    path: (w) => `/api/programmes/${w.programmeId}/enrolment`,
    body: () => ({ role: 'mentor' }),
    // Members are enrolled already (409); the admin is not, and may join as a person.
    callers: { anonymous: 'unauthenticated', otherTenant: 'hidden', stranger: 'refused', partner: 'refused', self: 'refused', admin: 'ok' },
  },
  'DELETE /api/programmes/:id/participants/:participantId': {
    path: (w) => `/api/programmes/${w.programmeId}/participants/${w.menteeParticipantId}`,
    callers: { ...member('ok', 'hidden'), admin: 'ok' },
  },
  'GET /api/programmes/:id/stories': {
    path: (w) => `/api/programmes/${w.programmeId}/stories`,
    callers: { anonymous: 'unauthenticated', otherTenant: 'hidden', stranger: 'ok', partner: 'ok', self: 'ok', admin: 'ok' },
  },

  'GET /api/pairs/:id/workspace': { path: (w) => `/api/pairs/${w.pairId}/workspace`, callers: member('ok') },
  'GET /api/pairs/:id/partner/photo': { path: (w) => `/api/pairs/${w.pairId}/partner/photo`, callers: member('ok') },
  'POST /api/pairs/:id/:action': { path: (w) => `/api/pairs/${w.pairId}/pause`, callers: member('ok') },
  'POST /api/pairs/:id/charter/sign': { path: (w) => `/api/pairs/${w.pairId}/charter/sign`, callers: member('allowed') },
  'POST /api/pairs/:id/training/:moduleId/done': { path: (w) => `/api/pairs/${w.pairId}/training/both-charter/done`, callers: member('ok') },
  'GET /api/pairs/:id/shadowing': { path: (w) => `/api/pairs/${w.pairId}/shadowing`, callers: member('ok') },
  // The mentee's calendar through Graph: only the mentee lists or offers their meetings.
  'GET /api/pairs/:id/shadowing/meetings': { path: (w) => `/api/pairs/${w.pairId}/shadowing/meetings`, callers: member('allowed', 'refused') },
  'POST /api/pairs/:id/shadowing/offers': { path: (w) => `/api/pairs/${w.pairId}/shadowing/offers`, body: () => ({ eventId: 'AAMkAGnotAMeetingOfMine01' }), callers: member('allowed', 'refused') },
  // The world's offer is answered already (409): the mentor reaches the command, the mentee is refused.
  'POST /api/pairs/:id/shadowing/offers/:offerId/accept': { path: (w) => `/api/pairs/${w.pairId}/shadowing/offers/${w.shadowingOfferId}/accept`, self: 'mentor', callers: member('allowed', 'refused') },
  'POST /api/pairs/:id/shadowing/offers/:offerId/decline': { path: (w) => `/api/pairs/${w.pairId}/shadowing/offers/${w.shadowingOfferId}/decline`, self: 'mentor', callers: member('allowed', 'refused') },
  'PUT /api/pairs/:id/shadowing/offers/:offerId/observations': {
    path: (w) => `/api/pairs/${w.pairId}/shadowing/offers/${w.shadowingOfferId}/observations`,
    body: () => ({ saw: 'Decisions were made before the meeting.', effect: 'Nobody challenged them.', tryNext: 'Share the draft a day early.' }),
    self: 'mentor',
    callers: member('ok', 'refused'),
  },
  'POST /api/pairs/:id/shadowing/offers/:offerId/observations/share': { path: (w) => `/api/pairs/${w.pairId}/shadowing/offers/${w.shadowingOfferId}/observations/share`, self: 'mentor', callers: member('ok', 'refused') },
  'POST /api/pairs/:id/agenda': { path: (w) => `/api/pairs/${w.pairId}/agenda`, body: () => ({ text: 'Reverse town hall' }), callers: member('ok', 'refused') },
  'POST /api/pairs/:id/agenda/suggestions': { path: (w) => `/api/pairs/${w.pairId}/agenda/suggestions`, body: () => ({ text: 'Try a hackathon' }), self: 'mentor', callers: member('ok', 'refused') },
  'PUT /api/pairs/:id/agenda/order': { path: (w) => `/api/pairs/${w.pairId}/agenda/order`, body: (w) => ({ itemIds: [w.agendaItemId] }), callers: member('allowed', 'refused') },
  'PATCH /api/pairs/:id/agenda/:itemId': { path: (w) => `/api/pairs/${w.pairId}/agenda/${w.agendaItemId}`, body: () => ({ text: 'How juniors really use AI' }), callers: member('ok', 'refused') },
  'DELETE /api/pairs/:id/agenda/:itemId': { path: (w) => `/api/pairs/${w.pairId}/agenda/${w.agendaItemId}`, callers: member('ok', 'refused') },
  'POST /api/pairs/:id/agenda/:itemId/answer': { path: (w) => `/api/pairs/${w.pairId}/agenda/${w.suggestionId}/answer`, body: () => ({ answer: 'accept' }), callers: member('ok', 'refused') },
  'POST /api/pairs/:id/reflections': { path: (w) => `/api/pairs/${w.pairId}/reflections`, body: (w) => ({ text: 'Noted.', sessionId: w.sessionId }), callers: member('ok') },
  // A private reflection is the author's alone: to the partner it does not exist.
  'PATCH /api/pairs/:id/reflections/:itemId': { path: (w) => `/api/pairs/${w.pairId}/reflections/${w.menteeReflectionId}`, body: () => ({ sharedWithPartner: true }), callers: member('ok', 'hidden') },
  'DELETE /api/pairs/:id/reflections/:itemId': { path: (w) => `/api/pairs/${w.pairId}/reflections/${w.menteeReflectionId}`, callers: member('ok', 'hidden') },
  'POST /api/pairs/:id/takeaways': { path: (w) => `/api/pairs/${w.pairId}/takeaways`, body: (w) => ({ text: 'Less slideware', sessionId: w.sessionId }), callers: member('ok') },
  'POST /api/pairs/:id/takeaways/:itemId/confirm': { path: (w) => `/api/pairs/${w.pairId}/takeaways/${w.takeawayByMentorId}/confirm`, callers: member('ok', 'refused') },
  'POST /api/pairs/:id/commitments': { path: (w) => `/api/pairs/${w.pairId}/commitments`, body: () => ({ text: 'Open my calendar' }), callers: member('ok', 'refused') },
  'PATCH /api/pairs/:id/commitments/:itemId': { path: (w) => `/api/pairs/${w.pairId}/commitments/${w.commitmentId}`, body: () => ({ status: 'kept' }), callers: member('ok', 'refused') },
  'POST /api/pairs/:id/praise': { path: (w) => `/api/pairs/${w.pairId}/praise`, body: () => ({ text: 'Thanks again' }), callers: member('ok', 'refused') },
  'PATCH /api/pairs/:id/praise/:itemId': { path: (w) => `/api/pairs/${w.pairId}/praise/${w.praiseId}`, body: () => ({ shareWithManager: true }), self: 'mentor', callers: member('ok', 'refused') },
  'GET /api/pairs/:id/story': { path: (w) => `/api/pairs/${w.pairId}/story`, callers: member('ok') },
  'POST /api/pairs/:id/surveys/:kind': { path: (w) => `/api/pairs/${w.pairId}/surveys/mid-point`, body: () => ({ progress: 4 }), callers: member('ok') },
  'PUT /api/pairs/:id/story': { path: (w) => `/api/pairs/${w.pairId}/story`, body: () => ({ text: 'What changed, rewritten.', version: 1 }), callers: member('ok') },
  'POST /api/pairs/:id/story/consent': { path: (w) => `/api/pairs/${w.pairId}/story/consent`, body: () => ({ version: 1, consent: true }), callers: member('ok') },
  'GET /api/pairs/:id/booking/suggestions': { path: (w) => `/api/pairs/${w.pairId}/booking/suggestions?mode=online`, callers: member('allowed') },
  'GET /api/pairs/:id/sessions': { path: (w) => `/api/pairs/${w.pairId}/sessions`, callers: member('allowed') },
  'POST /api/pairs/:id/sessions': { path: (w) => `/api/pairs/${w.pairId}/sessions`, body: () => ({ ...inAWeek(), venue: { kind: 'online', ref: null } }), callers: member('allowed') },
  'PATCH /api/pairs/:id/sessions/:sessionId': { path: (w) => `/api/pairs/${w.pairId}/sessions/${w.sessionId}`, body: () => inAWeek(), callers: member('allowed') },
  'POST /api/pairs/:id/sessions/:sessionId/cancel': { path: (w) => `/api/pairs/${w.pairId}/sessions/${w.sessionId}/cancel`, callers: member('allowed') },

  'GET /api/programmes': { path: () => '/api/programmes', callers: adminOnly('ok', 'ok') },
  'POST /api/programmes': { path: () => '/api/programmes', body: () => ({ name: 'Reverse 2027', startsOn: '2027-01-04' }), callers: adminOnly('ok', 'ok'), audited: true },
  'GET /api/programmes/:id': { path: (w) => `/api/programmes/${w.programmeId}`, callers: adminOnly() },
  'PATCH /api/programmes/:id': { path: (w) => `/api/programmes/${w.programmeId}`, body: () => ({ name: 'Inclusion 2026 (renamed)' }), callers: adminOnly(), audited: true },
  'PUT /api/programmes/:id/training': {
    path: (w) => `/api/programmes/${w.programmeId}/training`,
    body: () => ({ modules: [{ id: 'both-charter', audience: 'both', phase: 'training', text: { title: 'Our charter', reading: 'Read it together.', exercise: 'Note one need.' } }] }),
    callers: adminOnly(),
    audited: true,
  },
  'DELETE /api/programmes/:id/training': { path: (w) => `/api/programmes/${w.programmeId}/training`, callers: adminOnly(), audited: true },
  'GET /api/programmes/:id/participants': { path: (w) => `/api/programmes/${w.programmeId}/participants`, callers: adminOnly() },
  'POST /api/programmes/:id/participants': {
    path: (w) => `/api/programmes/${w.programmeId}/participants`,
    body: () => ({ role: 'mentee', userId: people.invitee }),
    callers: adminOnly('allowed'),
    audited: true,
  },
  'POST /api/programmes/:id/participants/import': {
    path: (w) => `/api/programmes/${w.programmeId}/participants/import?mode=valid-rows`,
    body: () => `userId,role\n${people.invitee},mentee\n`,
    contentType: 'text/csv',
    callers: adminOnly('allowed'),
    audited: true,
  },
  'GET /api/directory/people': { path: () => '/api/directory/people?q=Pri', callers: adminOnly('ok', 'ok') },
  'POST /api/programmes/:id/matching/runs': { path: (w) => `/api/programmes/${w.programmeId}/matching/runs`, callers: adminOnly('allowed'), audited: true },
  'POST /api/programmes/:id/matching/preview': { path: (w) => `/api/programmes/${w.programmeId}/matching/preview`, callers: adminOnly('allowed') },
  // A made-up fingerprint: the admin is refused as stale (409), never half-applied.
  'POST /api/programmes/:id/matching/apply': {
    path: (w) => `/api/programmes/${w.programmeId}/matching/apply`,
    body: () => ({ fingerprint: '0'.repeat(64) }),
    callers: adminOnly('allowed'),
    audited: true,
  },
  'GET /api/programmes/:id/matching/runs/latest': { path: (w) => `/api/programmes/${w.programmeId}/matching/runs/latest`, callers: adminOnly('allowed') },
  'POST /api/programmes/:id/matching/runs/:runId/publish': { path: (w) => `/api/programmes/${w.programmeId}/matching/runs/${w.matchRunId}/publish`, callers: adminOnly('allowed'), audited: true },
  'GET /api/programmes/:id/matching/constraints': { path: (w) => `/api/programmes/${w.programmeId}/matching/constraints`, callers: adminOnly() },
  'PUT /api/programmes/:id/matching/constraints': {
    path: (w) => `/api/programmes/${w.programmeId}/matching/constraints`,
    body: () => ({ mentorUserId: people.stranger, menteeUserId: people.mentee, kind: 'block' }),
    callers: adminOnly(),
    audited: true,
  },
  'DELETE /api/programmes/:id/matching/constraints': {
    path: (w) => `/api/programmes/${w.programmeId}/matching/constraints`,
    body: () => ({ mentorUserId: people.stranger, menteeUserId: people.mentee }),
    callers: adminOnly(),
    audited: true,
  },
  'POST /api/programmes/:id/matching/swap': {
    path: (w) => `/api/programmes/${w.programmeId}/matching/swap`,
    body: (w) => ({
      first: { mentorParticipantId: w.mentorParticipantId, menteeParticipantId: w.menteeParticipantId },
      second: { mentorParticipantId: w.strangerParticipantId, menteeParticipantId: w.strangerParticipantId },
    }),
    callers: adminOnly('allowed'),
    audited: true,
  },
  'GET /api/programmes/:id/pairs': { path: (w) => `/api/programmes/${w.programmeId}/pairs?status=active&q=a`, callers: adminOnly() },
  'POST /api/admin/pairs/:id/:action': { path: (w) => `/api/admin/pairs/${w.pairId}/pause`, callers: adminOnly(), audited: true },
  'GET /api/programmes/:id/insight': { path: (w) => `/api/programmes/${w.programmeId}/insight`, callers: adminOnly() },
  'GET /api/programmes/:id/insight/export.csv': { path: (w) => `/api/programmes/${w.programmeId}/insight/export.csv`, callers: adminOnly() },
  'GET /api/programmes/:id/insight/training': { path: (w) => `/api/programmes/${w.programmeId}/insight/training`, callers: adminOnly() },
  'GET /api/programmes/:id/insight/shadowing': { path: (w) => `/api/programmes/${w.programmeId}/insight/shadowing`, callers: adminOnly() },
  'GET /api/admin/audit-log': { path: () => '/api/admin/audit-log', callers: adminOnly('ok', 'ok') },
  'GET /api/admin/concerns': { path: () => '/api/admin/concerns', callers: adminOnly('ok', 'ok') },
  'PATCH /api/admin/concerns/:id': { path: (w) => `/api/admin/concerns/${w.concernId}`, body: () => ({ status: 'in-progress' }), callers: adminOnly(), audited: true },
  'POST /api/admin/concerns/:id/replies': { path: (w) => `/api/admin/concerns/${w.concernId}/replies`, body: () => ({ text: 'We are looking into it.' }), callers: adminOnly(), audited: true },
  'POST /api/admin/concerns/:id/notes': { path: (w) => `/api/admin/concerns/${w.concernId}/notes`, body: () => ({ text: 'Spoke to HR.' }), callers: adminOnly(), audited: true },
  'POST /api/admin/stories/:id/post': { path: (w) => `/api/admin/stories/${w.publishedStoryId}/post`, callers: adminOnly('allowed'), audited: true },
};
