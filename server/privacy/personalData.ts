import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Caller } from '../auth/caller';
import type { Db } from '../store/database';
import { forTenant } from '../store/tenantScope';

const livePairStatuses = ['proposed', 'accepted', 'active', 'paused'] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything Upward holds about the caller, in their own tenant: what they wrote, what they
 * agreed to, and what others gave them. Records written by their partner are left out (agenda
 * items the partner wrote, the partner's reflections), except praise the caller received.
 * Stored JSON (a profile, survey answers) is given as stored, not read into its type: the export
 * is everything held, a field that no longer parses included.
 */
export async function personalDataExporter(db: Db, actor: Caller) {
  const { tenantId, userId } = actor;
  const tenant = forTenant(db, tenantId);
  const enrolments = await tenant.selectFrom('participants').selectAll().where('user_id', '=', userId).execute();
  const pairs = await tenant
    .selectFrom('pairs')
    .selectAll()
    .where((eb) => eb.or([eb('mentor_user_id', '=', userId), eb('mentee_user_id', '=', userId)]))
    .execute();
  const roleIn = new Map(pairs.map((p) => [p.id, p.mentor_user_id === userId ? ('mentor' as const) : ('mentee' as const)]));
  const pairIds = [...roleIn.keys()];
  const inPairs = <T>(load: (ids: string[]) => Promise<T[]>) => (pairIds.length > 0 ? load(pairIds) : Promise.resolve([] as T[]));
  const participantIds = enrolments.map((e) => e.id);

  const [profile, reflections, agenda, takeaways, commitments, praise, concerns, stories, charters, surveyResponses, botPreferences, training, shadowing] = await Promise.all([
    tenant.selectFrom('directory_users').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    tenant.selectFrom('reflections').selectAll().where('author_user_id', '=', userId).orderBy('created_at').execute(),
    inPairs((ids) => tenant.selectFrom('agenda_items').selectAll().where('pair_id', 'in', ids).orderBy('created_at').execute()),
    inPairs((ids) => tenant.selectFrom('takeaways').selectAll().where('pair_id', 'in', ids).orderBy('created_at').execute()),
    inPairs((ids) => tenant.selectFrom('commitments').selectAll().where('pair_id', 'in', ids).orderBy('created_at').execute()),
    inPairs((ids) => tenant.selectFrom('praise').selectAll().where('pair_id', 'in', ids).orderBy('created_at').execute()),
    tenant.selectFrom('concerns').selectAll().where('raised_by_user_id', '=', userId).orderBy('created_at').execute(),
    inPairs((ids) => tenant.selectFrom('stories').selectAll().where('pair_id', 'in', ids).execute()),
    inPairs((ids) => tenant.selectFrom('charters').selectAll().where('pair_id', 'in', ids).execute()),
    participantIds.length > 0
      ? tenant.selectFrom('survey_responses').selectAll().where('participant_id', 'in', participantIds).execute()
      : Promise.resolve([]),
    tenant.selectFrom('bot_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    tenant.selectFrom('training_completions').selectAll().where('user_id', '=', userId).orderBy('completed_at').execute(),
    inPairs((ids) => tenant.selectFrom('shadowing_offers').selectAll().where('pair_id', 'in', ids).orderBy('offered_at').execute()),
  ]);

  return {
    exportedFor: { tenantId, userId },
    directory: profile ? { displayName: profile.display_name, mail: profile.mail, department: profile.department, jobTitle: profile.job_title, officeLocation: profile.office_location } : null,
    enrolments: enrolments.map((e) => ({ id: e.id, programmeId: e.programme_id, role: e.role, status: e.status, profile: e.profile, capacity: e.capacity, enrolledAt: iso(e.created_at) })),
    pairs: pairs.map((p) => ({ id: p.id, programmeId: p.programme_id, role: roleIn.get(p.id), status: p.status, startedAt: iso(p.started_at), endedAt: iso(p.ended_at), endReason: p.end_reason })),
    charterSignatures: charters.map((c) => ({ pairId: c.pair_id, signedAt: iso(roleIn.get(c.pair_id) === 'mentor' ? c.mentor_signed_at : c.mentee_signed_at) })),
    reflections: reflections.map((r) => ({ id: r.id, pairId: r.pair_id, sessionId: r.session_id, text: r.text, sharedWithPartner: r.shared_with_partner, writtenAt: iso(r.created_at) })),
    agendaItems: agenda.filter((a) => a.proposed_by === roleIn.get(a.pair_id)).map((a) => ({ id: a.id, pairId: a.pair_id, sessionId: a.session_id, text: a.text, accepted: a.accepted, writtenAt: iso(a.created_at) })),
    takeaways: takeaways
      .filter((t) => t.proposed_by_user_id === userId || t.confirmed_by_user_id === userId)
      .map((t) => ({ id: t.id, pairId: t.pair_id, sessionId: t.session_id, text: t.text, status: t.status, proposedByMe: t.proposed_by_user_id === userId, confirmedByMe: t.confirmed_by_user_id === userId })),
    commitments: commitments.filter((c) => roleIn.get(c.pair_id) === 'mentee').map((c) => ({ id: c.id, pairId: c.pair_id, text: c.text, dueOn: c.due_on, status: c.status })),
    praiseGiven: praise.filter((p) => p.from_user_id === userId).map((p) => ({ id: p.id, pairId: p.pair_id, text: p.text, givenAt: iso(p.created_at) })),
    praiseReceived: praise
      .filter((p) => p.from_user_id !== userId && roleIn.get(p.pair_id) === 'mentor')
      .map((p) => ({ id: p.id, pairId: p.pair_id, text: p.text, shareWithManager: p.share_with_manager, receivedAt: iso(p.created_at) })),
    concerns: concerns.map((c) => ({ id: c.id, programmeId: c.programme_id, pairId: c.pair_id, kind: c.kind, text: c.text, status: c.status, raisedAt: iso(c.created_at) })),
    stories: stories.map((s) => ({ pairId: s.pair_id, text: s.text, myConsent: roleIn.get(s.pair_id) === 'mentor' ? s.mentor_consent : s.mentee_consent, publishedAt: iso(s.published_at) })),
    surveyResponses: surveyResponses.map((r) => ({ surveyId: r.survey_id, answers: r.answers, submittedAt: iso(r.submitted_at) })),
    botPreferences: botPreferences ? { remindersPausedUntil: iso(botPreferences.reminders_paused_until) } : null,
    trainingCompleted: training.map((c) => ({ programmeId: c.programme_id, moduleId: c.module_id, completedAt: iso(c.completed_at) })),
    // The mentee's offers of their meetings; the mentor's answers and the observations they wrote (theirs alone).
    shadowingOffered: shadowing
      .filter((o) => roleIn.get(o.pair_id) === 'mentee')
      .map((o) => ({ id: o.id, pairId: o.pair_id, subject: o.subject, start: iso(o.starts_at), note: o.note, status: o.status, offeredAt: iso(o.offered_at) })),
    shadowingObserved: shadowing
      .filter((o) => roleIn.get(o.pair_id) === 'mentor')
      .map((o) => ({ id: o.id, pairId: o.pair_id, subject: o.subject, status: o.status, answeredAt: iso(o.answered_at), saw: o.saw, effect: o.effect, tryNext: o.try_next, observedAt: iso(o.observed_at), sharedAt: iso(o.observations_shared_at) })),
  };
}


/**
 * Erases the caller from Upward in one transaction. Their journal (reflections), their concerns,
 * their pairs' shadowing, their survey answers and their bot settings are deleted; their enrolments are withdrawn and
 * their live pairs end (reason "withdrawn"). What they share with a partner (agenda items,
 * take-aways, praise, the pair and its sessions, a story) stays for the partner, with the
 * person's id replaced by a pseudonym that leads nowhere. The audit log of admin actions is kept:
 * it records what admins did, and admins are accountable for it.
 */
export async function personalDataEraser(db: Db, actor: Caller, now: Date) {
  const { tenantId, userId } = actor;
  const pseudonym = `erased:${randomUUID()}`;
  return db.transaction().execute(async (trx) => {
    const tenant = forTenant(trx, tenantId);
    const participantIds = (await tenant.selectFrom('participants').select('id').where('user_id', '=', userId).execute()).map((p) => p.id);
    const reflections = await tenant.deleteFrom('reflections').where('author_user_id', '=', userId).executeTakeFirst();
    const concerns = await tenant.deleteFrom('concerns').where('raised_by_user_id', '=', userId).executeTakeFirst();
    // Shadowing joins the mentee's meeting (its subject, their note) and the mentor's observations of it: the person's either way.
    const pairIds = (await tenant.selectFrom('pairs').select('id').where((eb) => eb.or([eb('mentor_user_id', '=', userId), eb('mentee_user_id', '=', userId)])).execute()).map((p) => p.id);
    if (pairIds.length > 0) await tenant.deleteFrom('shadowing_offers').where('pair_id', 'in', pairIds).execute();
    if (participantIds.length > 0) {
      await tenant.deleteFrom('survey_responses').where('participant_id', 'in', participantIds).execute();
      // Released dashboard batches keep each answer's participant: erasure takes theirs out (a block left too small is then suppressed).
      // A batch stored in a shape the dashboard cannot read (its table is withheld) cannot be filtered: it is emptied to JSON null, still unreadable, so nothing of anyone stays in it.
      await tenant
        .updateTable('insight_batches')
        .set({
          events: sql<string>`case when jsonb_typeof(events) = 'array'
            then coalesce((select jsonb_agg(e) from jsonb_array_elements(events) e where (e->>'unit') not in (${sql.join(participantIds)})), '[]'::jsonb)
            else 'null'::jsonb end`,
        })
        .execute();
    }
    const ended = await tenant
      .updateTable('pairs')
      .set({ status: 'ended', ended_at: now, end_reason: 'withdrawn', version: sql`version + 1` })
      .where('status', 'in', [...livePairStatuses])
      .where((eb) => eb.or([eb('mentor_user_id', '=', userId), eb('mentee_user_id', '=', userId)]))
      .executeTakeFirst();
    const withdrawn = await tenant
      .updateTable('participants')
      .set({ status: 'withdrawn', user_id: pseudonym, profile: sql`'{}'::jsonb` })
      .where('user_id', '=', userId)
      .executeTakeFirst();
    await tenant.updateTable('pairs').set({ mentor_user_id: pseudonym }).where('mentor_user_id', '=', userId).execute();
    await tenant.updateTable('pairs').set({ mentee_user_id: pseudonym }).where('mentee_user_id', '=', userId).execute();
    await tenant.updateTable('takeaways').set({ proposed_by_user_id: pseudonym }).where('proposed_by_user_id', '=', userId).execute();
    await tenant.updateTable('takeaways').set({ confirmed_by_user_id: pseudonym }).where('confirmed_by_user_id', '=', userId).execute();
    await tenant.updateTable('praise').set({ from_user_id: pseudonym }).where('from_user_id', '=', userId).execute();
    await tenant.updateTable('stories').set({ drafted_by: null }).where('drafted_by', '=', userId).execute();
    await tenant.updateTable('sessions').set({ organizer_user_id: null }).where('organizer_user_id', '=', userId).execute();
    await tenant
      .deleteFrom('match_constraints')
      .where((eb) => eb.or([eb('mentor_user_id', '=', userId), eb('mentee_user_id', '=', userId)]))
      .execute();
    // Reminders not yet sent would reach a person who asked to leave.
    await tenant.deleteFrom('jobs').where('done_at', 'is', null).where(sql<boolean>`payload::text like ${`%${userId}%`}`).execute();
    for (const table of ['bot_preferences', 'conversation_references', 'answered_cards', 'training_completions', 'reporting_chains', 'directory_users'] as const) {
      await tenant.deleteFrom(table).where('user_id', '=', userId).execute();
    }
    return {
      reflectionsDeleted: Number(reflections.numDeletedRows),
      concernsDeleted: Number(concerns.numDeletedRows),
      enrolmentsWithdrawn: Number(withdrawn.numUpdatedRows),
      pairsEnded: Number(ended.numUpdatedRows),
    };
  });
}
