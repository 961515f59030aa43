import type { AgendaItemView, CharterView, CommitmentView, ConcernEntryView, ConcernView, PraiseView, ReflectionView, SessionView, TakeawayView } from '../../shared/api/workspace';
import type { Selectable } from 'kysely';
import { sessionVenueOf } from '../sessions/sessionVenue';
import type { SessionTable } from '../store/schema';
import type { CharterRow } from './commands/charterCommands';
import type { CommitmentRow } from './commands/commitmentCommands';
import type { ConcernEntryRow, ConcernRow } from './commands/concernCommands';
import type { PairMember } from '../policies/pairPolicy';
import { type AgendaItemRow, type PraiseRow, recordRules, type ReflectionRow, type TakeawayRow } from '../policies/workspacePolicy';

/*
 * Each presenter lists the fields that leave the server, as the member looking at the workspace
 * sees them. Authors are named by relation to the viewer ("me" or "partner"), never by id.
 */

const iso = (d: Date | null) => d?.toISOString() ?? null;
const who = (viewer: PairMember, userId: string) => (userId === viewer.userId ? 'me' : 'partner');

export function presentCharter(viewer: PairMember, c: CharterRow): CharterView {
  const mine = viewer.role === 'mentor' ? c.mentor_signed_at : c.mentee_signed_at;
  const theirs = viewer.role === 'mentor' ? c.mentee_signed_at : c.mentor_signed_at;
  return {
    text: c.text,
    mentorSignedAt: iso(c.mentor_signed_at),
    menteeSignedAt: iso(c.mentee_signed_at),
    signedByMe: mine !== null,
    signedByPartner: theirs !== null,
  };
}

export function presentSession(s: Selectable<SessionTable>): SessionView {
  const venue = sessionVenueOf(s.venue, s.id);
  return {
    id: s.id,
    startsAt: s.starts_at.toISOString(),
    endsAt: s.ends_at.toISOString(),
    status: s.status,
    venue: {
      kind: venue.kind,
      displayName: venue.displayName,
      roomDeclined: venue.roomDeclined === true,
    },
    joinUrl: s.join_url,
  };
}

export function presentAgendaItem(viewer: PairMember, item: AgendaItemRow): AgendaItemView {
  return {
    id: item.id,
    sessionId: item.session_id,
    text: item.text,
    proposedBy: item.proposed_by,
    state: item.accepted ? 'on-agenda' : item.declined_at ? 'declined' : 'suggested',
    position: item.position,
    canAnswer: recordRules.answerSuggestion(viewer, item),
  };
}

export function presentReflection(viewer: PairMember, r: ReflectionRow): ReflectionView {
  return {
    id: r.id,
    sessionId: r.session_id,
    author: who(viewer, r.author_user_id),
    text: r.text,
    sharedWithPartner: r.shared_with_partner,
    createdAt: r.created_at.toISOString(),
    canChange: recordRules.changeReflection(viewer, r),
  };
}

export function presentTakeaway(viewer: PairMember, t: TakeawayRow): TakeawayView {
  return {
    id: t.id,
    sessionId: t.session_id,
    text: t.text,
    status: t.status,
    proposedBy: who(viewer, t.proposed_by_user_id),
    confirmedAt: iso(t.confirmed_at),
    createdAt: t.created_at.toISOString(),
    canConfirm: recordRules.confirmTakeaway(viewer, t),
  };
}

export function presentCommitment(c: CommitmentRow): CommitmentView {
  return { id: c.id, sessionId: c.session_id, text: c.text, dueOn: c.due_on, status: c.status, createdAt: c.created_at.toISOString() };
}

export function presentPraise(viewer: PairMember, p: PraiseRow): PraiseView {
  return {
    id: p.id,
    from: who(viewer, p.from_user_id),
    text: p.text,
    shareWithManager: p.share_with_manager,
    createdAt: p.created_at.toISOString(),
    canDecideSharing: recordRules.decidePraiseSharing(viewer, p),
  };
}

/** One step of a concern's history. */
export function presentConcernEntry(e: ConcernEntryRow): ConcernEntryView {
  return { kind: e.kind, status: e.status, text: e.text, at: e.created_at.toISOString() };
}

/** A concern as the person who raised it follows it: its status history and the replies to them (the caller leaves out the admins' notes). */
export function presentOwnConcern(c: ConcernRow, entries: readonly ConcernEntryRow[]): ConcernView {
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    category: c.category,
    severity: c.severity,
    pairId: c.pair_id,
    programmeId: c.programme_id,
    text: c.text,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    history: entries.filter((e) => e.concern_id === c.id && e.kind !== 'note').map(presentConcernEntry),
  };
}
