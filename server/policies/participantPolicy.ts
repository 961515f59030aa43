import type { Caller } from '../auth/caller';
import { notFound } from '../http/errors';
import type { ParticipantRow } from '../participants/participantRepository';
import { tenantAdminPolicy } from './admin';
import type { Policy } from './policy';

/** A programme's people are listed, invited and imported, and the directory searched, by the tenant's programme admins. */
export const participantAdminPolicy = tenantAdminPolicy(['list', 'invite', 'import', 'searchDirectory']);

/** Who the caller is to one person's place in a programme. */
export interface ParticipantRelation {
  self: boolean;
  admin: boolean;
}

/** A person withdraws themself, an admin anyone; to anyone else the record reads as missing. */
export const participantPolicy: Policy<ParticipantRow, ParticipantRelation, 'withdraw'> = {
  relate: (caller, row) => (row ? { self: row.user_id === caller.userId, admin: caller.isAdmin } : null),
  stranger: notFound,
  rules: { withdraw: (r) => r.self || r.admin },
  refuse: notFound,
};

/** The caller's own place in a programme (as looked up for them), or null when they have none. */
export function enrolmentOf(caller: Caller, row: ParticipantRow | undefined): ParticipantRow | null {
  return row?.user_id === caller.userId ? row : null;
}
