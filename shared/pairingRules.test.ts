import { buildReportingChain } from './reportingChain';
import { canPair, pairKey, type PairCandidate, type PairingPolicy } from './pairingRules';
import type { ReportingChain } from './glossary';

// ceo -> vpA -> leadA -> devA1, devA2 ; ceo -> vpB -> leadB -> devB ; orphan has no manager
const managers: Record<string, string | null> = {
  ceo: null,
  vpA: 'ceo',
  vpB: 'ceo',
  leadA: 'vpA',
  leadB: 'vpB',
  devA1: 'leadA',
  devA2: 'leadA',
  devB: 'leadB',
  orphan: null,
  loopX: 'loopY',
  loopY: 'loopX',
};
const chains = new Map<string, ReportingChain>(
  Object.keys(managers).map((id) => [id, buildReportingChain(id, (m) => managers[m])]),
);
const lookup = (id: string) => chains.get(id);
const policy: PairingPolicy = { minSeniorityGap: 1, earlierPairs: new Set(), adminBlocks: new Set() };

function person(userId: string, role: PairCandidate['role'], seniority: number | null = null): PairCandidate {
  const chain = chains.get(userId);
  return { userId, role, seniority: seniority ?? (chain ? -chain.managerIds.length : null) };
}

const codes = (verdict: ReturnType<typeof canPair>) => (verdict.allowed ? [] : verdict.reasons.map((r) => r.code));

describe('canPair', () => {
  it('allows a junior mentor and a senior mentee from different branches', () => {
    expect(canPair(person('devB', 'mentor'), person('vpA', 'mentee'), lookup, policy)).toEqual({ allowed: true });
  });

  it('blocks a mentor anywhere below the mentee in the management chain', () => {
    expect(codes(canPair(person('devA1', 'mentor'), person('vpA', 'mentee'), lookup, policy))).toContain('same-chain');
    expect(codes(canPair(person('devA1', 'mentor'), person('ceo', 'mentee'), lookup, policy))).toContain('same-chain');
  });

  it('blocks a mentee below the mentor in the chain as well (the other direction)', () => {
    const verdict = canPair(person('vpA', 'mentor', 1), person('devA1', 'mentee', 5), lookup, policy);
    expect(codes(verdict)).toEqual(['same-chain']);
  });

  it('blocks two people with the same direct manager', () => {
    const verdict = canPair(person('devA1', 'mentor', 1), person('devA2', 'mentee', 3), lookup, policy);
    expect(codes(verdict)).toEqual(['same-manager']);
  });

  it('does not treat two people without managers as sharing one', () => {
    const verdict = canPair(person('orphan', 'mentor', 1), person('ceo', 'mentee', 5), lookup, policy);
    expect(verdict).toEqual({ allowed: true });
  });

  it('blocks when the seniority gap is smaller than the programme asks', () => {
    const strict = { ...policy, minSeniorityGap: 3 };
    expect(codes(canPair(person('devB', 'mentor'), person('leadA', 'mentee'), lookup, strict))).toEqual(['gap-too-small']);
  });

  it('blocks a mentor who is not junior to the mentee', () => {
    expect(codes(canPair(person('vpB', 'mentor'), person('devA1', 'mentee'), lookup, policy))).toEqual([
      'mentor-not-junior',
    ]);
    expect(codes(canPair(person('leadB', 'mentor'), person('leadA', 'mentee'), lookup, policy))).toEqual([
      'mentor-not-junior',
    ]);
  });

  it('blocks a pair that has already been made, in either order', () => {
    const earlier = { ...policy, earlierPairs: new Set([pairKey('vpA', 'devB')]) };
    expect(codes(canPair(person('devB', 'mentor'), person('vpA', 'mentee'), lookup, earlier))).toEqual([
      'already-paired',
    ]);
  });

  it('blocks a pair an admin has blocked', () => {
    const blocked = { ...policy, adminBlocks: new Set([pairKey('devB', 'vpA')]) };
    expect(codes(canPair(person('devB', 'mentor'), person('vpA', 'mentee'), lookup, blocked))).toEqual(['admin-block']);
  });

  it('refuses to pair when a reporting line is unknown (missing from the directory)', () => {
    expect(codes(canPair(person('ghost', 'mentor', 1), person('vpA', 'mentee'), lookup, policy))).toContain(
      'chain-unknown',
    );
  });

  it('refuses to guess seniority for a person caught in a manager cycle', () => {
    const loop = chains.get('loopX')!;
    expect(loop.cycle).toBe(true);
    const verdict = canPair({ userId: 'loopX', role: 'mentor', seniority: null }, person('vpA', 'mentee'), lookup, policy);
    expect(codes(verdict)).toEqual(['seniority-unknown']);
  });

  it('finds the chain relation across more than 20 levels', () => {
    const deep: Record<string, string | null> = { top: null };
    for (let i = 1; i <= 25; i++) deep[`d${i}`] = i === 1 ? 'top' : `d${i - 1}`;
    const deepChains = new Map(Object.keys(deep).map((id) => [id, buildReportingChain(id, (m) => deep[m])]));
    const verdict = canPair(
      { userId: 'd25', role: 'mentor', seniority: -25 },
      { userId: 'top', role: 'mentee', seniority: 0 },
      (id) => deepChains.get(id),
      policy,
    );
    expect(codes(verdict)).toEqual(['same-chain']);
  });

  it('blocks role mix-ups and self-pairing', () => {
    expect(codes(canPair(person('vpA', 'mentee'), person('devB', 'mentor'), lookup, policy))).toContain('role-mismatch');
    expect(codes(canPair(person('devB', 'mentor'), person('devB', 'mentee'), lookup, policy))).toEqual(['same-person']);
  });

  it('gives every reason at once and never names a manager', () => {
    const all = {
      minSeniorityGap: 1,
      earlierPairs: new Set([pairKey('devA1', 'devA2')]),
      adminBlocks: new Set([pairKey('devA1', 'devA2')]),
    };
    const verdict = canPair(person('devA1', 'mentor'), person('devA2', 'mentee'), lookup, all);
    expect(codes(verdict)).toEqual(['same-manager', 'mentor-not-junior', 'already-paired', 'admin-block']);
    if (!verdict.allowed) {
      for (const reason of verdict.reasons) expect(reason.message).not.toMatch(/leadA|vpA|ceo/);
    }
  });
});
