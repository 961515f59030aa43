import type { PairStatus, Role } from '../glossary';

/** What the caller may do with the pair, from the pair's rules. */
export interface PairAbilities {
  accept: boolean;
  decline: boolean;
  signCharter: boolean;
  editAgenda: boolean;
  suggestAgendaItem: boolean;
  thank: boolean;
  pause: boolean;
  resume: boolean;
  requestRepair: boolean;
}

/** A pair as one of its two people sees it: who the partner is (never their reporting line). */
export interface PairView {
  id: string;
  programme: { id: string; name: string };
  myRole: Role;
  status: PairStatus;
  partner: { userId: string; role: Role; displayName: string; department: string | null; jobTitle: string | null };
  mentorAccepted: boolean;
  menteeAccepted: boolean;
  startedAt: string | null;
  endedAt: string | null;
  abilities: PairAbilities;
}

/** GET /api/pairs */
export interface PairList {
  pairs: PairView[];
}
