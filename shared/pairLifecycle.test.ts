import { transitionPair, type PairEvent, type PairRefusal, type PairState } from './pairLifecycle';

const proposed: PairState = { status: 'proposed', mentorAccepted: false, menteeAccepted: false, endReason: null };

function run(state: PairState, ...events: PairEvent[]): PairState {
  return events.reduce((s, e) => {
    const t = transitionPair(s, e);
    if (!t.ok) throw new Error(t.refusal);
    return t.state;
  }, state);
}

describe('transitionPair', () => {
  it('becomes accepted only when both people accept, in either order', () => {
    const one = run(proposed, { kind: 'accept', by: 'mentee' });
    expect(one.status).toBe('proposed');
    expect(run(one, { kind: 'accept', by: 'mentor' }).status).toBe('accepted');
    expect(run(proposed, { kind: 'accept', by: 'mentor' }, { kind: 'accept', by: 'mentor' }).status).toBe('proposed');
  });

  it('starts the relationship when both have signed the charter, and pauses and resumes it', () => {
    const active = run(proposed, { kind: 'accept', by: 'mentor' }, { kind: 'accept', by: 'mentee' }, { kind: 'charter-signed-by-both' });
    expect(active.status).toBe('active');
    expect(run(active, { kind: 'pause' }, { kind: 'resume' }).status).toBe('active');
  });

  it('ends a proposal that either person declines', () => {
    expect(run(proposed, { kind: 'decline', by: 'mentor' })).toMatchObject({ status: 'ended', endReason: 'declined' });
  });

  it('ends an active pair with a no-fault re-pair', () => {
    const active = run(proposed, { kind: 'accept', by: 'mentor' }, { kind: 'accept', by: 'mentee' }, { kind: 'charter-signed-by-both' });
    expect(run(active, { kind: 'end', reason: 'no-fault-repair' })).toMatchObject({ status: 'ended', endReason: 'no-fault-repair' });
  });

  it.each<[string, PairState, PairEvent, PairRefusal]>([
    ['accepting an active pair', { ...proposed, status: 'active' }, { kind: 'accept', by: 'mentor' }, 'acceptNotProposed'],
    ['declining an active pair', { ...proposed, status: 'active' }, { kind: 'decline', by: 'mentee' }, 'declineNotProposed'],
    ['starting before both accepted', proposed, { kind: 'charter-signed-by-both' }, 'charterNotAccepted'],
    ['pausing a proposal', proposed, { kind: 'pause' }, 'pauseNotActive'],
    ['resuming an active pair', { ...proposed, status: 'active' }, { kind: 'resume' }, 'resumeNotPaused'],
    ['ending a proposal', proposed, { kind: 'end', reason: 'completed' }, 'endProposed'],
    ['anything after the end', { ...proposed, status: 'ended' }, { kind: 'resume' }, 'ended'],
  ])('rejects %s, saying why as a code', (_name, state, event, refusal) => {
    expect(transitionPair(state, event)).toEqual({ ok: false, refusal });
  });
});
