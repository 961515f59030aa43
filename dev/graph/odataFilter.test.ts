import { GraphError } from './graphError';
import { parseFilter } from './odataFilter';

const filterable = new Set(['displayName', 'department', 'accountEnabled', 'onPremisesExtensionAttributes/extensionAttribute1', 'city']);
const person: Record<string, unknown> = {
  displayName: "Zoë O'Brien",
  department: 'Engineering',
  accountEnabled: true,
  'onPremisesExtensionAttributes/extensionAttribute1': '7',
  city: 'London',
};
const matches = (filter: string, advanced = true) => parseFilter(filter, filterable, { advanced })((path) => person[path]);
const values = (n: number) => Array.from({ length: n }, (_, i) => `'v${i}'`).join(',');

describe('parseFilter', () => {
  it('supports eq, ne, startswith and in, case-insensitively, with quoted apostrophes', () => {
    expect(matches("department eq 'engineering'")).toBe(true);
    expect(matches("department ne 'Engineering'")).toBe(false);
    expect(matches("startswith(displayName,'zoë o''b')")).toBe(true);
    expect(matches("city in ('Amsterdam', 'London')")).toBe(true);
    expect(matches('accountEnabled eq true')).toBe(true);
    expect(matches("onPremisesExtensionAttributes/extensionAttribute1 eq '7'")).toBe(true);
  });

  it('combines clauses with and, or and parentheses', () => {
    expect(matches("department eq 'Sales' or (city eq 'London' and accountEnabled eq true)")).toBe(true);
    expect(matches("department eq 'Sales' and city eq 'London'")).toBe(false);
  });

  it('refuses properties that are not filterable and unknown operators, as Graph does', () => {
    expect(() => matches("mail eq 'x'")).toThrow(GraphError);
    expect(() => matches("city gt 'x'")).toThrow(/Unsupported or invalid query filter/);
    expect(() => matches("city eq 'x' extra")).toThrow(GraphError);
  });

  it("refuses more than 15 child clauses in an or chain or in list outside an advanced query, in Graph's words", () => {
    expect(matches(`city in (${values(15)})`, false)).toBe(false);
    expect(() => matches(`city in (${values(16)})`, false)).toThrow("Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15.");
    expect(() => matches(`city in (${values(15)}) or department in (${values(15)})`, false)).toThrow(/containing 'OR' operators: 30/);
    expect(() => matches(`(city eq 'a' or city eq 'b') or department in (${values(14)})`, false)).toThrow(/: 16\./);
    expect(matches(`city in (${values(15)}) or department in (${values(15)})`, true)).toBe(false);
  });

  it('refuses ne and filters on extension attributes outside an advanced query, as Entra ID does', () => {
    expect(() => matches("department ne 'Sales'", false)).toThrow(/advanced query/);
    expect(() => matches("onPremisesExtensionAttributes/extensionAttribute1 eq '7'", false)).toThrow(/advanced query/);
    expect(matches("department eq 'Engineering'", false)).toBe(true);
  });
});
