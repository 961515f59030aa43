import type { ReflectionPrompt } from '../botBackend';
import { adaptiveCard, type Card, heading, paragraph, execute, userText } from './cardText';

export const maxProposedTakeaways = 3;

/**
 * After a session: a private reflection, up to three proposed take-aways, the mentee's
 * commitment, and the partner's proposed take-aways to confirm (a confirmed one is agreed).
 */
export function reflectionCard(prompt: ReflectionPrompt): Card {
  const body: unknown[] = [
    heading(`How did your session with ${prompt.partnerName.replace(/[*_[\]()#>`~\\{}]/g, '')} go?`),
    paragraph('Your reflection is private: only you can read it, unless you later share it with your partner.', { subtle: true }),
    { type: 'Input.Text', id: 'reflection', label: 'Your reflection (private)', isMultiline: true, maxLength: 5000, isRequired: true, errorMessage: 'Write a few words first.' },
    paragraph('Up to three take-aways you propose to your partner; one becomes agreed when they confirm it.'),
    ...Array.from({ length: maxProposedTakeaways }, (_, i) => ({ type: 'Input.Text', id: `takeaway${i + 1}`, label: `Take-away ${i + 1}`, maxLength: 300 })),
  ];
  if (prompt.role === 'mentee') {
    body.push(
      { type: 'Input.Text', id: 'commitment', label: 'What will you do differently? (your commitment)', maxLength: 500 },
      { type: 'Input.Date', id: 'commitmentDueOn', label: 'Follow up on' },
    );
  }
  if (prompt.partnerTakeaways.length > 0) {
    body.push(paragraph('**Your partner proposed these take-aways.** Tick the ones you agree with.'));
    for (const t of prompt.partnerTakeaways) {
      body.push(userText(t.text, { italic: true }), { type: 'Input.Toggle', id: `confirm_${t.id}`, title: 'I agree' });
    }
  }
  return adaptiveCard(body, [execute('Save', 'reflection.submit', { pairId: prompt.pairId, sessionId: prompt.sessionId })]);
}

export function reflectionSavedCard(result: { takeaways: number; agreed: number }): Card {
  const parts = ['Saved. Your reflection is private to you.'];
  if (result.takeaways > 0) parts.push(`Your partner will be asked to confirm ${result.takeaways === 1 ? 'your take-away' : `your ${result.takeaways} take-aways`}.`);
  if (result.agreed > 0) parts.push(`${result.agreed === 1 ? 'One take-away is' : `${result.agreed} take-aways are`} now agreed.`);
  return adaptiveCard([heading('Thank you'), paragraph(parts.join(' '))]);
}

export function nothingToReflectOnCard(): Card {
  return adaptiveCard([heading('Nothing to reflect on yet'), paragraph('I will ask you after your next session has ended.')]);
}
