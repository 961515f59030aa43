import { type JourneyFacts, journeyOf } from './nextStep';
import { curriculumFor, nextModuleFor } from '../training/curriculum';

const newMentee: JourneyFacts = {
  role: 'mentee',
  pairStatus: 'proposed',
  acceptedByMe: false,
  guideRead: false,
  charterSignedByMe: false,
  timeline: { phase: 'not-started', progress: 0 },
  myAgendaItemsAhead: 0,
  sessionsBooked: 0,
  upcomingSessions: 0,
  lastSessionUnreflected: false,
  midPointSurveyWaiting: false,
  storyWritten: false,
  shadowing: { offered: false, awaitingAnswer: false, unobserved: false },
};
const running = (progress: number, more: Partial<JourneyFacts> = {}): JourneyFacts => ({
  ...newMentee,
  pairStatus: 'active',
  acceptedByMe: true,
  guideRead: true,
  charterSignedByMe: true,
  timeline: { phase: 'running', progress },
  myAgendaItemsAhead: 1,
  sessionsBooked: 2,
  upcomingSessions: 1,
  ...more,
});

describe('journeyOf', () => {
  it('points the mentee to offering a meeting in the shadowing phase, and the mentor to answering and observing', () => {
    expect(journeyOf(running(0.4))).toEqual({ phase: 'shadowing', phaseIndex: 3, next: 'offer-shadowing' });
    expect(journeyOf(running(0.2)).next).toBe('ready');
    expect(journeyOf(running(0.4, { shadowing: { offered: true, awaitingAnswer: true, unobserved: false } })).next).toBe('ready');
    expect(journeyOf(running(0.4, { role: 'mentor' })).next).toBe('ready');
    expect(journeyOf(running(0.4, { role: 'mentor', shadowing: { offered: true, awaitingAnswer: true, unobserved: false } })).next).toBe('answer-shadowing');
    expect(journeyOf(running(0.6, { role: 'mentor', shadowing: { offered: true, awaitingAnswer: false, unobserved: true } })).next).toBe('record-observations');
  });

  it('asks a first-time person to accept the match, in the kick-off phase', () => {
    expect(journeyOf(newMentee)).toEqual({ phase: 'kick-off', phaseIndex: 0, next: 'accept-match' });
    expect(journeyOf({ ...newMentee, role: 'mentor' }).next).toBe('accept-match');
  });

  it('leads from accepting to the guide, then waits for the partner to accept', () => {
    expect(journeyOf({ ...newMentee, acceptedByMe: true }).next).toBe('read-guide');
    expect(journeyOf({ ...newMentee, acceptedByMe: true, guideRead: true }).next).toBe('wait-for-partner');
  });

  it('asks for the charter in the training phase once both accepted, then waits for the partner to sign', () => {
    const accepted = { ...newMentee, pairStatus: 'accepted' as const, acceptedByMe: true, guideRead: true };
    expect(journeyOf(accepted)).toEqual({ phase: 'training', phaseIndex: 1, next: 'sign-charter' });
    expect(journeyOf({ ...accepted, charterSignedByMe: true }).next).toBe('wait-for-partner');
  });

  it('has the mentee set the agenda and the mentor prepare a story before the first session is booked', () => {
    const started = running(0.05, { myAgendaItemsAhead: 0, sessionsBooked: 0, upcomingSessions: 0 });
    expect(journeyOf(started)).toMatchObject({ phase: 'sessions', next: 'set-agenda' });
    expect(journeyOf({ ...started, role: 'mentor' }).next).toBe('prepare-story');
    expect(journeyOf({ ...started, myAgendaItemsAhead: 1 }).next).toBe('book-first-session');
  });

  it('asks for a reflection on the last session before anything else in the sessions', () => {
    expect(journeyOf(running(0.2, { lastSessionUnreflected: true, myAgendaItemsAhead: 0 })).next).toBe('reflect');
  });

  it('moves through shadowing, mid-point and closing by the share of the relationship elapsed', () => {
    expect(journeyOf(running(0.4)).phase).toBe('shadowing');
    expect(journeyOf(running(0.55, { midPointSurveyWaiting: true }))).toMatchObject({ phase: 'mid-point', next: 'mid-point-review' });
    expect(journeyOf(running(0.9, { upcomingSessions: 0 }))).toMatchObject({ phase: 'closing', next: 'plan-closing' });
    expect(journeyOf(running(0.4, { upcomingSessions: 0 })).next).toBe('book-session');
  });

  it('asks for the story at the celebration, and is done once it is written', () => {
    const finished = running(1, { timeline: { phase: 'finished', progress: 1 } });
    expect(journeyOf(finished)).toEqual({ phase: 'celebration', phaseIndex: 6, next: 'share-story' });
    expect(journeyOf({ ...finished, storyWritten: true }).next).toBe('ready');
  });

  it('offers to resume a paused relationship, and has nothing to ask when all is ready', () => {
    expect(journeyOf(running(0.2, { pairStatus: 'paused' })).next).toBe('resume');
    expect(journeyOf(running(0.2)).next).toBe('ready');
  });
});

describe('nextModuleFor', () => {
  it('offers the first module not done whose phase has been reached, for the person’s role only', () => {
    expect(nextModuleFor('mentee', new Set(), 'kick-off')?.id).toBe('mentee-listening');
    expect(nextModuleFor('mentee', new Set(), 'training')?.id).toBe('mentee-listening');
    expect(nextModuleFor('mentor', new Set(['mentor-story', 'both-charter', 'both-confidentiality', 'mentor-boundaries']), 'training')).toBeNull();
    expect(nextModuleFor('mentor', new Set(['mentor-story', 'both-charter', 'both-confidentiality', 'mentor-boundaries']), 'sessions')?.id).toBe('mentor-feedback');
    expect(curriculumFor('mentor').map((m) => m.id)).not.toContain('mentee-listening');
  });
});
