import type { MemberStory, MemberStoryAnswer, PublishedStoryList } from '../../shared/api/stories';
import { Router } from 'express';
import { idParams } from '../../shared/schemas/common';
import { storyConsentSchema, storyDraftSchema } from '../../shared/schemas/story';
import type { AppDeps } from '../appDeps';
import { callerOf } from '../auth/authenticate';
import { parseBody, parseParams } from '../http/validate';
import { authorize } from '../policies/policy';
import { storyAdminPolicy } from '../policies/storyPolicy';
import { publishedStories, storyConsenter, storyDrafter, storyPoster, storyReader } from './storyCommands';
import { presentPublishedStory, presentStoryToMember } from './storyPresenter';

/**
 * Stories of what changed: written by a pair, published only with both people's consent, listed
 * on the programme page and posted by an admin to the programme's Teams channel. Mounted before
 * the pair lifecycle routes, whose POST /pairs/:id/:action would otherwise claim /pairs/:id/story.
 */
export function storyRoutes({ db, graph, clock }: AppDeps): Router {
  const router = Router();

  router.get('/pairs/:id/story', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { story, role } = await storyReader({ db, actor: callerOf(req), pairId: id, now: clock() });
    res.json({ story: story ? presentStoryToMember(story, role) : null } satisfies MemberStoryAnswer<MemberStory | null>);
  });

  router.put('/pairs/:id/story', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(storyDraftSchema, req);
    const { story, role } = await storyDrafter({ db, actor: callerOf(req), pairId: id, input, now: clock() });
    res.json({ story: presentStoryToMember(story, role) } satisfies MemberStoryAnswer);
  });

  router.post('/pairs/:id/story/consent', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const input = parseBody(storyConsentSchema, req);
    const { story, role } = await storyConsenter({ db, actor: callerOf(req), pairId: id, input, now: clock() });
    res.json({ story: presentStoryToMember(story, role) } satisfies MemberStoryAnswer);
  });

  router.get('/programmes/:id/stories', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const stories = await publishedStories(db, callerOf(req), id);
    res.json({ stories: stories.map(presentPublishedStory) } satisfies PublishedStoryList);
  });

  router.post('/admin/stories/:id/post', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const story = await storyPoster({ db, graph, actor: authorize(storyAdminPolicy, callerOf(req), 'post'), storyId: id, now: clock(), acceptLanguage: req.headers['accept-language'] });
    res.json(presentPublishedStory(story));
  });

  return router;
}
