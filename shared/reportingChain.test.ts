import { buildReportingChain, isInChainOf } from './reportingChain';

const lookup = (managers: Record<string, string | null>) => (id: string) => managers[id];

describe('buildReportingChain', () => {
  it('lists managers nearest first up to the top of the organisation', () => {
    const chain = buildReportingChain('dev', lookup({ dev: 'lead', lead: 'vp', vp: 'ceo', ceo: null }));
    expect(chain).toEqual({ userId: 'dev', managerIds: ['lead', 'vp', 'ceo'], cycle: false });
  });

  it('ends the chain where a manager is missing from the directory', () => {
    const chain = buildReportingChain('dev', lookup({ dev: 'lead' }));
    expect(chain.managerIds).toEqual(['lead']);
    expect(chain.cycle).toBe(false);
  });

  it('gives an empty chain to a person without a manager', () => {
    expect(buildReportingChain('ceo', lookup({ ceo: null })).managerIds).toEqual([]);
  });

  it('cuts a manager cycle where it repeats and flags it', () => {
    const chain = buildReportingChain('a', lookup({ a: 'b', b: 'c', c: 'a' }));
    expect(chain).toEqual({ userId: 'a', managerIds: ['b', 'c'], cycle: true });
    const selfManaged = buildReportingChain('x', lookup({ x: 'x' }));
    expect(selfManaged).toEqual({ userId: 'x', managerIds: [], cycle: true });
  });

  it('follows a chain deeper than 20 levels to its top', () => {
    const managers: Record<string, string | null> = { m0: null };
    for (let i = 1; i <= 30; i++) managers[`m${i}`] = `m${i - 1}`;
    const chain = buildReportingChain('m30', lookup(managers));
    expect(chain.managerIds).toHaveLength(30);
    expect(isInChainOf(chain, 'm0')).toBe(true);
  });
});
