import { randomUUID } from 'node:crypto';
import type { StoryConsentInput, StoryDraftInput } from '../../shared/schemas/story';
import { recordAudit } from '../audit/auditLog';
import type { Caller } from '../auth/caller';
import { recordDomainEvent } from '../events/domainEvents';
import type { GraphGateway } from '../graph/graphGateway';
import { graphFailure } from '../graph/graphFailure';
import { problemText } from '../http/problemText';
import { ApiError, notFound } from '../http/errors';
import { participantRepository } from '../participants/participantRepository';
import { authorize } from '../policies/policy';
import { publishedStoryPolicy, storyAuthorRules, type StoryAuthor } from '../policies/storyPolicy';
import { programmeDetailsOf } from '../programmes/programmeRepository';
import type { Db } from '../store/database';
import { inPair, type CommandProps, type Trx } from '../workspace/workspaceTransaction';
import type { StoryRow } from './storyPresenter';
import { forTenant } from '../store/tenantScope';

const findStory = (trx: Trx | Db, tenantId: string, pairId: string) =>
  forTenant(trx, tenantId).selectFrom('stories').selectAll().where('pair_id', '=', pairId).executeTakeFirst();

function assertEditable(author: StoryAuthor, version: number | undefined) {
  const { story } = author;
  if (!storyAuthorRules.edit(author)) throw new ApiError('invalidTransition', { key: 'invalidTransition.storyPublished' });
  if (version !== story.version) throw new ApiError('conflict', { key: 'conflict.storyChanged' });
}

/** The pair's story, or null when neither has drafted one. */
export async function storyReader(props: CommandProps): Promise<{ story: StoryRow | null; role: 'mentor' | 'mentee' }> {
  return inPair(props, 'view', async (trx, member) => ({ story: (await findStory(trx, props.actor.tenantId, props.pairId)) ?? null, role: member.role }));
}

/**
 * Either member drafts or edits the story. Any change of text withdraws both consents, since
 * each person agreed to a text, not to whatever it becomes.
 */
export async function storyDrafter(props: CommandProps & { input: StoryDraftInput }): Promise<{ story: StoryRow; role: 'mentor' | 'mentee' }> {
  const { actor, now, input } = props;
  return inPair(props, 'view', async (trx, member) => {
    if (member.pair.status === 'proposed') throw new ApiError('invalidTransition', { key: 'invalidTransition.storyBeforeStart' });
    const existing = await findStory(trx, actor.tenantId, props.pairId);
    let story: StoryRow;
    if (!existing) {
      story = await trx
        .insertInto('stories')
        .values({ tenant_id: actor.tenantId, id: randomUUID(), pair_id: props.pairId, text: input.text, mentor_consent: false, mentee_consent: false, published_at: null, drafted_by: actor.userId, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      assertEditable({ role: member.role, story: existing }, input.version);
      if (existing.text === input.text) return { story: existing, role: member.role };
      story = await forTenant(trx, actor.tenantId)
        .updateTable('stories')
        .set({ text: input.text, version: existing.version + 1, mentor_consent: false, mentee_consent: false, updated_at: now })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await recordDomainEvent(trx, { tenantId: actor.tenantId, kind: 'story.drafted', subjectId: props.pairId, payload: { storyId: story.id, by: member.role, version: story.version }, at: now });
    return { story, role: member.role };
  });
}

/** A member agrees to (or takes back agreement to) one version; with both agreeing, it is published. */
export async function storyConsenter(props: CommandProps & { input: StoryConsentInput }): Promise<{ story: StoryRow; role: 'mentor' | 'mentee' }> {
  const { actor, now, input } = props;
  return inPair(props, 'view', async (trx, member) => {
    const existing = await findStory(trx, actor.tenantId, props.pairId);
    if (!existing) throw notFound();
    assertEditable({ role: member.role, story: existing }, input.version);
    const consents = {
      mentor_consent: member.role === 'mentor' ? input.consent : existing.mentor_consent,
      mentee_consent: member.role === 'mentee' ? input.consent : existing.mentee_consent,
    };
    const publish = consents.mentor_consent && consents.mentee_consent;
    const story = await forTenant(trx, actor.tenantId)
      .updateTable('stories')
      .set({ ...consents, published_at: publish ? now : null })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (publish) {
      const programmeId = member.pair.programme_id;
      await recordDomainEvent(trx, { tenantId: actor.tenantId, kind: 'story.published', subjectId: story.id, payload: { pairId: props.pairId, programmeId }, at: now });
    }
    return { story, role: member.role };
  });
}

/** Published stories of a programme; participants of the programme and admins read them. */
export async function publishedStories(db: Db, actor: Caller, programmeId: string): Promise<StoryRow[]> {
  authorize(publishedStoryPolicy, actor, 'read', await participantRepository(db, actor.tenantId).findInProgramme(programmeId, actor.userId));
  return forTenant(db, actor.tenantId)
    .selectFrom('stories as s')
    .innerJoin('pairs as p', (join) => join.onRef('p.tenant_id', '=', 's.tenant_id').onRef('p.id', '=', 's.pair_id'))
    .selectAll('s')
    .where('p.programme_id', '=', programmeId)
    .where('s.published_at', 'is not', null)
    .orderBy('s.published_at', 'desc')
    .execute();
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An admin posts a published story to the Teams channel the programme names, as themselves (a
 * channel message is sent with delegated permission only). It is posted once.
 */
export async function storyPoster(props: { db: Db; graph: GraphGateway; actor: Caller; storyId: string; now: Date; acceptLanguage?: string }): Promise<StoryRow> {
  const { db, graph, actor, storyId, now, acceptLanguage } = props;
  const found = await forTenant(db, actor.tenantId)
    .selectFrom('stories as s')
    .innerJoin('pairs as p', (join) => join.onRef('p.tenant_id', '=', 's.tenant_id').onRef('p.id', '=', 's.pair_id'))
    .innerJoin('programmes as g', (join) => join.onRef('g.tenant_id', '=', 'p.tenant_id').onRef('g.id', '=', 'p.programme_id'))
    .selectAll('s')
    .select(['g.details as programme_details', 'g.id as programme_id'])
    .where('s.id', '=', storyId)
    .where('s.published_at', 'is not', null)
    .executeTakeFirst();
  if (!found) throw notFound();
  if (found.posted_at) throw new ApiError('invalidTransition', { key: 'invalidTransition.storyPosted' });
  const channel = programmeDetailsOf(found.programme_details, found.programme_id).storyChannel;
  if (!channel) throw new ApiError('invalidTransition', { key: 'invalidTransition.storyChannelMissing' });

  // The admin posts as themself, so the heading is in their language, as the rest of what they write there.
  const heading = problemText(acceptLanguage).t('story.channelHeading');
  const content = `<p><strong>${escapeHtml(heading)}</strong></p><p>${escapeHtml(found.text).replace(/\n/g, '<br>')}</p>`;
  const path = `/teams/${encodeURIComponent(channel.teamId)}/channels/${encodeURIComponent(channel.channelId)}/messages`;
  const message = await graph
    .forUser(actor)
    .send<{ id: string }>('POST', path, { body: { contentType: 'html', content } })
    .catch((error: { statusCode?: number }) => {
      if (error.statusCode === 403 || error.statusCode === 404) {
        throw new ApiError('invalidTransition', { key: 'invalidTransition.storyPostRefused' });
      }
      // Consent or MFA needed (interactionRequired) reaches the admin as such, so the tab can ask them.
      throw graphFailure(error) ?? new ApiError('upstreamUnavailable');
    });

  return db.transaction().execute(async (trx) => {
    const story = await forTenant(trx, actor.tenantId)
      .updateTable('stories')
      .set({ posted_at: now, posted_by: actor.userId, teams_message_id: message.id })
      .where('id', '=', storyId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, 'story.post', `${found.programme_id}/${storyId}`, now);
    return story;
  });
}
