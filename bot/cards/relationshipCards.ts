import { botCommands } from '../../shared/botCommands';
import type { SurveyKind } from '../botBackend';
import { adaptiveCard, type Card, heading, paragraph, execute, userText } from './cardText';

export function helpCard(): Card {
  return adaptiveCard([
    heading('What I can do'),
    { type: 'FactSet', facts: botCommands.map((c) => ({ title: c.title, value: c.description })) },
    paragraph('I also remind you before each session and ask for a short reflection after it.', { subtle: true }),
  ]);
}

/** The mentee thanks the mentor. */
export function praiseComposeCard(pairId: string, partnerName: string): Card {
  return adaptiveCard(
    [
      heading('Say thank you'),
      paragraph(`Tell ${partnerName.replace(/[*_[\]()#>`~\\{}]/g, '')} what they helped you see or do. They decide whether their manager may read it.`),
      { type: 'Input.Text', id: 'text', label: 'Your praise', isMultiline: true, maxLength: 1000, isRequired: true, errorMessage: 'Write your praise first.' },
    ],
    [execute('Send', 'praise.submit', { pairId })],
  );
}

/** The mentor receives praise and chooses whether it may be shared with their own manager. */
export function praiseReceivedCard(input: { pairId: string; praiseId: string; fromName: string; text: string }): Card {
  return adaptiveCard(
    [heading('You were thanked'), paragraph(`From ${input.fromName.replace(/[*_[\]()#>`~\\{}]/g, '')}:`), userText(input.text, { italic: true }), paragraph('May your manager see this? You can change your mind later in the Upward tab.')],
    [
      execute('Share with my manager', 'praise.share', { pairId: input.pairId, praiseId: input.praiseId, share: true }),
      execute('Keep it to myself', 'praise.share', { pairId: input.pairId, praiseId: input.praiseId, share: false }),
    ],
  );
}

const scale = (id: string, label: string) => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  style: 'expanded',
  isRequired: true,
  errorMessage: 'Pick one.',
  choices: ['1', '2', '3', '4', '5'].map((v) => ({ title: v, value: v })),
});

/** Pairing fit after the first session (with a no-fault re-pair), the mid-point review, and the end survey. */
export function surveyCard(input: { pairId: string; kind: SurveyKind; role: 'mentor' | 'mentee' }): Card {
  const selfAssessment = input.role === 'mentee' ? 'my understanding of other cultures and generations' : 'my confidence in speaking up to senior leaders';
  const body: Record<SurveyKind, unknown[]> = {
    'pairing-fit': [
      heading('How is the pairing?'),
      scale('fit', 'How well does this pairing work for you? (1 = not at all, 5 = very well)'),
      paragraph('If it is not working, either of you can ask for a new partner. It is nobody’s fault, and your partner is not told why.', { subtle: true }),
    ],
    'mid-point': [heading('Half way: how is it going?'), scale('progress', 'Are you getting what you hoped from it? (1 to 5)'), { type: 'Input.Text', id: 'comment', label: 'Anything to change? (seen only in aggregate)', isMultiline: true, maxLength: 2000 }],
    end: [
      heading('The relationship is ending: how did it go?'),
      scale('before', `Before the programme, ${selfAssessment} (1 to 5)`),
      scale('after', `Now, ${selfAssessment} (1 to 5)`),
      { type: 'Input.Text', id: 'comment', label: 'What would you tell the next pair? (seen only in aggregate)', isMultiline: true, maxLength: 2000 },
    ],
  };
  const actions = [execute('Send', 'survey.submit', { pairId: input.pairId, kind: input.kind })];
  if (input.kind === 'pairing-fit') actions.push(execute('Ask for a new partner (no fault)', 'repair.request', { pairId: input.pairId }));
  return adaptiveCard(body[input.kind], actions);
}

export type NudgeKind = 'no-session' | 'commitment-due' | 'pair-ineligible';

/** A gentle push; the ineligible notice is private and says what happens next. */
export function nudgeCard(input: { kind: NudgeKind; partnerName?: string; commitment?: string; pairId?: string }): Card {
  switch (input.kind) {
    case 'no-session':
      return adaptiveCard([heading('Time to meet again'), paragraph('No session is booked and it has been a while. Book the next one from the Upward tab or the Outlook add-in.')]);
    case 'commitment-due':
      return adaptiveCard([heading('Your commitment is due'), paragraph('You committed to this:'), userText(input.commitment ?? '', { italic: true }), paragraph('Mark it kept or dropped in the Upward tab, or talk it through at your next session.')]);
    case 'pair-ineligible':
      return adaptiveCard(
        [
          heading('Your pairing needs to change'),
          paragraph('A change in reporting lines means you and your partner are now in the same management chain, so the pairing cannot continue. Nobody did anything wrong.'),
          paragraph('Your sessions are paused. Your programme admin will offer you a new partner; your reflections stay private to you.'),
        ],
        input.pairId ? [execute('Ask for a new partner now', 'repair.request', { pairId: input.pairId })] : [],
      );
  }
}

export function pausedCard(until: Date, timeZone: string): Card {
  const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone }).format(until);
  return adaptiveCard([heading('Reminders paused'), paragraph(`I will not send reminders or nudges until ${day}. Commands still work.`)]);
}

export function textCard(title: string, text: string): Card {
  return adaptiveCard([heading(title), paragraph(text)]);
}

/** What a card pressed a second time shows: nothing was recorded again. */
export function answeredAlreadyCard(): Card {
  return textCard('Already answered', 'You answered this card before; nothing changed. See everything in the Upward tab.');
}

/** For an activity that does not say who sent it (Teams always does; something else sent it). */
export function unknownPersonCard(): Card {
  return textCard('Who are you?', 'I could not tell which Microsoft 365 account you use. Open me from Teams.');
}
