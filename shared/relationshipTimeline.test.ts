import { relationshipTimeline } from './relationshipTimeline';

const programme = { programmeStartsOn: '2026-01-05', programmeEndsOn: '2026-10-05', relationshipMonths: 6, endedAt: null };

describe('relationshipTimeline', () => {
  it('has not started before both signed the charter', () => {
    const t = relationshipTimeline({ ...programme, startedAt: null, now: '2026-02-01T00:00:00Z' });
    expect(t).toMatchObject({ phase: 'not-started', relationshipEndsAt: null, currentMonth: null, progress: 0 });
  });

  it('ends the relationship the configured number of months after it started', () => {
    const t = relationshipTimeline({ ...programme, startedAt: '2026-01-31T09:00:00.000Z', now: '2026-02-15T00:00:00Z' });
    expect(t.relationshipEndsAt).toBe('2026-07-31T09:00:00.000Z');
    expect(t.phase).toBe('running');
    expect(t.currentMonth).toBe(1);
  });

  it('counts the month we are in and the share elapsed', () => {
    const t = relationshipTimeline({ ...programme, startedAt: '2026-01-01T00:00:00Z', now: '2026-04-02T00:00:00Z' });
    expect(t.currentMonth).toBe(4);
    expect(t.progress).toBeGreaterThan(0.5);
    expect(t.progress).toBeLessThan(0.55);
  });

  it('is finished after its end, and when the pair ended early', () => {
    expect(relationshipTimeline({ ...programme, startedAt: '2026-01-01T00:00:00Z', now: '2026-08-01T00:00:00Z' })).toMatchObject({
      phase: 'finished',
      currentMonth: null,
      progress: 1,
    });
    const early = relationshipTimeline({ ...programme, startedAt: '2026-01-01T00:00:00Z', endedAt: '2026-02-01T00:00:00Z', now: '2026-03-01T00:00:00Z' });
    expect(early.phase).toBe('finished');
    expect(early.progress).toBeLessThan(0.2);
  });
});
