import { randomUUID } from 'node:crypto';
import { describeEachEngine } from '../../test/harness/databases';
import { json, reportStoredDataTo } from '../store/json';
import { domainEventOf, recordDomainEvent } from './domainEvents';

const warn = jest.fn();
beforeAll(() => reportStoredDataTo({ warn }));

describeEachEngine('domain events', (database) => {
  const tenantId = 'tenant-events';
  const at = new Date('2026-03-02T09:00:00Z');
  const rowOf = (subjectId: string) =>
    database().db.selectFrom('domain_events').select(['id', 'kind', 'subject_id', 'pair_id', 'programme_id', 'payload']).where('tenant_id', '=', tenantId).where('subject_id', '=', subjectId).executeTakeFirstOrThrow();

  it('records the pair and the programme an event concerns beside its subject, whatever the subject is', async () => {
    const [storyId, pairId, programmeId] = [randomUUID(), randomUUID(), randomUUID()];
    await recordDomainEvent(database().db, { tenantId, kind: 'story.published', subjectId: storyId, payload: { pairId, programmeId }, at });
    expect(await rowOf(storyId)).toMatchObject({ subject_id: storyId, pair_id: pairId, programme_id: programmeId });

    const proposed = randomUUID();
    await recordDomainEvent(database().db, { tenantId, kind: 'pair.proposed', subjectId: proposed, payload: { programmeId }, at });
    expect(await rowOf(proposed)).toMatchObject({ pair_id: proposed, programme_id: programmeId });

    const adjusted = randomUUID();
    await recordDomainEvent(database().db, { tenantId, kind: 'programme.adjusted', subjectId: adjusted, payload: { programmeId: adjusted, changed: ['settings.cadenceDays'] }, at });
    expect(await rowOf(adjusted)).toMatchObject({ pair_id: null, programme_id: adjusted });
  });

  it('reads a recorded event back into its kind’s type, and only the kinds asked for', async () => {
    const pairId = randomUUID();
    await recordDomainEvent(database().db, { tenantId, kind: 'story.drafted', subjectId: pairId, payload: { storyId: randomUUID(), by: 'mentee', version: 3 }, at });
    const row = await rowOf(pairId);
    const event = domainEventOf(row, ['story.drafted', 'pair.proposed']);
    expect(event?.kind === 'story.drafted' && event.payload).toMatchObject({ by: 'mentee', version: 3 });
    expect(domainEventOf(row, ['pair.proposed'])).toBeNull();
  });

  it('skips and logs a stored event whose payload no longer parses', async () => {
    const pairId = randomUUID();
    await database()
      .db.insertInto('domain_events')
      .values({ tenant_id: tenantId, id: randomUUID(), kind: 'praise.given', subject_id: pairId, pair_id: pairId, programme_id: null, payload: json({ praise: 'old shape' }), created_at: at })
      .execute();
    const row = await rowOf(pairId);
    warn.mockClear();
    expect(domainEventOf(row, ['praise.given'])).toBeNull();
    expect(warn).toHaveBeenCalledWith({ table: 'domain_events', column: 'payload', id: row.id, fields: ['praiseId'] }, expect.any(String));
  });
});
