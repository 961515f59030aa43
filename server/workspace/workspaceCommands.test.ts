import type { PairStatus } from '../../shared/glossary';
import { ApiError } from '../http/errors';
import { describeEachEngine } from '../../test/harness/databases';
import { aCaller, aPair, aSession } from '../../test/harness/factories';
import { agendaItemAdder, agendaItemSuggester } from './commands/agendaCommands';
import { charterSigner } from './commands/charterCommands';
import { concernRaiser, concernChanger } from './commands/concernCommands';
import { reflectionWriter } from './commands/reflectionCommands';
import { takeawayConfirmer, takeawayProposer } from './commands/takeawayCommands';
import { workspaceReader } from './workspaceReader';

const tenant = 'tenant-commands';
const now = new Date('2026-03-10T12:00:00Z');

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof ApiError ? error.code : String(error)),
  );

describeEachEngine('workspace commands (as the bot calls them)', (database) => {
  const db = () => database().db;
  const people = async (status: PairStatus = 'active') => {
    const pair = await aPair(db(), tenant, { status });
    return { pair, mentor: aCaller(tenant, pair.mentor_user_id), mentee: aCaller(tenant, pair.mentee_user_id) };
  };

  it('activates the pair exactly once when both sign the charter at the same moment', async () => {
    const { pair, mentor, mentee } = await people('accepted');
    await Promise.all([charterSigner({ db: db(), actor: mentor, pairId: pair.id, now }), charterSigner({ db: db(), actor: mentee, pairId: pair.id, now })]);
    const row = await db().selectFrom('pairs').select(['status', 'started_at']).where('tenant_id', '=', tenant).where('id', '=', pair.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'active', started_at: now });
    const events = await db().selectFrom('domain_events').select('kind').where('subject_id', '=', pair.id).execute();
    expect(events.map((e) => e.kind).sort()).toEqual(['charter.signed', 'charter.signed', 'pair.active']);
  });

  it('keeps to three take-aways per person and session when they arrive at once', async () => {
    const { pair, mentor } = await people();
    const session = await aSession(db(), tenant, { pairId: pair.id });
    const outcomes = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((text) => codeOf(takeawayProposer({ db: db(), actor: mentor, pairId: pair.id, input: { text, sessionId: session.id }, now }))),
    );
    expect(outcomes.sort()).toEqual(['ok', 'ok', 'ok', 'takeawayLimit', 'takeawayLimit']);
  });

  it('lets the partner confirm from their own card, and confirming twice changes nothing', async () => {
    const { pair, mentor, mentee } = await people();
    const session = await aSession(db(), tenant, { pairId: pair.id });
    const proposed = await takeawayProposer({ db: db(), actor: mentee, pairId: pair.id, input: { text: 'Ask before deciding', sessionId: session.id }, now });
    const first = await takeawayConfirmer({ db: db(), actor: mentor, pairId: pair.id, takeawayId: proposed.id, now });
    const second = await takeawayConfirmer({ db: db(), actor: mentor, pairId: pair.id, takeawayId: proposed.id, now: new Date('2026-03-11T00:00:00Z') });
    expect(second).toEqual(first);
    expect(await codeOf(takeawayConfirmer({ db: db(), actor: mentee, pairId: pair.id, takeawayId: proposed.id, now }))).toBe('notYourRole');
  });

  it('treats an admin as a stranger to every pair, for reads and writes alike', async () => {
    const { pair } = await people();
    const admin = aCaller(tenant, 'an-admin', { admin: true });
    expect(await codeOf(workspaceReader({ db: db(), actor: admin, pairId: pair.id, now }))).toBe('notFound');
    expect(await codeOf(reflectionWriter({ db: db(), actor: admin, pairId: pair.id, input: { text: 'x' }, now }))).toBe('notFound');
  });

  it('keeps an ended pair readable but unchangeable', async () => {
    const { pair, mentor, mentee } = await people('ended');
    expect(await codeOf(agendaItemAdder({ db: db(), actor: mentee, pairId: pair.id, input: { text: 'x' }, now }))).toBe('pairEnded');
    expect(await codeOf(agendaItemSuggester({ db: db(), actor: mentor, pairId: pair.id, input: { text: 'x' }, now }))).toBe('pairEnded');
    expect(await codeOf(charterSigner({ db: db(), actor: mentee, pairId: pair.id, now }))).toBe('pairEnded');
    const workspace = await workspaceReader({ db: db(), actor: mentee, pairId: pair.id, now });
    expect(workspace.timeline.phase).toBe('finished');
    expect(Object.values(workspace.abilities).every((a) => a === false)).toBe(true);
  });

  it('raises a concern about a programme only for its participants, and lets only admins move it', async () => {
    const { pair, mentee } = await people();
    const concern = await concernRaiser({ db: db(), actor: mentee, input: { programmeId: pair.programme_id, text: 'Worried about workload.' }, now });
    expect(concern).toMatchObject({ programme_id: pair.programme_id, pair_id: null, kind: 'concern' });
    const outsider = aCaller(tenant, 'not-enrolled');
    expect(await codeOf(concernRaiser({ db: db(), actor: outsider, input: { programmeId: pair.programme_id, text: 'x' }, now }))).toBe('notFound');
    expect(await codeOf(concernChanger({ db: db(), actor: mentee, concernId: concern.id, input: { status: 'closed' }, now }))).toBe('forbidden');
  });
});
