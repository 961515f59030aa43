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
const matches = (filter: string) => parseFilter(filter, filterable)((path) => person[path]);

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
});
