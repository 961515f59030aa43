import * as AC from 'adaptivecards';
import type { ReflectionPrompt, SessionView } from '../botBackend';
import { type Card, markedCard } from './cardText';
import { adjustmentLines, programmeAdjustedCard, type ProgrammeNow, proposalAnsweredCard, proposalCard, storyDraftedCard, storyPublishedCard } from './noticeCards';
import { reflectionCard, reflectionSavedCard } from './reflectionCards';
import { helpCard, nudgeCard, praiseComposeCard, praiseReceivedCard, surveyCard } from './relationshipCards';
import { noSessionCard, sessionCard } from './sessionCards';

// The reference library's carousel pulls in a browser slider (ESM only) that parsing never uses.
jest.mock('swiper', () => ({}));
jest.mock('swiper/modules', () => ({}));

/** Parses a card with the Adaptive Cards reference object model: no unknown element, no invalid property, nothing dropped. */
function validate(card: Card): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const problems = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const roundTrip = JSON.stringify(parsed.toJSON());
  for (const key of JSON.stringify(card).match(/"([A-Za-z.]+)":/g) ?? []) if (!roundTrip.includes(key) && key !== '"$schema":') problems.push(`dropped ${key}`);
  return problems;
}

const session: SessionView = { sessionId: 's1', pairId: 'p1', role: 'mentee', partnerName: 'Jun Park', startsAt: '2026-03-10T09:00:00Z', endsAt: '2026-03-10T10:00:00Z', venue: 'Room 4.12', joinUrl: 'https://teams.example/join', agenda: ['How my team sees AI'], timeZone: 'Europe/London' };
const prompt: ReflectionPrompt = { sessionId: 's1', pairId: 'p1', role: 'mentee', partnerName: 'Jun Park', endedAt: '2026-03-10T10:00:00Z', partnerTakeaways: [{ id: 't1', text: 'Listen first' }] };

const programme: ProgrammeNow = { name: 'Inclusion 2026', cadenceDays: 21, sessionMinutes: 45, relationshipMonths: 6, durationMonths: 9, endsOn: '2026-10-05', surveySchedule: { pairingFitAfterFirstSession: true, midPoint: false, end: true, pulseEveryDays: 0 } };
const proposal = { pairId: 'p1', role: 'mentee' as const, partner: { name: 'Jun Park', jobTitle: 'Graduate engineer', department: 'Platform' }, reasons: ['They work in different departments, so each brings a view the other rarely hears.'] };

describe('Adaptive Cards', () => {
  it.each([
    ['next session', sessionCard(session, { reminder: false })],
    ['reminder with an empty agenda', sessionCard({ ...session, agenda: [] }, { reminder: true })],
    ['no session', noSessionCard()],
    ['reflection with partner take-aways', reflectionCard(prompt)],
    ['reflection saved', reflectionSavedCard({ takeaways: 2, agreed: 1 })],
    ['help', helpCard()],
    ['praise', praiseComposeCard('p1', 'Jun Park')],
    ['praise received', praiseReceivedCard({ pairId: 'p1', praiseId: 'x', fromName: 'Catherine', text: 'Thank you' })],
    ['pairing fit', surveyCard({ pairId: 'p1', kind: 'pairing-fit', role: 'mentor' })],
    ['end survey', surveyCard({ pairId: 'p1', kind: 'end', role: 'mentee' })],
    ['ineligible nudge', nudgeCard({ kind: 'pair-ineligible', pairId: 'p1' })],
    ['match proposed', proposalCard(proposal)],
    ['match proposed without reasons or directory facts', proposalCard({ ...proposal, partner: { name: 'Jun Park', jobTitle: null, department: null }, reasons: [] })],
    ['accepted, waiting for the partner', proposalAnsweredCard('waiting-for-partner', 'https://upward.example/tab/index.html#/workspace/p1')],
    ['paired', proposalAnsweredCard('paired', 'https://upward.example/tab/index.html#/workspace/p1')],
    ['declined', proposalAnsweredCard('declined', 'https://upward.example/tab/index.html#/workspace/p1')],
    ['programme adjusted', programmeAdjustedCard({ programme, lines: adjustmentLines(['settings.cadenceDays', 'surveySchedule'], programme), guidesUrl: 'https://upward.example/tab/index.html#/guides', workspaceUrl: 'https://upward.example/tab/index.html#/workspace' })],
    ['story drafted', storyDraftedCard({ drafterName: 'Jun Park', edited: true, workspaceUrl: 'https://upward.example/tab/index.html#/workspace/p1' })],
    ['story published', storyPublishedCard('https://upward.example/tab/index.html#/workspace/p1')],
    ['a proactive card marked with its job (found again in the chat after a crash)', markedCard(nudgeCard({ kind: 'no-session' }), 'job-1')],
  ])('%s is a valid Adaptive Card', (_name, card) => {
    expect(validate(card)).toEqual([]);
  });

  it('renders people’s words verbatim, never as markdown or template', () => {
    const card = reflectionCard({ ...prompt, partnerTakeaways: [{ id: 't1', text: '[click](https://evil.example) **now** {{DATE(2020-01-01T00:00:00Z)}}' }] });
    const runs = JSON.stringify(card);
    expect(runs).toContain('"type":"TextRun","text":"[click](https://evil.example) **now** {\u200b{DATE');
    expect(runs).not.toMatch(/"type":"TextBlock","text":"\[click\]/);
  });

  it('asks only the mentee for a commitment', () => {
    expect(JSON.stringify(reflectionCard(prompt))).toContain('"id":"commitment"');
    expect(JSON.stringify(reflectionCard({ ...prompt, role: 'mentor' }))).not.toContain('"id":"commitment"');
  });

  it('describes a programme change with the values it has now, one sentence per changed field, ignoring fields it does not know', () => {
    expect(adjustmentLines(['settings.cadenceDays', 'surveySchedule', 'endsOn', 'settings.somethingNew'], programme)).toEqual([
      'The programme now meets every 21 days.',
      'The surveys are now: how the pairing fits after your first session and an end survey.',
      'The programme now ends on 5 October 2026.',
    ]);
  });

  it('shows a proposed partner’s name and directory facts as text runs, never as markdown', () => {
    const card = JSON.stringify(proposalCard({ ...proposal, partner: { name: '[Jun](https://evil.example) {{DATE(2020-01-01T00:00:00Z)}}', jobTitle: null, department: 'Platform' } }));
    expect(card).toContain('"type":"TextRun","text":"[Jun](https://evil.example) {\u200b{DATE');
    expect(card).not.toMatch(/"type":"TextBlock","text":"[^"]*evil/);
  });
});
