import { pairHealth, type PairHealthInput } from './pairHealth';

const active: PairHealthInput = {
  status: 'active',
  proposedAt: '2026-01-10T09:00:00Z',
  startedAt: '2026-02-01T09:00:00Z',
  programmeStartsOn: '2026-01-05',
  cadenceDays: 14,
  lastSessionAt: '2026-03-01T10:00:00Z',
  nextSessionAt: null,
  ineligible: false,
  repairRequested: false,
  now: '2026-03-20T10:00:00Z',
};

describe('pair health flags', () => {
  it('flags an active pair only once the cadence plus a week has passed without a session, and not when one is booked', () => {
    expect(pairHealth({ ...active, now: '2026-03-22T10:00:00Z' })).toEqual([]);
    expect(pairHealth({ ...active, now: '2026-03-22T10:00:01Z' })).toEqual(['no-recent-session']);
    expect(pairHealth({ ...active, now: '2026-04-20T10:00:00Z', nextSessionAt: '2026-04-22T10:00:00Z' })).toEqual([]);
    // Without any session, the clock runs from the start; a paused pair is not expected to meet.
    expect(pairHealth({ ...active, lastSessionAt: null, now: '2026-02-23T09:00:00Z' })).toEqual(['no-recent-session']);
    expect(pairHealth({ ...active, status: 'paused', now: '2026-06-01T00:00:00Z' })).toEqual([]);
  });

  it('flags a reorganisation only while the pair is live, and an open re-pair request whatever the status', () => {
    expect(pairHealth({ ...active, ineligible: true })).toEqual(['ineligible']);
    expect(pairHealth({ ...active, status: 'ended', ineligible: true })).toEqual([]);
    expect(pairHealth({ ...active, status: 'ended', repairRequested: true })).toEqual(['repair-requested']);
  });

  it('flags a charter still unsigned two weeks after the later of the programme start and the proposal', () => {
    const accepted = { ...active, status: 'accepted' as const, startedAt: null, lastSessionAt: null };
    expect(pairHealth({ ...accepted, now: '2026-01-24T09:00:00Z' })).toEqual([]);
    expect(pairHealth({ ...accepted, now: '2026-01-24T09:00:01Z' })).toEqual(['charter-stalled']);
    expect(pairHealth({ ...accepted, status: 'proposed', programmeStartsOn: '2026-02-01', now: '2026-02-14T00:00:00Z' })).toEqual([]);
    expect(pairHealth({ ...accepted, status: 'proposed', programmeStartsOn: '2026-02-01', now: '2026-02-15T00:00:01Z' })).toEqual(['charter-stalled']);
  });
});
