import { loadModule, parseSync } from 'libpg-query';
import { crossTenantJobs } from '../../server/store/tenantScope';

/*
 * Reads one SQL statement with Postgres's own parser (libpg-query) and names every reference to a
 * tenant table that is not held to one tenant: a SELECT, UPDATE or DELETE whose tenant table is
 * not constrained by `tenant_id = <value>` (or by `tenant_id` equal to that of a row already
 * constrained), and an INSERT that does not supply `tenant_id`. A constraint only counts where it
 * always holds: a conjunct of the WHERE clause or of an inner join's ON, never inside an OR, and
 * in an outer join's ON only for the side the join may leave empty. A statement that ends with
 * the marker of a named cross-tenant job (acrossTenants) is that job's to send, and passes.
 */

type Json = Record<string, unknown>;

interface Relation {
  alias: string;
  /** The tenant table behind the alias; null for other tables, CTEs, subqueries and functions. */
  tenantTable: string | null;
}

interface Scope {
  relations: Relation[];
  constrained: Set<string>;
  ctes: Set<string>;
  outer: Scope | null;
}

/** A condition and the aliases it may constrain (all of them, or one side of an outer join). */
interface Conjunct {
  expr: unknown;
  constrains: ReadonlySet<string> | 'all';
}

type Operand = { kind: 'value' } | { kind: 'tenant'; scope: Scope; alias: string } | null;

/** The parser is WebAssembly: load it once before checking. */
export async function loadSqlParser(): Promise<void> {
  await loadModule();
}

/** Each unconstrained tenant-table reference in the statement, described; empty when it is scoped. */
export function tenantScopeViolations(sqlText: string, tenantTables: ReadonlySet<string>): string[] {
  const job = /\/\* across tenants: ([^*]*) \*\/\s*$/.exec(sqlText)?.[1];
  if (job !== undefined) return (crossTenantJobs as readonly string[]).includes(job) ? [] : [`"${job}" is not a named cross-tenant job`];
  const violations: string[] = [];
  const parsed = parseSync(sqlText) as unknown as { stmts?: { stmt: unknown }[] };
  for (const { stmt } of parsed.stmts ?? []) walk(stmt, null, { tenantTables, violations });
  return violations;
}

interface Context {
  tenantTables: ReadonlySet<string>;
  violations: string[];
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Finds the statements nested anywhere in a node, each checked in the scope that encloses it. */
function walk(node: unknown, scope: Scope | null, context: Context): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, scope, context);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'SelectStmt' && isObject(value)) checkSelect(value, scope, context);
    else if (key === 'UpdateStmt' && isObject(value)) checkTargeted(value, 'fromClause', scope, context);
    else if (key === 'DeleteStmt' && isObject(value)) checkTargeted(value, 'usingClause', scope, context);
    else if (key === 'InsertStmt' && isObject(value)) checkInsert(value, scope, context);
    else walk(value, scope, context);
  }
}

function checkSelect(select: Json, outer: Scope | null, context: Context): void {
  const ctes = checkWith(select.withClause, outer, context);
  if (select.op !== undefined && select.op !== 'SETOP_NONE') {
    for (const side of [select.larg, select.rarg]) if (isObject(side)) checkSelect(side, withCtes(outer, ctes), context);
    return;
  }
  const scope = newScope(outer, ctes);
  const conjuncts: Conjunct[] = [];
  for (const item of asArray(select.fromClause)) addFromItem(item, scope, conjuncts, context);
  conjuncts.push(...split(select.whereClause, 'all'));
  settle(scope, conjuncts, context);
  walk(omit(select, ['withClause']), scope, context);
}

/** UPDATE and DELETE: the target table plus those of FROM (update) or USING (delete). */
function checkTargeted(statement: Json, extraFrom: 'fromClause' | 'usingClause', outer: Scope | null, context: Context): void {
  const ctes = checkWith(statement.withClause, outer, context);
  const scope = newScope(outer, ctes);
  const conjuncts: Conjunct[] = [];
  addFromItem({ RangeVar: statement.relation }, scope, conjuncts, context);
  for (const item of asArray(statement[extraFrom])) addFromItem(item, scope, conjuncts, context);
  conjuncts.push(...split(statement.whereClause, 'all'));
  settle(scope, conjuncts, context);
  walk(omit(statement, ['withClause', 'relation']), scope, context);
}

function checkInsert(insert: Json, outer: Scope | null, context: Context): void {
  const ctes = checkWith(insert.withClause, outer, context);
  const relation = isObject(insert.relation) ? insert.relation : {};
  const table = String(relation.relname);
  const columns = asArray(insert.cols).map((col) => (isObject(col) && isObject(col.ResTarget) ? col.ResTarget.name : undefined));
  if (context.tenantTables.has(table) && !ctes.has(table) && !columns.includes('tenant_id')) {
    context.violations.push(`insert into ${table} does not supply tenant_id`);
  }
  walk(omit(insert, ['withClause', 'relation']), withCtes(outer, ctes), context);
}

/** Checks each CTE's body and returns the names the statement may then read as tables. */
function checkWith(withClause: unknown, outer: Scope | null, context: Context): Set<string> {
  const names = new Set<string>();
  if (!isObject(withClause)) return names;
  for (const cte of asArray(withClause.ctes)) {
    const body = isObject(cte) && isObject(cte.CommonTableExpr) ? cte.CommonTableExpr : null;
    if (!body) continue;
    // A recursive CTE may read itself, so its name is known before its body is checked.
    if (withClause.recursive) names.add(String(body.ctename));
    walk(body.ctequery, withCtes(outer, names), context);
    names.add(String(body.ctename));
  }
  return names;
}

function newScope(outer: Scope | null, ctes: Set<string>): Scope {
  return { relations: [], constrained: new Set(), ctes: new Set([...ctes, ...(outer?.ctes ?? [])]), outer };
}

/** A scope with no relations of its own, so that a statement under a WITH sees the CTE names. */
function withCtes(outer: Scope | null, ctes: Set<string>): Scope | null {
  return ctes.size === 0 ? outer : { ...newScope(outer, ctes), relations: [] };
}

function addFromItem(item: unknown, scope: Scope, conjuncts: Conjunct[], context: Context): Relation[] {
  if (!isObject(item)) return [];
  if (isObject(item.RangeVar)) {
    const relname = String(item.RangeVar.relname);
    const alias = isObject(item.RangeVar.alias) ? String(item.RangeVar.alias.aliasname) : relname;
    const isTenantTable = context.tenantTables.has(relname) && !(item.RangeVar.schemaname === undefined && scope.ctes.has(relname));
    const relation = { alias, tenantTable: isTenantTable ? relname : null };
    scope.relations.push(relation);
    return [relation];
  }
  if (isObject(item.JoinExpr)) {
    const join = item.JoinExpr;
    const left = addFromItem(join.larg, scope, conjuncts, context);
    const right = addFromItem(join.rarg, scope, conjuncts, context);
    const nullable = join.jointype === 'JOIN_LEFT' ? right : join.jointype === 'JOIN_RIGHT' ? left : join.jointype === 'JOIN_FULL' ? [] : null;
    const constrains = nullable === null ? 'all' : new Set(nullable.map((r) => r.alias));
    conjuncts.push(...split(join.quals, constrains));
    if (asArray(join.usingClause).some((name) => isObject(name) && isObject(name.String) && name.String.sval === 'tenant_id')) {
      for (const l of left) for (const r of right) conjuncts.push({ expr: equality(l.alias, r.alias), constrains });
    }
    return [...left, ...right];
  }
  for (const kind of ['RangeSubselect', 'RangeFunction']) {
    const node = item[kind];
    if (isObject(node)) {
      const relation = { alias: isObject(node.alias) ? String(node.alias.aliasname) : kind, tenantTable: null };
      scope.relations.push(relation);
      return [relation];
    }
  }
  return [];
}

/** `left.tenant_id = right.tenant_id`, as the parser would give it, for JOIN ... USING (tenant_id). */
function equality(left: string, right: string): Json {
  const column = (alias: string) => ({ ColumnRef: { fields: [{ String: { sval: alias } }, { String: { sval: 'tenant_id' } }] } });
  return { A_Expr: { kind: 'AEXPR_OP', name: [{ String: { sval: '=' } }], lexpr: column(left), rexpr: column(right) } };
}

/** The conjuncts of a condition: ANDs are split, anything else (OR, NOT, CASE) stays whole. */
function split(expr: unknown, constrains: Conjunct['constrains']): Conjunct[] {
  if (!isObject(expr)) return [];
  if (isObject(expr.BoolExpr) && expr.BoolExpr.boolop === 'AND_EXPR') return asArray(expr.BoolExpr.args).flatMap((arg) => split(arg, constrains));
  return [{ expr, constrains }];
}

/** Marks the constrained relations (to a fixed point, as constraints pass along joins) and reports the rest. */
function settle(scope: Scope, conjuncts: Conjunct[], context: Context): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const conjunct of conjuncts) {
      for (const alias of newlyConstrained(conjunct, scope)) {
        scope.constrained.add(alias);
        changed = true;
      }
    }
  }
  for (const relation of scope.relations) {
    if (relation.tenantTable && !scope.constrained.has(relation.alias)) {
      const named = relation.alias === relation.tenantTable ? relation.tenantTable : `${relation.tenantTable} (as ${relation.alias})`;
      context.violations.push(`${named} is not constrained by tenant_id`);
    }
  }
}

function newlyConstrained({ expr, constrains }: Conjunct, scope: Scope): string[] {
  if (!isObject(expr) || !isObject(expr.A_Expr)) return [];
  const { kind, name, lexpr, rexpr } = expr.A_Expr;
  const operator = asArray(name).map((part) => (isObject(part) && isObject(part.String) ? part.String.sval : '')).join('.');
  if (operator !== '=') return [];
  const canConstrain = (operand: Operand): operand is { kind: 'tenant'; scope: Scope; alias: string } =>
    operand?.kind === 'tenant' && operand.scope === scope && !scope.constrained.has(operand.alias) && (constrains === 'all' || constrains.has(operand.alias));
  const isFixed = (operand: Operand) => operand?.kind === 'value' || (operand?.kind === 'tenant' && operand.scope.constrained.has(operand.alias));
  const left = operandOf(lexpr, scope);
  if (kind === 'AEXPR_IN') {
    const values = isObject(rexpr) && isObject(rexpr.List) ? asArray(rexpr.List.items) : [];
    return canConstrain(left) && values.length > 0 && values.every((v) => operandOf(v, scope)?.kind === 'value') ? [left.alias] : [];
  }
  if (kind !== 'AEXPR_OP') return [];
  const right = operandOf(rexpr, scope);
  if (canConstrain(left) && isFixed(right)) return [left.alias];
  if (canConstrain(right) && isFixed(left)) return [right.alias];
  return [];
}

/** A bound parameter or literal, a relation's tenant_id (resolved through the enclosing scopes), or anything else. */
function operandOf(expr: unknown, scope: Scope): Operand {
  if (!isObject(expr)) return null;
  if (isObject(expr.TypeCast)) return operandOf(expr.TypeCast.arg, scope);
  if (isObject(expr.ParamRef) || isObject(expr.A_Const)) return { kind: 'value' };
  if (!isObject(expr.ColumnRef)) return null;
  const fields = asArray(expr.ColumnRef.fields).map((f) => (isObject(f) && isObject(f.String) ? String(f.String.sval) : '*'));
  if (fields.at(-1) !== 'tenant_id') return null;
  const qualifier = fields.at(-2);
  for (let current: Scope | null = scope; current; current = current.outer) {
    const candidates = qualifier === undefined ? current.relations.filter((r) => r.tenantTable) : current.relations.filter((r) => r.alias === qualifier);
    if (candidates.length === 1) return { kind: 'tenant', scope: current, alias: candidates[0]!.alias };
    if (candidates.length > 1) return null;
  }
  return null;
}

function omit(node: Json, keys: readonly string[]): Json {
  return Object.fromEntries(Object.entries(node).filter(([key]) => !keys.includes(key)));
}
