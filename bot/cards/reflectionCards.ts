import type { ReflectionPrompt } from '../botBackend';
import type { BotText } from '../botText';
import { adaptiveCard, type Card, heading, paragraph, execute, userText } from './cardText';

export const maxProposedTakeaways = 3;

/**
 * After a session: a private reflection, up to three proposed take-aways, the mentee's
 * commitment, and the partner's proposed take-aways to confirm (a confirmed one is agreed).
 */
export function reflectionCard(text: BotText, prompt: ReflectionPrompt): Card {
  const body: unknown[] = [
    heading(text.t('reflection.heading', { name: prompt.partnerName.replace(/[*_[\]()#>`~\\{}]/g, '') })),
    paragraph(text.t('reflection.private'), { subtle: true }),
    { type: 'Input.Text', id: 'reflection', label: text.t('reflection.label'), isMultiline: true, maxLength: 5000, isRequired: true, errorMessage: text.t('reflection.missing') },
    paragraph(text.t('reflection.takeawaysHint')),
    ...Array.from({ length: maxProposedTakeaways }, (_, i) => ({ type: 'Input.Text', id: `takeaway${i + 1}`, label: text.t('reflection.takeaway', { number: i + 1 }), maxLength: 300 })),
  ];
  if (prompt.role === 'mentee') {
    body.push(
      { type: 'Input.Text', id: 'commitment', label: text.t('reflection.commitment'), maxLength: 500 },
      { type: 'Input.Date', id: 'commitmentDueOn', label: text.t('reflection.followUp') },
    );
  }
  if (prompt.partnerTakeaways.length > 0) {
    body.push(paragraph(text.t('reflection.partnerProposed')));
    for (const t of prompt.partnerTakeaways) {
      body.push(userText(t.text, { italic: true }), { type: 'Input.Toggle', id: `confirm_${t.id}`, title: text.t('reflection.agree') });
    }
  }
  return adaptiveCard(body, [execute(text.t('reflection.save'), 'reflection.submit', { pairId: prompt.pairId, sessionId: prompt.sessionId })]);
}

export function reflectionSavedCard(text: BotText, result: { takeaways: number; agreed: number }): Card {
  const parts = [text.t('reflection.saved')];
  if (result.takeaways > 0) parts.push(text.t('reflection.toConfirm', { count: result.takeaways }));
  if (result.agreed > 0) parts.push(text.t('reflection.agreed', { count: result.agreed }));
  return adaptiveCard([heading(text.t('reflection.savedHeading')), paragraph(parts.join(' '))]);
}

export function nothingToReflectOnCard(text: BotText): Card {
  return adaptiveCard([heading(text.t('reflection.nothingHeading')), paragraph(text.t('reflection.nothingText'))]);
}
