import type { ShippedModuleId, TrainingModule } from '../../shared/training/curriculum';
import { promptKey, promptNumbers, type PromptPhase } from '../../shared/journey/prompts';
import type { BotText } from '../botText';
import { journeyWords } from '../journeyWords';
import { adaptiveCard, type Card, execute, heading, paragraph } from './cardText';

const openUrl = (title: string, url: string) => ({ type: 'Action.OpenUrl', title, url });

/** The training module due in this phase of the relationship: its title (the programme's own, or the shipped one in the person's language), how long it takes, and where to read it. */
export function trainingOfferCard(text: BotText, input: { module: Pick<TrainingModule, 'id' | 'text'>; workspaceUrl: string }): Card {
  const title = input.module.text?.title ?? journeyWords(text).t(`training.module.${input.module.id as ShippedModuleId}.title`);
  return adaptiveCard(
    [heading(text.t('training.offerHeading')), paragraph(text.t('training.offerText', { title })), paragraph(text.t('training.offerTime'), { subtle: true })],
    [openUrl(text.t('training.open'), input.workspaceUrl)],
  );
}

/**
 * Between sessions: the phase's conversation prompts. The mentee, who owns the agenda, adds one
 * with a button (the bot's existing `agenda.add` action); the mentor is pointed to the same
 * questions in the workspace, to prepare a story.
 */
export function promptsNudgeCard(text: BotText, input: { pairId: string; phase: PromptPhase; addToAgenda: boolean; workspaceUrl: string }): Card {
  const words = journeyWords(text);
  const prompts = promptNumbers.map((n) => words.t(promptKey(input.phase, n)));
  const adds = input.addToAgenda ? prompts.map((prompt, i) => execute(text.t('prompts.add', { n: i + 1 }), 'agenda.add', { pairId: input.pairId, text: prompt })) : [];
  return adaptiveCard(
    [
      heading(text.t('nudge.noSessionHeading')),
      paragraph(text.t('nudge.noSessionText')),
      paragraph(text.t(input.addToAgenda ? 'prompts.introMentee' : 'prompts.introMentor')),
      ...prompts.map((prompt, i) => paragraph(`${i + 1}. ${prompt}`)),
    ],
    [...adds, openUrl(text.t('prompts.open'), input.workspaceUrl)],
  );
}
