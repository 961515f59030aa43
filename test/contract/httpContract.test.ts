import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { DEMO_STORIES_CHANNEL_ID, DEMO_TEAM_ID } from '../../dev/demoOrg/tenant';
import { MFA_CLAIMS_CHALLENGE } from '../../dev/identity/interactionRequirements';
import { type ApiClient, createApiClient, type ApiClientOptions } from '../../shared/api/apiClient';
import type { Me } from '../../shared/api/me';
import type { PairList } from '../../shared/api/pairs';
import { ApiProblem } from '../../shared/api/problem';
import type { MemberStoryAnswer, PublishedStory } from '../../shared/api/stories';
import type { AgendaItemView, Workspace } from '../../shared/api/workspace';
import { aPair, aProgramme } from '../harness/factories';
import { startTestService, type TestService } from '../harness/testService';

/*
 * The HTTP contract as the tab and the add-in meet it: the one client (shared/api/apiClient) and
 * the response types the server's presenters are written against, over real HTTP to the service.
 */

const leader = DEMO_PERSONAS.seniorLeader.id;
const mentor = DEMO_PERSONAS.juniorMentor.id;
const admin = DEMO_PERSONAS.programmeAdmin.id;
const texts = { title: 'Something went wrong', network: 'Upward could not be reached.', unknown: 'An unexpected error occurred.' };

let service: TestService;
let tenantId: string;

beforeAll(async () => {
  service = await startTestService();
  tenantId = service.standIn.tenantId.toLowerCase();
});
afterAll(async () => {
  await service.close();
});

function clientAs(userId: string, options: Partial<ApiClientOptions> = {}): ApiClient {
  return createApiClient({ fetch: (url, init) => fetch(url, init), getToken: () => service.tokenFor(userId), baseUrl: `${service.url}/api`, texts, ...options });
}

async function caught(promise: Promise<unknown>): Promise<ApiProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiProblem);
  return error as ApiProblem;
}

describe('the one API client against the service', () => {
  it('reads the caller, their pairs and a workspace in the shapes the shared types name', async () => {
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: mentor, menteeUserId: leader });
    const api = clientAs(leader);
    const me = await api.get<Me>('/me');
    expect(me).toMatchObject({ userId: leader, tenantId, isAdmin: false });
    const { pairs } = await api.get<PairList>('/pairs');
    const mine = pairs.find((p) => p.id === pair.id)!;
    expect(mine).toMatchObject({ myRole: 'mentee', partner: { userId: mentor, role: 'mentor' } });
    expect(mine.abilities).toMatchObject({ editAgenda: true, suggestAgendaItem: false, thank: true });
    const workspace = await api.get<Workspace>(`/pairs/${pair.id}/workspace`);
    expect(workspace.pair.id).toBe(pair.id);
    const item = await api.send<AgendaItemView>('POST', `/pairs/${pair.id}/agenda`, { text: 'How juniors hear about promotions' });
    expect(item).toMatchObject({ text: 'How juniors hear about promotions', proposedBy: 'mentee', state: 'on-agenda' });
    expect(await api.send('DELETE', `/pairs/${pair.id}/agenda/${item.id}`)).toBeUndefined();
  });

  it('turns a problem document into an ApiProblem that keeps the catalogue code and the field errors', async () => {
    const pair = await aPair(service.database.db, tenantId, { mentorUserId: mentor, menteeUserId: leader });
    const invalid = await caught(clientAs(leader).send('POST', `/pairs/${pair.id}/agenda`, { text: '' }));
    expect(invalid).toMatchObject({ status: 400, code: 'invalidRequest' });
    expect(invalid.errors.map((e) => e.field)).toContain('text');
    const outsider = await caught(clientAs(admin).get(`/pairs/${pair.id}/workspace`));
    expect(outsider).toMatchObject({ status: 404, code: 'notFound' });
    const noRoute = await caught(clientAs(leader).get('/no-such-route'));
    expect(noRoute.code).toBe('routeNotFound');
  });

  it('says the service cannot be reached (code network) when nothing answers', async () => {
    const api = createApiClient({ fetch: (url, init) => fetch(url, init), getToken: async () => 'unused', baseUrl: 'http://127.0.0.1:9/api', texts });
    const problem = await caught(api.get('/me'));
    expect(problem).toMatchObject({ status: 0, code: 'network', detail: texts.network });
  });

  describe('when Microsoft 365 needs the person first (interactionRequired)', () => {
    afterEach(() => service.standIn.interaction.grantConsent(admin));

    async function publishedStory(): Promise<string> {
      const programme = await aProgramme(service.database.db, tenantId);
      const pair = await aPair(service.database.db, tenantId, { programmeId: programme.id, mentorUserId: mentor, menteeUserId: leader });
      const { story } = await clientAs(leader).send<MemberStoryAnswer>('PUT', `/pairs/${pair.id}/story`, { text: 'Juniors open the quarterly review now.' });
      for (const as of [leader, mentor]) await clientAs(as).send('POST', `/pairs/${pair.id}/story/consent`, { version: 0, consent: true });
      await clientAs(admin).send('PATCH', `/programmes/${programme.id}`, { storyChannel: { teamId: DEMO_TEAM_ID, channelId: DEMO_STORIES_CHANNEL_ID, displayName: 'Upward stories' } });
      return story.id;
    }

    it('asks the person once with the claims challenge and sends the call again with the new token', async () => {
      const storyId = await publishedStory();
      service.standIn.interaction.requireMfa(admin);
      const challenges: (string | undefined)[] = [];
      const api = clientAs(admin, {
        reauthenticate: (claims) => {
          challenges.push(claims);
          return service.tokenFor(admin, { authContexts: ['c1'] });
        },
      });
      const posted = await api.send<PublishedStory>('POST', `/admin/stories/${storyId}/post`);
      expect(posted.postedToTeamsAt).not.toBeNull();
      expect(challenges).toEqual([MFA_CLAIMS_CHALLENGE]);
    });

    it('hands the problem, with its claims, to a page whose host cannot ask the person', async () => {
      const storyId = await publishedStory();
      service.standIn.interaction.requireMfa(admin);
      const problem = await caught(clientAs(admin).send('POST', `/admin/stories/${storyId}/post`));
      expect(problem).toMatchObject({ status: 403, code: 'interactionRequired' });
      expect(problem.text('claims')).toBe(MFA_CLAIMS_CHALLENGE);
    });
  });
});
