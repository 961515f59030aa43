import {
  type DeleteQueryBuilder,
  DeleteQueryNode,
  type DeleteResult,
  InsertQueryNode,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  SelectModifierNode,
  type SelectQueryBuilder,
  SelectQueryNode,
  sql,
  type UnknownRow,
  type UpdateQueryBuilder,
  UpdateQueryNode,
  type UpdateResult,
} from 'kysely';
import type { Database } from './schema';

/*
 * Every Upward table carries tenant_id, first in every key (decision 0045). A statement against
 * one is either held to one tenant, through forTenant, or sent by one of the few background jobs
 * that scan every tenant, through acrossTenants, which names the job in the statement itself. The
 * statement-log test (test/tenancy) reads every statement the service sends and fails on any other.
 */

/** The tables that hold tenant rows: all of them. */
type TenantTable = { [T in keyof Database]: 'tenant_id' extends keyof Database[T] ? T : never }[keyof Database];

/** The background jobs that may read or write every tenant's rows in one statement. */
export const crossTenantJobs = ['job worker', 'reminder planner', 'notice planner', 'housekeeping planner', 'booking sweep', 'room check', 'retention planner', 'retention command', 'rate-limit cleanup', 'send pace cleanup'] as const;
export type CrossTenantJob = (typeof crossTenantJobs)[number];

/** The comment a cross-tenant statement ends with: in the statement log and in Postgres's own log. */
export function acrossTenantsMarker(job: CrossTenantJob): string {
  return `/* across tenants: ${job} */`;
}

/** The database as a named cross-tenant job uses it: every statement it sends says so. */
export function acrossTenants<D extends Kysely<Database>>(db: D, job: CrossTenantJob): D {
  return db.withPlugin(new MarkAcrossTenants(acrossTenantsMarker(job))) as D;
}

class MarkAcrossTenants implements KyselyPlugin {
  constructor(private readonly marker: string) {}

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const comment = RawNode.createWithSql(this.marker);
    if (SelectQueryNode.is(node)) return { ...node, endModifiers: [...(node.endModifiers ?? []), SelectModifierNode.createWithExpression(comment)] };
    if (UpdateQueryNode.is(node) || DeleteQueryNode.is(node) || InsertQueryNode.is(node)) return { ...node, endModifiers: [...(node.endModifiers ?? []), comment] };
    if (RawNode.is(node)) return { ...node, sqlFragments: [...node.sqlFragments.slice(0, -1), `${node.sqlFragments.at(-1) ?? ''} ${this.marker}`] };
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}

/** A tenant table, or one named by an alias (`'participants as p'`) for a query that joins it to itself or to a long name. */
type TenantTableExpression = TenantTable | `${TenantTable} as ${string}`;
type AliasOf<E> = E extends `${string} as ${infer A}` ? A : E;
type TableOf<E> = E extends `${infer T} as ${string}` ? T : E;
/** The tables a query from `E` sees, as Kysely's own `selectFrom` types them: every table, and the alias for its table. */
type FromOf<E extends TenantTableExpression> = { [C in keyof Database | AliasOf<E>]: C extends AliasOf<E> ? Database[TableOf<E> & keyof Database] : C extends keyof Database ? Database[C] : never };

type ScopedSelect<E extends TenantTableExpression> = E extends TenantTable ? SelectQueryBuilder<Database, E, object> : SelectQueryBuilder<FromOf<E>, AliasOf<E> & keyof FromOf<E>, object>;

/** `table.tenant_id = tenantId` (or `alias.tenant_id`), qualified so that joins keep it unambiguous. */
function sameTenant(table: TenantTableExpression, tenantId: string) {
  const name = table.includes(' as ') ? table.slice(table.indexOf(' as ') + 4) : table;
  return sql<boolean>`${sql.ref(`${name}.tenant_id`)} = ${tenantId}`;
}

/**
 * The database as one tenant's requests use it: reads, updates and deletes of a tenant table
 * start already held to the tenant, so a query cannot forget it. A read may name its table by an
 * alias (`selectFrom('participants as p')`), for joins of a table to itself. Joins add their own
 * tenant_id condition (`on p.tenant_id = m.tenant_id`), which the statement-log test checks too.
 */
export function forTenant(db: Kysely<Database>, tenantId: string) {
  return {
    tenantId,
    // Kysely's overloads give a union for a generic table; each is narrowed to the one for a single (or aliased) table.
    selectFrom: <E extends TenantTableExpression>(table: E) => db.selectFrom(table as TenantTable).where(sameTenant(table, tenantId)) as unknown as ScopedSelect<E>,
    updateTable: <T extends TenantTable>(table: T) =>
      (db.updateTable(table) as UpdateQueryBuilder<Database, T, T, UpdateResult>).where(sameTenant(table, tenantId)),
    deleteFrom: <T extends TenantTable>(table: T) => (db.deleteFrom(table) as DeleteQueryBuilder<Database, T, DeleteResult>).where(sameTenant(table, tenantId)),
  };
}
