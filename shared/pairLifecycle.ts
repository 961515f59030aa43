import type { PairStatus, Role } from './glossary';

/** Why a relationship ended; "no-fault" re-pairs and reorganisations blame nobody. */
export type PairEndReason = 'declined' | 'completed' | 'no-fault-repair' | 'reporting-line-change' | 'withdrawn';

export type PairEvent =
  | { kind: 'accept'; by: Role }
  | { kind: 'decline'; by: Role }
  | { kind: 'charter-signed-by-both' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'end'; reason: Exclude<PairEndReason, 'declined'> };

export interface PairState {
  status: PairStatus;
  mentorAccepted: boolean;
  menteeAccepted: boolean;
  endReason: PairEndReason | null;
}

export type PairTransition = { ok: true; state: PairState } | { ok: false; message: string };

const refuse = (message: string): PairTransition => ({ ok: false, message });

/**
 * The pair lifecycle: proposed -> accepted (both said yes) -> active (both signed the charter)
 * <-> paused, and ended from any of them. A decline ends a proposal and frees both people.
 */
export function transitionPair(state: PairState, event: PairEvent): PairTransition {
  if (state.status === 'ended') return refuse('This pair has ended; nothing more can change.');
  switch (event.kind) {
    case 'accept': {
      if (state.status !== 'proposed') return refuse('Only a proposed pair can be accepted.');
      const next = {
        ...state,
        mentorAccepted: state.mentorAccepted || event.by === 'mentor',
        menteeAccepted: state.menteeAccepted || event.by === 'mentee',
      };
      return { ok: true, state: { ...next, status: next.mentorAccepted && next.menteeAccepted ? 'accepted' : 'proposed' } };
    }
    case 'decline':
      if (state.status !== 'proposed') return refuse('Only a proposed pair can be declined; ask for a no-fault re-pair instead.');
      return { ok: true, state: { ...state, status: 'ended', endReason: 'declined' } };
    case 'charter-signed-by-both':
      if (state.status !== 'accepted') return refuse('The charter can start a relationship only once both have accepted.');
      return { ok: true, state: { ...state, status: 'active' } };
    case 'pause':
      if (state.status !== 'active') return refuse('Only an active pair can be paused.');
      return { ok: true, state: { ...state, status: 'paused' } };
    case 'resume':
      if (state.status !== 'paused') return refuse('Only a paused pair can be resumed.');
      return { ok: true, state: { ...state, status: 'active' } };
    case 'end':
      if (state.status === 'proposed') return refuse('A proposed pair is declined, not ended.');
      return { ok: true, state: { ...state, status: 'ended', endReason: event.reason } };
  }
}
