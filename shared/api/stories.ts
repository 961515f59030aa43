/** Our story, as one of its two authors sees it: published only when both consent to the same version. */
export interface MemberStory {
  id: string;
  text: string;
  version: number;
  consentedByMe: boolean;
  consentedByPartner: boolean;
  publishedAt: string | null;
  updatedAt: string | null;
  abilities: { edit: boolean; consent: boolean; withdrawConsent: boolean };
}

/** GET, PUT /api/pairs/:id/story and POST …/story/consent */
export interface MemberStoryAnswer<S extends MemberStory | null = MemberStory> {
  story: S;
}

/** A published story as the programme shows it: the text both people agreed to share, and no names. */
export interface PublishedStory {
  id: string;
  text: string;
  publishedAt: string | null;
  postedToTeamsAt: string | null;
}

/** GET /api/programmes/:id/stories */
export interface PublishedStoryList {
  stories: PublishedStory[];
}
