import type { Role } from '../glossary';
import { type JourneyPhase, journeyPhases } from '../journey/nextStep';

/*
 * The training curriculum: short modules for each role and for both, in the order a person takes
 * them. Only ids, audiences and phases live here; the words are the tab catalogues' training.module.* keys (tabs/locales).
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

export type TrainingModuleId = (typeof trainingModules)[number]['id'];

/** The modules for one role, in order. */
export function curriculumFor(role: Role): (typeof trainingModules)[number][] {
  return trainingModules.filter((m) => m.audience === role || m.audience === 'both');
}

/** The first module not yet done that belongs to the phase the relationship is in or an earlier one (training is open from the kick-off); null when none is due. */
export function nextModuleFor(role: Role, completed: ReadonlySet<string>, phase: JourneyPhase): TrainingModuleId | null {
  const reached = Math.max(journeyPhases.indexOf(phase), journeyPhases.indexOf('training'));
  return curriculumFor(role).find((m) => !completed.has(m.id) && journeyPhases.indexOf(m.phase) <= reached)?.id ?? null;
}
