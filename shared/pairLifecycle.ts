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

/** Why a change is not possible, as a code: each reader's catalogue says it in their language. */
export type PairRefusal = 'ended' | 'acceptNotProposed' | 'declineNotProposed' | 'charterNotAccepted' | 'pauseNotActive' | 'resumeNotPaused' | 'endProposed';

export type PairTransition = { ok: true; state: PairState } | { ok: false; refusal: PairRefusal };

const refuse = (refusal: PairRefusal): PairTransition => ({ ok: false, refusal });

/**
 * The pair lifecycle: proposed -> accepted (both said yes) -> active (both signed the charter)
 * <-> paused, and ended from any of them. A decline ends a proposal and frees both people.
 */
export function transitionPair(state: PairState, event: PairEvent): PairTransition {
  if (state.status === 'ended') return refuse('ended');
  switch (event.kind) {
    case 'accept': {
      if (state.status !== 'proposed') return refuse('acceptNotProposed');
      const next = {
        ...state,
        mentorAccepted: state.mentorAccepted || event.by === 'mentor',
        menteeAccepted: state.menteeAccepted || event.by === 'mentee',
      };
      return { ok: true, state: { ...next, status: next.mentorAccepted && next.menteeAccepted ? 'accepted' : 'proposed' } };
    }
    case 'decline':
      if (state.status !== 'proposed') return refuse('declineNotProposed');
      return { ok: true, state: { ...state, status: 'ended', endReason: 'declined' } };
    case 'charter-signed-by-both':
      if (state.status !== 'accepted') return refuse('charterNotAccepted');
      return { ok: true, state: { ...state, status: 'active' } };
    case 'pause':
      if (state.status !== 'active') return refuse('pauseNotActive');
      return { ok: true, state: { ...state, status: 'paused' } };
    case 'resume':
      if (state.status !== 'paused') return refuse('resumeNotPaused');
      return { ok: true, state: { ...state, status: 'active' } };
    case 'end':
      if (state.status === 'proposed') return refuse('endProposed');
      return { ok: true, state: { ...state, status: 'ended', endReason: event.reason } };
  }
}
