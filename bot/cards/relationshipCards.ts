import { botCommands } from '../../shared/botCommands';
import type { SurveyKind } from '../botBackend';
import type { BotText } from '../botText';
import { adaptiveCard, type Card, heading, paragraph, execute, userText } from './cardText';

/** The commands keep their English titles (Teams sends the title as the message); what they do is in the person's words. */
export function helpCard(text: BotText): Card {
  return adaptiveCard([
    heading(text.t('help.heading')),
    { type: 'FactSet', facts: botCommands.map((c) => ({ title: c.title, value: text.t(`command.${c.title}`) })) },
    paragraph(text.t('help.footer'), { subtle: true }),
  ]);
}

const plainName = (name: string) => name.replace(/[*_[\]()#>`~\\{}]/g, '');

/** The mentee thanks the mentor. */
export function praiseComposeCard(text: BotText, pairId: string, partnerName: string): Card {
  return adaptiveCard(
    [
      heading(text.t('praise.composeHeading')),
      paragraph(text.t('praise.composeText', { name: plainName(partnerName) })),
      { type: 'Input.Text', id: 'text', label: text.t('praise.label'), isMultiline: true, maxLength: 1000, isRequired: true, errorMessage: text.t('praise.missing') },
    ],
    [execute(text.t('praise.send'), 'praise.submit', { pairId })],
  );
}

/** The mentor receives praise and chooses whether it may be shared with their own manager. */
export function praiseReceivedCard(text: BotText, input: { pairId: string; praiseId: string; fromName: string | null; text: string }): Card {
  return adaptiveCard(
    [
      heading(text.t('praise.receivedHeading')),
      paragraph(text.t('praise.from', { name: plainName(input.fromName || text.t('praise.yourMentee')) })),
      userText(input.text, { italic: true }),
      paragraph(text.t('praise.ask')),
    ],
    [
      execute(text.t('praise.share'), 'praise.share', { pairId: input.pairId, praiseId: input.praiseId, share: true }),
      execute(text.t('praise.keep'), 'praise.share', { pairId: input.pairId, praiseId: input.praiseId, share: false }),
    ],
  );
}

const scale = (text: BotText, id: string, label: string) => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  style: 'expanded',
  isRequired: true,
  errorMessage: text.t('survey.pick'),
  choices: [1, 2, 3, 4, 5].map((v) => ({ title: text.number(v), value: String(v) })),
});

/** Pairing fit after the first session (with a no-fault re-pair), the mid-point review, and the end survey. */
export function surveyCard(text: BotText, input: { pairId: string; kind: SurveyKind; role: 'mentor' | 'mentee' }): Card {
  const body: Record<SurveyKind, unknown[]> = {
    'pairing-fit': [heading(text.t('survey.fitHeading')), scale(text, 'fit', text.t('survey.fit')), paragraph(text.t('survey.fitHint'), { subtle: true })],
    'mid-point': [
      heading(text.t('survey.midHeading')),
      scale(text, 'progress', text.t('survey.progress')),
      { type: 'Input.Text', id: 'comment', label: text.t('survey.change'), isMultiline: true, maxLength: 2000 },
    ],
    end: [
      heading(text.t('survey.endHeading')),
      scale(text, 'before', text.t('survey.before', { role: input.role })),
      scale(text, 'after', text.t('survey.after', { role: input.role })),
      { type: 'Input.Text', id: 'comment', label: text.t('survey.advice'), isMultiline: true, maxLength: 2000 },
    ],
  };
  const actions = [execute(text.t('survey.send'), 'survey.submit', { pairId: input.pairId, kind: input.kind })];
  if (input.kind === 'pairing-fit') actions.push(execute(text.t('survey.repair'), 'repair.request', { pairId: input.pairId }));
  return adaptiveCard(body[input.kind], actions);
}

export type NudgeKind = 'no-session' | 'commitment-due' | 'pair-ineligible';

/** A gentle push; the ineligible notice is private and says what happens next. */
export function nudgeCard(text: BotText, input: { kind: NudgeKind; partnerName?: string; commitment?: string; pairId?: string }): Card {
  switch (input.kind) {
    case 'no-session':
      return adaptiveCard([heading(text.t('nudge.noSessionHeading')), paragraph(text.t('nudge.noSessionText'))]);
    case 'commitment-due':
      return adaptiveCard([
        heading(text.t('nudge.commitmentHeading')),
        paragraph(text.t('nudge.commitmentIntro')),
        userText(input.commitment ?? '', { italic: true }),
        paragraph(text.t('nudge.commitmentText')),
      ]);
    case 'pair-ineligible':
      return adaptiveCard(
        [heading(text.t('nudge.ineligibleHeading')), paragraph(text.t('nudge.ineligibleText')), paragraph(text.t('nudge.ineligibleNext'))],
        input.pairId ? [execute(text.t('nudge.repairNow'), 'repair.request', { pairId: input.pairId })] : [],
      );
  }
}

export function pausedCard(text: BotText, until: Date, timeZone: string): Card {
  return adaptiveCard([heading(text.t('paused.heading')), paragraph(text.t('paused.text', { date: text.date(until, { dateStyle: 'full', timeZone }) }))]);
}

export function textCard(title: string, body: string): Card {
  return adaptiveCard([heading(title), paragraph(body)]);
}

/** What a card pressed a second time shows: nothing was recorded again. */
export function answeredAlreadyCard(text: BotText): Card {
  return textCard(text.t('answered.heading'), text.t('answered.text'));
}

/** For an activity that does not say who sent it (Teams always does; something else sent it). */
export function unknownPersonCard(text: BotText): Card {
  return textCard(text.t('unknown.heading'), text.t('unknown.text'));
}
