import type { ReportingChain } from './glossary';
import type { SenioritySource } from './programmeSettings';

/** Directory facts seniority can be read from. */
export interface SeniorityFacts {
  chain: ReportingChain;
  /** Directory attributes (extension attributes and the like) by name. */
  attributes?: Readonly<Record<string, string | null | undefined>>;
}

/**
 * A person's seniority as a number where higher means more senior, or null when the source
 * holds nothing usable for this person (the pairing rules then refuse to guess).
 */
export function seniorityOf(facts: SeniorityFacts, source: SenioritySource): number | null {
  if (source.kind === 'chain-depth') {
    // A cut cycle says nothing reliable about depth.
    return facts.chain.cycle ? null : -facts.chain.managerIds.length;
  }
  const raw = facts.attributes?.[source.attribute];
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const grade = Number(raw.trim());
  return Number.isFinite(grade) ? grade : null;
}
