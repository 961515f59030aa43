import type { StoryRow } from '../stories/storyPresenter';
import { abilitiesOf, authorize } from './policy';
import { admin, adminOnly, mentee, mentor, outcomeOf, outcomesByCaller, participantRow, stranger } from './policyTestFixtures';
import { publishedStoryPolicy, storyAdminPolicy, storyAuthorAbilities, storyAuthorRules } from './storyPolicy';

const story = (consents: { mentor?: boolean; mentee?: boolean }, published: boolean): StoryRow => ({
  tenant_id: 'tenant-a',
  id: 'story-1',
  pair_id: 'pair-1',
  text: 'What changed',
  mentor_consent: consents.mentor ?? false,
  mentee_consent: consents.mentee ?? false,
  published_at: published ? new Date('2026-05-01T09:00:00Z') : null,
  created_at: new Date('2026-04-01T09:00:00Z'),
  version: 1,
  drafted_by: mentor.userId,
  updated_at: null,
  posted_at: null,
  posted_by: null,
  teams_message_id: null,
});

describe('story policy: stories are written by the pair, read by the programme, posted by an admin', () => {
  it('post: an admin may; a participant or a stranger is refused with 403 forbidden', () => {
    expect(outcomesByCaller(storyAdminPolicy, 'post')).toEqual(adminOnly);
  });

  it.each([
    ['a participant of the programme', mentor, participantRow(mentor), 'allowed'],
    ['an admin not in the programme', admin, undefined, 'allowed'],
    ['someone not in the programme (it reads as missing)', stranger, undefined, '404 notFound'],
  ] as const)('read the published stories by %s: %s', (_who, caller, enrolment, expected) => {
    expect(outcomeOf(() => authorize(publishedStoryPolicy, caller, 'read', enrolment))).toBe(expected);
  });

  it.each([
    ['a draft nobody agreed to', 'mentor', story({}, false), { edit: true, consent: true, withdrawConsent: false }],
    ['a draft the mentee agreed to, as the mentee', 'mentee', story({ mentee: true }, false), { edit: true, consent: false, withdrawConsent: true }],
    ['a draft the mentee agreed to, as the mentor', 'mentor', story({ mentee: true }, false), { edit: true, consent: true, withdrawConsent: false }],
    ['a published story', 'mentee', story({ mentor: true, mentee: true }, true), { edit: false, consent: false, withdrawConsent: false }],
  ] as const)('an author of %s may do what the table says', (_story, role, row, expected) => {
    expect(abilitiesOf(storyAuthorRules, { role, story: row }, storyAuthorAbilities)).toEqual(expected);
  });

  it('never lets the partner’s consent stand for the author’s own', () => {
    expect(storyAuthorRules.withdrawConsent({ role: 'mentor', story: story({ mentee: true }, false) })).toBe(false);
    expect(outcomeOf(() => authorize(publishedStoryPolicy, mentee, 'read', participantRow(mentor)))).toBe('404 notFound');
  });
});
