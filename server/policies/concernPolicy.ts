import { notFound } from '../http/errors';
import type { ParticipantRow } from '../participants/participantRepository';
import { tenantAdminPolicy } from './admin';
import { enrolmentOf } from './participantPolicy';
import type { Policy } from './policy';

/** Concerns reach the tenant's programme admins only: they list them, move them along, reply to the person and keep notes. */
export const concernAdminPolicy = tenantAdminPolicy(['list', 'changeStatus', 'reply', 'note']);

/**
 * A concern about a programme is raised by one of its participants (one about a pair, by either
 * member: pairPolicy's raiseConcern); to anyone else the programme reads as missing.
 */
export const programmeConcernPolicy: Policy<ParticipantRow, ParticipantRow, 'raise'> = {
  relate: enrolmentOf,
  stranger: notFound,
  rules: { raise: () => true },
  refuse: notFound,
};
