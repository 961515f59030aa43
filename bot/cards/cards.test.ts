import * as AC from 'adaptivecards';
import type { ReflectionPrompt, SessionView } from '../botBackend';
import { botText, type BotText } from '../botText';
import { type Card, markedCard } from './cardText';
import { promptsNudgeCard, trainingOfferCard } from './journeyCards';
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

const session: SessionView = { sessionId: 's1', pairId: 'p1', role: 'mentee', partnerName: 'Jun Park', startsAt: '2026-03-10T09:00:00Z', endsAt: '2026-03-10T10:00:00Z', venue: { name: 'Room 4.12', kind: 'room' }, joinUrl: 'https://teams.example/join', agenda: ['How my team sees AI'], timeZone: 'Europe/London' };
const prompt: ReflectionPrompt = { sessionId: 's1', pairId: 'p1', role: 'mentee', partnerName: 'Jun Park', endedAt: '2026-03-10T10:00:00Z', partnerTakeaways: [{ id: 't1', text: 'Listen first' }] };

const programme: ProgrammeNow = { name: 'Inclusion 2026', cadenceDays: 21, sessionMinutes: 45, relationshipMonths: 6, durationMonths: 9, endsOn: '2026-10-05', surveySchedule: { pairingFitAfterFirstSession: true, midPoint: false, end: true, pulseEveryDays: 0 } };
const proposal = { pairId: 'p1', role: 'mentee' as const, partner: { name: 'Jun Park', jobTitle: 'Graduate engineer', department: 'Platform' }, reasons: [{ code: 'differentDepartment' as const }] };

/** Every card the bot sends, in one person's language. */
const everyCard = (t: BotText): [string, Card][] => [
  ['next session', sessionCard(t, session, { reminder: false })],
  ['reminder with an empty agenda', sessionCard(t, { ...session, agenda: [] }, { reminder: true })],
  ['no session', noSessionCard(t)],
  ['reflection with partner take-aways', reflectionCard(t, prompt)],
  ['reflection saved', reflectionSavedCard(t, { takeaways: 2, agreed: 1 })],
  ['help', helpCard(t)],
  ['praise', praiseComposeCard(t, 'p1', 'Jun Park')],
  ['praise received', praiseReceivedCard(t, { pairId: 'p1', praiseId: 'x', fromName: 'Catherine', text: 'Thank you' })],
  ['pairing fit', surveyCard(t, { pairId: 'p1', kind: 'pairing-fit', role: 'mentor' })],
  ['end survey', surveyCard(t, { pairId: 'p1', kind: 'end', role: 'mentee' })],
  ['ineligible nudge', nudgeCard(t, { kind: 'pair-ineligible', pairId: 'p1' })],
  ['match proposed', proposalCard(t, proposal)],
  ['match proposed without reasons or directory facts', proposalCard(t, { ...proposal, partner: { name: 'Jun Park', jobTitle: null, department: null }, reasons: [] })],
  ['accepted, waiting for the partner', proposalAnsweredCard(t, 'waiting-for-partner', 'https://upward.example/tab/index.html#/workspace/p1')],
  ['paired', proposalAnsweredCard(t, 'paired', 'https://upward.example/tab/index.html#/workspace/p1')],
  ['declined', proposalAnsweredCard(t, 'declined', 'https://upward.example/tab/index.html#/workspace/p1')],
  ['programme adjusted', programmeAdjustedCard(t, { programme, lines: adjustmentLines(t, ['settings.cadenceDays', 'surveySchedule'], programme), guidesUrl: 'https://upward.example/tab/index.html#/guides', workspaceUrl: 'https://upward.example/tab/index.html#/workspace' })],
  ['story drafted', storyDraftedCard(t, { drafterName: 'Jun Park', edited: true, workspaceUrl: 'https://upward.example/tab/index.html#/workspace/p1' })],
  ['story published', storyPublishedCard(t, 'https://upward.example/tab/index.html#/workspace/p1')],
  ['training module offer', trainingOfferCard(t, { module: { id: 'mentor-story', text: null }, workspaceUrl: 'https://upward.example/tab/index.html#/workspace/p1' })],
  ['between-session prompts, for the mentee', promptsNudgeCard(t, { pairId: 'p1', phase: 'shadowing', addToAgenda: true, workspaceUrl: 'https://upward.example/tab/index.html#/workspace/p1' })],
  ['between-session prompts, for the mentor', promptsNudgeCard(t, { pairId: 'p1', phase: 'closing', addToAgenda: false, workspaceUrl: 'https://upward.example/tab/index.html#/workspace/p1' })],
  ['a proactive card marked with its job (found again in the chat after a crash)', markedCard(nudgeCard(t, { kind: 'no-session' }), 'job-1')],
];

const en = botText('en');

describe('Adaptive Cards', () => {
  it.each(['en', 'fr-FR', 'de-DE'].flatMap((locale) => everyCard(botText(locale)).map(([name, card]) => [`${name} (${locale})`, card] as const)))('%s is a valid Adaptive Card', (_name, card) => {
    expect(validate(card)).toEqual([]);
  });

  it('renders people’s words verbatim, never as markdown or template', () => {
    const card = reflectionCard(en, { ...prompt, partnerTakeaways: [{ id: 't1', text: '[click](https://evil.example) **now** {{DATE(2020-01-01T00:00:00Z)}}' }] });
    const runs = JSON.stringify(card);
    expect(runs).toContain('"type":"TextRun","text":"[click](https://evil.example) **now** {\u200b{DATE');
    expect(runs).not.toMatch(/"type":"TextBlock","text":"\[click\]/);
  });

  it('asks only the mentee for a commitment', () => {
    expect(JSON.stringify(reflectionCard(en, prompt))).toContain('"id":"commitment"');
    expect(JSON.stringify(reflectionCard(en, { ...prompt, role: 'mentor' }))).not.toContain('"id":"commitment"');
  });

  it('describes a programme change with the values it has now, one sentence per changed field, ignoring fields it does not know', () => {
    expect(adjustmentLines(en, ['settings.cadenceDays', 'surveySchedule', 'endsOn', 'settings.somethingNew'], programme)).toEqual([
      'The programme now meets every 21 days.',
      'The surveys are now: how the pairing fits after your first session and an end survey.',
      'The programme now ends on 5 October 2026.',
    ]);
  });

  it('shows a proposed partner’s name and directory facts as text runs, never as markdown', () => {
    const card = JSON.stringify(proposalCard(en, { ...proposal, partner: { name: '[Jun](https://evil.example) {{DATE(2020-01-01T00:00:00Z)}}', jobTitle: null, department: 'Platform' } }));
    expect(card).toContain('"type":"TextRun","text":"[Jun](https://evil.example) {\u200b{DATE');
    expect(card).not.toMatch(/"type":"TextBlock","text":"[^"]*evil/);
  });

  it('writes a card in the person’s language: a German session card with German dates, a French programme change with French plurals and lists', () => {
    const card = JSON.stringify(sessionCard(botText('de-DE'), { ...session, venue: { name: null, kind: 'online' } }, { reminder: true }));
    expect(card).toContain('Ihr Termin steht bevor');
    expect(card).toContain('Dienstag, 10. März 2026 um 09:00 (Europe/London)');
    expect(card).toContain('"value":"Online"');
    expect(card).toContain('Agendapunkt hinzufügen');
    expect(adjustmentLines(botText('fr-CA'), ['settings.sessionMinutes', 'surveySchedule'], { ...programme, sessionMinutes: 1, surveySchedule: { ...programme.surveySchedule, pulseEveryDays: 14 } })).toEqual([
      'Les séances durent désormais 1 minute.',
      'Les questionnaires sont désormais\u00a0: l’adéquation du binôme après votre première séance, un questionnaire de fin et un questionnaire éclair tous les 14 jours.',
    ]);
  });

  it('words a proposal’s reasons in the person’s language, lists joined as that language joins them, and an old English one as stored, saying so', () => {
    const reasons = [
      { code: 'goalMatch' as const, values: { goals: ['KI', 'Daten', 'Gen Z'] } },
      { code: 'seniorityGap' as const, values: { levels: 3 } },
      { code: 'recorded' as const, values: { text: 'Both are happy to meet online.' } },
    ];
    const card = JSON.stringify(proposalCard(botText('de-DE'), { ...proposal, reasons }));
    expect(card).toContain('• Der Mentor bietet, was die Mentee lernen möchte: KI, Daten und Gen Z.');
    expect(card).toContain('(3 Ebenen)');
    expect(card).toContain('• Both are happy to meet online. (von einer früheren Version von Upward auf Englisch gespeichert)');
    expect(JSON.stringify(proposalCard(botText('fr-FR'), { ...proposal, reasons }))).toContain('KI, Daten et Gen Z.');
  });

  it('falls back to English for a language Upward does not speak', () => {
    expect(JSON.stringify(nudgeCard(botText('ja-JP'), { kind: 'no-session' }))).toContain('Time to meet again');
  });
});
