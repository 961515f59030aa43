import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { DEMO_STORIES_CHANNEL_ID, DEMO_TEAM_ID } from '../../dev/demoOrg/tenant';
import { MFA_CLAIMS_CHALLENGE } from '../../dev/identity/interactionRequirements';
import { aPair, aProgramme } from '../../test/harness/factories';
import { startTestService, type TestService } from '../../test/harness/testService';

/*
 * Posting a story to Teams acts on behalf of the admin (on-behalf-of, then Graph). When Entra ID
 * needs the admin's consent or MFA first, the API says so (403 interactionRequired, with the claims
 * challenge), so the tab can ask the admin: never "Microsoft 365 did not answer in time".
 */

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;

let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service.close();
});

/** A story both people agreed to publish, in a programme with a Teams channel for stories. */
async function publishedStory(): Promise<string> {
  const tenantId = service.standIn.tenantId.toLowerCase();
  const programme = await aProgramme(service.database.db, tenantId);
  const pair = await aPair(service.database.db, tenantId, { programmeId: programme.id, mentorUserId: mentor, menteeUserId: leader });
  const draft = await service.api('PUT', `/api/pairs/${pair.id}/story`, { as: leader, body: { text: 'Juniors open the quarterly review now.' } });
  for (const as of [leader, mentor]) await service.api('POST', `/api/pairs/${pair.id}/story/consent`, { as, body: { version: 0, consent: true } });
  const storyChannel = { teamId: DEMO_TEAM_ID, channelId: DEMO_STORIES_CHANNEL_ID, displayName: 'Upward stories' };
  expect((await service.api('PATCH', `/api/programmes/${programme.id}`, { as: admin, body: { storyChannel } })).status).toBe(200);
  return draft.body.story.id as string;
}

const post = (storyId: string, token: string) => service.api('POST', `/api/admin/stories/${storyId}/post`, { token });

describe('when the on-behalf-of exchange needs the person', () => {
  afterEach(() => service.standIn.interaction.grantConsent(admin));

  it('answers 403 interactionRequired (not 503) while the admin has not consented, and posts once they have', async () => {
    const storyId = await publishedStory();
    service.standIn.interaction.requireConsent(admin);
    const refused = await post(storyId, await service.tokenFor(admin));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'interactionRequired', status: 403 });
    expect(refused.body.claims).toBeUndefined();
    expect(JSON.stringify(refused.body)).not.toMatch(/did not answer|AADSTS/);
    expect(service.standIn.channelMessages(DEMO_TEAM_ID, DEMO_STORIES_CHANNEL_ID).some((m) => m.body?.content?.includes('quarterly review'))).toBe(false);

    service.standIn.interaction.grantConsent(admin);
    expect((await post(storyId, await service.tokenFor(admin))).status).toBe(200);
  });

  it('passes on the claims challenge of an MFA policy, and accepts a token that meets it', async () => {
    const storyId = await publishedStory();
    service.standIn.interaction.requireMfa(admin);
    const refused = await post(storyId, await service.tokenFor(admin));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'interactionRequired', claims: MFA_CLAIMS_CHALLENGE });
    expect((await post(storyId, await service.tokenFor(admin, { authContexts: ['c1'] }))).status).toBe(200);
  });
});
