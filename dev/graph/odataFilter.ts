import { GraphError } from './graphError';

/** A parsed `$filter`: a predicate over a flat record of property paths to values. */
export type FilterPredicate = (read: (path: string) => unknown) => boolean;

type Token = { kind: 'word' | 'string' | 'punct'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw unsupported('an unterminated string');
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else value += text[i++];
      }
      tokens.push({ kind: 'string', value });
    } else if ('(),'.includes(c)) {
      tokens.push({ kind: 'punct', value: c });
      i++;
    } else {
      const match = /^[A-Za-z0-9_./:@-]+/.exec(text.slice(i));
      if (!match) throw unsupported(`the character '${c}'`);
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

function unsupported(what: string): GraphError {
  return new GraphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified: ${what}.`);
}

function literal(token: Token | undefined): unknown {
  if (!token) throw unsupported('a missing value');
  if (token.kind === 'string') return token.value;
  if (token.value === 'true') return true;
  if (token.value === 'false') return false;
  if (token.value === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(token.value)) return Number(token.value);
  throw unsupported(`the value '${token.value}'`);
}

const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

/**
 * Entra ID evaluates an `or` chain (and each `in` list, which is one) as a search filter with at
 * most 15 child clauses, unless the request is an advanced query (`ConsistencyLevel: eventual`).
 * Graph's own words: "Too many child clauses specified in search filter expression containing
 * 'OR' operators: 16. Max allowed: 15" (microsoftgraph/microsoft-graph-docs#21098, and
 * https://learn.microsoft.com/graph/filter-query-parameter: "15 items by default").
 */
export const MAX_OR_CLAUSES = 15;

/** Operators and properties Entra ID filters on only in an advanced query (https://learn.microsoft.com/graph/aad-advanced-queries). */
const ADVANCED_ONLY_OPERATORS = new Set(['ne', 'not', 'endswith']);
const ADVANCED_ONLY_PROPERTY = /^onPremisesExtensionAttributes\//;

export interface FilterOptions {
  /** The request is an advanced query: `ConsistencyLevel: eventual` and `$count=true`. */
  advanced?: boolean;
}

/** A parsed part of a filter and how many `or` clauses it adds to the chain it stands in. */
interface Part {
  test: FilterPredicate;
  clauses: number;
}

/**
 * Parses the `$filter` subset Upward and its tests use on directory objects: `eq`, `ne`, `ge`,
 * `le`, `startswith(...)`, `in (...)`, combined with `and`, `or` and parentheses. String
 * comparisons are case-insensitive, as in Entra ID. Properties are checked against `filterable`.
 */
export function parseFilter(text: string, filterable: ReadonlySet<string>, options: FilterOptions = {}): FilterPredicate {
  const advanced = options.advanced ?? false;
  const tokens = tokenize(text);
  const needsAdvanced = (what: string) => {
    if (!advanced) throw unsupported(`${what} needs an advanced query (ConsistencyLevel: eventual and $count=true)`);
  };
  const checkClauses = (count: number) => {
    if (!advanced && count > MAX_OR_CLAUSES) {
      throw new GraphError(400, 'Request_UnsupportedQuery', `Too many child clauses specified in search filter expression containing 'OR' operators: ${count}. Max allowed: ${MAX_OR_CLAUSES}.`);
    }
  };
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++];
  const expect = (value: string) => {
    const t = take();
    if (t?.value !== value) throw unsupported(`'${value}' expected`);
  };
  const property = (): string => {
    const t = take();
    if (t?.kind !== 'word') throw unsupported('a property name expected');
    if (!filterable.has(t.value)) throw unsupported(`the property '${t.value}' is not filterable here`);
    if (ADVANCED_ONLY_PROPERTY.test(t.value)) needsAdvanced(`filtering on '${t.value}'`);
    return t.value;
  };

  function primary(): Part {
    const t = peek();
    if (t?.value === '(') {
      take();
      const inner = orExpr();
      expect(')');
      return inner;
    }
    if (t?.kind === 'word' && t.value.toLowerCase() === 'startswith') {
      take();
      expect('(');
      const path = property();
      expect(',');
      const prefix = literal(take());
      expect(')');
      if (typeof prefix !== 'string') throw unsupported('startswith needs a string');
      return {
        clauses: 1,
        test: (read) => {
          const v = read(path);
          return typeof v === 'string' && v.toLowerCase().startsWith(prefix.toLowerCase());
        },
      };
    }
    if (t?.kind === 'word' && ADVANCED_ONLY_OPERATORS.has(t.value.toLowerCase())) needsAdvanced(`'${t.value}'`);
    const path = property();
    const op = take()?.value.toLowerCase();
    if (op === 'in') {
      expect('(');
      const values: unknown[] = [];
      for (;;) {
        values.push(norm(literal(take())));
        const sep = take()?.value;
        if (sep === ')') break;
        if (sep !== ',') throw unsupported("',' or ')' expected");
      }
      checkClauses(values.length);
      return { clauses: values.length, test: (read) => values.includes(norm(read(path))) };
    }
    const value = norm(literal(take()));
    const compare = (test: FilterPredicate): Part => ({ clauses: 1, test });
    switch (op) {
      case 'eq':
        return compare((read) => norm(read(path) ?? null) === value);
      case 'ne':
        needsAdvanced("'ne'");
        return compare((read) => norm(read(path) ?? null) !== value);
      case 'ge':
        return compare((read) => String(norm(read(path)) ?? '') >= String(value));
      case 'le':
        return compare((read) => String(norm(read(path)) ?? '') <= String(value));
      default:
        throw unsupported(`the operator '${op ?? ''}'`);
    }
  }

  /** An `and` group is one clause of the `or` chain around it. */
  function andExpr(): Part {
    let left = primary();
    while (peek()?.value.toLowerCase() === 'and') {
      take();
      const l = left.test;
      const r = primary().test;
      left = { clauses: 1, test: (read) => l(read) && r(read) };
    }
    return left;
  }

  function orExpr(): Part {
    let left = andExpr();
    while (peek()?.value.toLowerCase() === 'or') {
      take();
      const l = left.test;
      const right = andExpr();
      const r = right.test;
      left = { clauses: left.clauses + right.clauses, test: (read) => l(read) || r(read) };
      checkClauses(left.clauses);
    }
    return left;
  }

  const { test } = orExpr();
  if (pos !== tokens.length) throw unsupported(`unexpected '${tokens[pos]!.value}'`);
  return test;
}
