import { defaultProfile } from '../../shared/schemas/participant';
import type { Caller } from '../auth/caller';
import { ApiError } from '../http/errors';
import type { PairRow } from '../pairs/pairRepository';
import type { ParticipantRow } from '../participants/participantRepository';
import type { Admin } from './admin';
import { authorize, type Policy } from './policy';

/** People and records for the policy tables: plain rows, since a policy reads nothing else. */
const tenantId = 'tenant-a';

export function callerFor(userId: string, isAdmin = false): Caller {
  return { tenantId, userId, name: userId, username: `${userId}@example.test`, roles: isAdmin ? ['Upward.Admin'] : [], isAdmin, accessToken: '' };
}

export const mentor = callerFor('mentor-user');
export const mentee = callerFor('mentee-user');
export const admin = callerFor('admin-user', true);
export const stranger = callerFor('stranger-user');

export function pairIn(status: PairRow['status'], accepted: { mentor?: boolean; mentee?: boolean } = {}): PairRow {
  const at = new Date('2026-03-02T09:00:00Z');
  return {
    tenant_id: tenantId,
    id: 'pair-1',
    programme_id: 'programme-1',
    mentor_participant_id: 'participant-mentor',
    mentee_participant_id: 'participant-mentee',
    mentor_user_id: mentor.userId,
    mentee_user_id: mentee.userId,
    status,
    mentor_accepted_at: accepted.mentor ? at : null,
    mentee_accepted_at: accepted.mentee ? at : null,
    started_at: null,
    ended_at: null,
    end_reason: null,
    version: 1,
    created_at: at,
  };
}

export function participantRow(caller: Caller): ParticipantRow {
  return {
    tenant_id: tenantId,
    id: `participant-${caller.userId}`,
    programme_id: 'programme-1',
    user_id: caller.userId,
    role: 'mentor',
    profile: defaultProfile,
    capacity: 1,
    status: 'enrolled',
    enrolled_by: caller.userId,
    created_at: new Date('2026-03-01T09:00:00Z'),
  };
}

/** What a check answers, as a table reads it: "allowed", or the refusal's status and problem code. */
export function outcomeOf(check: () => unknown): string {
  try {
    check();
    return 'allowed';
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.code}`;
    throw error;
  }
}

/** How each kind of caller fares against an ability of a tenant-wide admin policy. */
export function outcomesByCaller<Ability extends string>(policy: Policy<void, Admin, Ability>, ability: Ability) {
  return {
    admin: outcomeOf(() => authorize(policy, admin, ability)),
    participant: outcomeOf(() => authorize(policy, mentor, ability)),
    stranger: outcomeOf(() => authorize(policy, stranger, ability)),
  };
}

export const adminOnly = { admin: 'allowed', participant: '403 forbidden', stranger: '403 forbidden' };
