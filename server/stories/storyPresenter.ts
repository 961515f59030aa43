import type { MemberStory, PublishedStory } from '../../shared/api/stories';
import type { Selectable } from 'kysely';
import type { Role } from '../../shared/glossary';
import type { StoryTable } from '../store/schema';

export type StoryRow = Selectable<StoryTable>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A story as one of its two authors sees it, with what they may do next. */
export function presentStoryToMember(row: StoryRow, role: Role): MemberStory {
  const mine = role === 'mentor' ? row.mentor_consent : row.mentee_consent;
  const partners = role === 'mentor' ? row.mentee_consent : row.mentor_consent;
  const published = row.published_at !== null;
  return {
    id: row.id,
    text: row.text,
    version: row.version,
    consentedByMe: mine,
    consentedByPartner: partners,
    publishedAt: iso(row.published_at),
    updatedAt: iso(row.updated_at ?? row.created_at),
    abilities: { edit: !published, consent: !published && !mine, withdrawConsent: !published && mine },
  };
}

/** A published story as the programme shows it: the text both people agreed to share, and no names. */
export function presentPublishedStory(row: StoryRow): PublishedStory {
  return { id: row.id, text: row.text, publishedAt: iso(row.published_at), postedToTeamsAt: iso(row.posted_at) };
}
