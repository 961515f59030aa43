import tabsFrench from '../../tabs/locales/fr.json';
import tabsEnglish from '../../tabs/locales/en.json';
import { botText } from '../botText';
import type { Card } from './cardText';
import { promptsNudgeCard, trainingOfferCard } from './journeyCards';

const workspaceUrl = 'https://upward.example/tab/index.html#/workspace/p1';
type Action = { type: string; title: string; verb?: string; data?: Record<string, unknown>; url?: string };
const actionsOf = (card: Card) => (card.actions ?? []) as Action[];

describe('the training offer card', () => {
  it('names the module in the words the workspace shows, in the person’s language, and opens the workspace', () => {
    const english = trainingOfferCard(botText('en'), { module: { id: 'mentee-listening', text: null }, workspaceUrl });
    expect(JSON.stringify(english)).toContain(`Your next training module is \\"${tabsEnglish['training.module.mentee-listening.title']}\\"`);
    expect(actionsOf(english)).toEqual([{ type: 'Action.OpenUrl', title: 'Open the module', url: workspaceUrl }]);
    const french = JSON.stringify(trainingOfferCard(botText('fr-FR'), { module: { id: 'mentor-observing', text: null }, workspaceUrl }));
    expect(french).toContain(tabsFrench['training.module.mentor-observing.title']);
    expect(french).toContain('Un court module pour cette étape');
  });
});

describe('the between-session nudge', () => {
  it('lists the phase’s prompts and lets the mentee add each to the agenda with the bot’s agenda.add action', () => {
    const card = promptsNudgeCard(botText('en'), { pairId: 'p1', phase: 'mid-point', addToAgenda: true, workspaceUrl });
    const prompts = ['1', '2', '3'].map((n) => tabsEnglish[`journey.prompt.mid-point.${n}` as keyof typeof tabsEnglish]);
    for (const prompt of prompts) expect(JSON.stringify(card)).toContain(prompt);
    expect(actionsOf(card)).toEqual([
      ...prompts.map((text, i) => ({ type: 'Action.Execute', title: `Add question ${i + 1}`, verb: 'agenda.add', data: { pairId: 'p1', text } })),
      { type: 'Action.OpenUrl', title: 'See all prompts', url: workspaceUrl },
    ]);
  });

  it('points the mentor, who does not set the agenda, to the same prompts in the workspace', () => {
    const card = promptsNudgeCard(botText('de-DE'), { pairId: 'p1', phase: 'sessions', addToAgenda: false, workspaceUrl });
    expect(actionsOf(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Alle Fragen für das Gespräch ansehen', url: workspaceUrl }]);
    expect(JSON.stringify(card)).toContain('Fragen, die Ihr Mentee in dieser Phase stellen könnte');
  });
});
