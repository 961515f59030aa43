import { seniorityOf } from './seniority';

const chain = (depth: number, cycle = false) => ({
  userId: 'p',
  managerIds: Array.from({ length: depth }, (_, i) => `m${i}`),
  cycle,
});

describe('seniorityOf', () => {
  it('ranks fewer managers above you as more senior by default', () => {
    const ceo = seniorityOf({ chain: chain(0) }, { kind: 'chain-depth' });
    const analyst = seniorityOf({ chain: chain(6) }, { kind: 'chain-depth' });
    expect(ceo).not.toBeNull();
    expect(ceo!).toBeGreaterThan(analyst!);
    expect(ceo! - analyst!).toBe(6);
  });

  it('refuses to guess depth from a chain cut by a cycle', () => {
    expect(seniorityOf({ chain: chain(2, true) }, { kind: 'chain-depth' })).toBeNull();
  });

  it('reads a numeric grade from a directory attribute', () => {
    const source = { kind: 'directory-attribute', attribute: 'extensionAttribute1' } as const;
    expect(seniorityOf({ chain: chain(3), attributes: { extensionAttribute1: ' 12 ' } }, source)).toBe(12);
    expect(seniorityOf({ chain: chain(3), attributes: { extensionAttribute1: 'senior' } }, source)).toBeNull();
    expect(seniorityOf({ chain: chain(3), attributes: {} }, source)).toBeNull();
    expect(seniorityOf({ chain: chain(3) }, source)).toBeNull();
  });
});
