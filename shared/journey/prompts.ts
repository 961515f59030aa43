import type { JourneyPhase } from './nextStep';

/*
 * Conversation prompts: three for each running phase, in the catalogues as
 * `journey.prompt.<phase>.<n>`. The tab offers them in the workspace; the bot's nudges between
 * sessions point to the same ones.
 */

export type PromptPhase = 'sessions' | 'shadowing' | 'mid-point' | 'closing';

/** The prompts for each phase; before the sessions start, the first sessions' prompts; none at the celebration. */
export const promptPhaseOf: Record<JourneyPhase, PromptPhase | null> = {
  'kick-off': 'sessions',
  training: 'sessions',
  sessions: 'sessions',
  shadowing: 'shadowing',
  'mid-point': 'mid-point',
  closing: 'closing',
  celebration: null,
};

export const promptNumbers = ['1', '2', '3'] as const;

/** The catalogue key of one prompt. */
export const promptKey = (phase: PromptPhase, n: (typeof promptNumbers)[number]) => `journey.prompt.${phase}.${n}` as const;
