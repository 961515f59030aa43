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
 * Parses the `$filter` subset Upward and its tests use on directory objects: `eq`, `ne`, `ge`,
 * `le`, `startswith(...)`, `in (...)`, combined with `and`, `or` and parentheses. String
 * comparisons are case-insensitive, as in Entra ID. Properties are checked against `filterable`.
 */
export function parseFilter(text: string, filterable: ReadonlySet<string>): FilterPredicate {
  const tokens = tokenize(text);
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
    return t.value;
  };

  function primary(): FilterPredicate {
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
      return (read) => {
        const v = read(path);
        return typeof v === 'string' && v.toLowerCase().startsWith(prefix.toLowerCase());
      };
    }
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
      return (read) => values.includes(norm(read(path)));
    }
    const value = norm(literal(take()));
    switch (op) {
      case 'eq':
        return (read) => norm(read(path) ?? null) === value;
      case 'ne':
        return (read) => norm(read(path) ?? null) !== value;
      case 'ge':
        return (read) => String(norm(read(path)) ?? '') >= String(value);
      case 'le':
        return (read) => String(norm(read(path)) ?? '') <= String(value);
      default:
        throw unsupported(`the operator '${op ?? ''}'`);
    }
  }

  function andExpr(): FilterPredicate {
    let left = primary();
    while (peek()?.value.toLowerCase() === 'and') {
      take();
      const l = left;
      const r = primary();
      left = (read) => l(read) && r(read);
    }
    return left;
  }

  function orExpr(): FilterPredicate {
    let left = andExpr();
    while (peek()?.value.toLowerCase() === 'or') {
      take();
      const l = left;
      const r = andExpr();
      left = (read) => l(read) || r(read);
    }
    return left;
  }

  const predicate = orExpr();
  if (pos !== tokens.length) throw unsupported(`unexpected '${tokens[pos]!.value}'`);
  return predicate;
}
