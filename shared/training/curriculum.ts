import type { Role } from '../glossary';
import { type JourneyPhase, journeyPhases } from '../journey/nextStep';

/*
 * The training curriculum: short modules for each role and for both, in the order a person takes
 * them. The shipped modules keep only ids, audiences and phases here; their words are the tab
 * catalogues' training.module.* keys (tabs/locales), in the person's language. A programme's admin
 * may replace the list (decision 0078): a module they wrote carries its own words.
 */

export const trainingModules = [
  { id: 'mentee-listening', audience: 'mentee', phase: 'training' },
  { id: 'mentor-story', audience: 'mentor', phase: 'training' },
  { id: 'both-charter', audience: 'both', phase: 'training' },
  { id: 'both-confidentiality', audience: 'both', phase: 'training' },
  { id: 'mentor-boundaries', audience: 'mentor', phase: 'training' },
  { id: 'mentee-role-reversal', audience: 'mentee', phase: 'training' },
  { id: 'mentee-power', audience: 'mentee', phase: 'sessions' },
  { id: 'mentor-feedback', audience: 'mentor', phase: 'sessions' },
  { id: 'both-reflection', audience: 'both', phase: 'sessions' },
  { id: 'mentee-bias', audience: 'mentee', phase: 'sessions' },
  { id: 'mentor-when-wrong', audience: 'mentor', phase: 'sessions' },
  { id: 'mentor-observing', audience: 'mentor', phase: 'shadowing' },
  { id: 'mentee-commitments', audience: 'mentee', phase: 'mid-point' },
] as const satisfies readonly { id: string; audience: Role | 'both'; phase: JourneyPhase }[];

/** A module the project ships, whose words are in the catalogues. */
export type ShippedModuleId = (typeof trainingModules)[number]['id'];
export type TrainingAudience = Role | 'both';

/** A module's own words, as an admin wrote them (the reading is the formatted-text subset of decision 0065). */
export interface ModuleText {
  title: string;
  reading: string;
  exercise: string;
}

/** One module of a programme's curriculum; `text` null means the shipped words, in the reader's language. */
export interface TrainingModule {
  id: string;
  audience: TrainingAudience;
  phase: JourneyPhase;
  text: ModuleText | null;
}

/** The shipped curriculum, which a programme follows until its admin replaces it. */
export const defaultCurriculum: readonly TrainingModule[] = trainingModules.map((m) => ({ ...m, text: null }));

export const isShippedModule = (id: string): id is ShippedModuleId => trainingModules.some((m) => m.id === id);

/** The modules for one role, in order. */
export function curriculumFor(role: Role, modules: readonly TrainingModule[] = defaultCurriculum): TrainingModule[] {
  return modules.filter((m) => m.audience === role || m.audience === 'both');
}

/** The first module not yet done that belongs to the phase the relationship is in or an earlier one (training is open from the kick-off); null when none is due. */
export function nextModuleFor(role: Role, completed: ReadonlySet<string>, phase: JourneyPhase, modules: readonly TrainingModule[] = defaultCurriculum): TrainingModule | null {
  const reached = Math.max(journeyPhases.indexOf(phase), journeyPhases.indexOf('training'));
  return curriculumFor(role, modules).find((m) => !completed.has(m.id) && journeyPhases.indexOf(m.phase) <= reached) ?? null;
}
