import type { Selectable } from 'kysely';
import type { Role } from '../../shared/glossary';
import type { Caller } from '../auth/caller';
import { notFound } from '../http/errors';
import type { ParticipantRow } from '../participants/participantRepository';
import type { StoryTable } from '../store/schema';
import { tenantAdminPolicy } from './admin';
import { enrolmentOf } from './participantPolicy';
import type { Policy } from './policy';

type StoryRow = Selectable<StoryTable>;

/** A published story is posted to the programme's Teams channel by a programme admin. */
export const storyAdminPolicy = tenantAdminPolicy(['post']);

/**
 * A programme's published stories are read by its participants and the tenant's admins; to
 * anyone else the programme reads as missing. The resource is the caller's own enrolment.
 */
export const publishedStoryPolicy: Policy<ParticipantRow, Caller, 'read'> = {
  relate: (caller, enrolment) => (caller.isAdmin || enrolmentOf(caller, enrolment) ? caller : null),
  stranger: notFound,
  rules: { read: () => true },
  refuse: notFound,
};

/** One of the pair's two people (the pair policy made them a member) before their pair's story. */
export interface StoryAuthor {
  role: Role;
  story: StoryRow;
}

const unpublished = (a: StoryAuthor) => a.story.published_at === null;
const consentedByMe = (a: StoryAuthor) => (a.role === 'mentor' ? a.story.mentor_consent : a.story.mentee_consent);

/** What an author may do with the story: nothing changes once both agreed and it was published. */
export const storyAuthorRules = {
  edit: unpublished,
  consent: (a: StoryAuthor) => unpublished(a) && !consentedByMe(a),
  withdrawConsent: (a: StoryAuthor) => unpublished(a) && consentedByMe(a),
};

export const storyAuthorAbilities = ['edit', 'consent', 'withdrawConsent'] as const;
