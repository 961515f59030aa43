import { acrossTenantsMarker } from '../../server/store/tenantScope';
import { loadSqlParser, tenantScopeViolations } from './tenantScopeChecker';

const tenantTables = new Set(['pairs', 'sessions', 'jobs', 'participants']);
const check = (sql: string) => tenantScopeViolations(sql, tenantTables);

beforeAll(loadSqlParser);

describe('a statement scoped to one tenant', () => {
  it.each([
    ['a select with tenant_id equal to a parameter', 'select * from pairs where tenant_id = $1 and id = $2'],
    ['a qualified tenant cast to text', 'select p.id from pairs as p where p.id = $1 and p.tenant_id = $2::text'],
    ['a literal tenant', `select * from pairs where 'contoso' = tenant_id`],
    ['a join on tenant_id to a constrained row', 'select * from pairs p inner join sessions s on s.tenant_id = p.tenant_id and s.pair_id = p.id where p.tenant_id = $1'],
    ['a constraint passed along a chain of joins', 'select * from sessions s join pairs p on p.tenant_id = s.tenant_id join participants m on m.tenant_id = p.tenant_id where s.tenant_id = $1'],
    ['a left join constrained in its own ON', 'select * from pairs p left join sessions s on s.tenant_id = $1 and s.pair_id = p.id where p.tenant_id = $1'],
    ['a join using tenant_id', 'select * from pairs join sessions using (tenant_id) where pairs.tenant_id = $1'],
    ['tenant_id in a list of one parameter', 'select * from pairs where tenant_id in ($1)'],
    ['a correlated subquery tied to the outer row', 'select * from pairs p where p.tenant_id = $1 and exists (select 1 from sessions s where s.tenant_id = p.tenant_id and s.pair_id = p.id)'],
    ['a CTE and a query over it', 'with due as (select id from jobs where tenant_id = $1 and run_at < now()) update jobs set attempts = attempts + 1 where tenant_id = $1 and id in (select id from due) returning *'],
    ['a CTE named like no table', 'with x as (select 1 as n) select * from x'],
    ['an insert that supplies tenant_id, with on conflict and returning', `insert into jobs (tenant_id, id, payload) values ($1, $2, $3::jsonb) on conflict (tenant_id, id) do update set payload = excluded.payload returning payload->>'kind'`],
    ['a delete scoped to the tenant', 'delete from sessions where tenant_id = $1 and pair_id = any($2)'],
    ['an update from another table joined on tenant_id', 'update sessions s set status = $1 from pairs p where p.tenant_id = $2 and s.tenant_id = p.tenant_id and s.pair_id = p.id'],
    ['a union whose sides are each scoped', 'select id from pairs where tenant_id = $1 union all select id from sessions where tenant_id = $1'],
    ['a table that is not a tenant table', 'select * from kysely_migration'],
    ['a named cross-tenant job', `select distinct tenant_id from pairs ${acrossTenantsMarker('reminder planner')}`],
  ])('passes: %s', (_name, sql) => {
    expect(check(sql)).toEqual([]);
  });
});

describe('a statement that can reach another tenant', () => {
  it.each([
    ['a select without tenant_id', 'select * from pairs where id = $1', ['pairs is not constrained by tenant_id']],
    ['a tenant constraint inside an OR', 'select * from pairs where tenant_id = $1 or id = $2', ['pairs is not constrained by tenant_id']],
    ['a join that forgets tenant_id', 'select * from pairs p join sessions s on s.pair_id = p.id where p.tenant_id = $1', ['sessions (as s) is not constrained by tenant_id']],
    ['a constraint in a left join ON, which keeps every left row', 'select * from pairs p left join sessions s on p.tenant_id = $1 and s.tenant_id = p.tenant_id', ['pairs (as p) is not constrained by tenant_id', 'sessions (as s) is not constrained by tenant_id']],
    ['tenant_id compared with something other than a value', 'select * from pairs where tenant_id = lower(id)', ['pairs is not constrained by tenant_id']],
    ['tenant_id compared with an inequality', 'select * from pairs where tenant_id <> $1', ['pairs is not constrained by tenant_id']],
    ['two tables tied only to each other', 'select * from pairs p join sessions s on s.tenant_id = p.tenant_id', ['pairs (as p) is not constrained by tenant_id', 'sessions (as s) is not constrained by tenant_id']],
    ['an unscoped subquery in a scoped select', 'select * from pairs where tenant_id = $1 and id in (select pair_id from sessions)', ['sessions is not constrained by tenant_id']],
    ['an unscoped CTE body', 'with s as (select * from sessions) select * from s', ['sessions is not constrained by tenant_id']],
    ['an update of every tenant', 'update jobs set attempts = 0 where done_at is null', ['jobs is not constrained by tenant_id']],
    ['a delete of every tenant', 'delete from sessions', ['sessions is not constrained by tenant_id']],
    ['an insert without tenant_id', 'insert into pairs (id) values ($1)', ['insert into pairs does not supply tenant_id']],
    ['an insert whose select is unscoped', 'insert into sessions (tenant_id, id) select tenant_id, id from pairs', ['pairs is not constrained by tenant_id']],
    ['one unscoped side of a union', 'select id from pairs where tenant_id = $1 union select id from sessions', ['sessions is not constrained by tenant_id']],
    ['a cross-tenant marker naming no known job', 'select * from pairs /* across tenants: curiosity */', ['"curiosity" is not a named cross-tenant job']],
    ['a cross-tenant marker that does not end the statement', `select * from pairs ${acrossTenantsMarker('reminder planner')} where id = $1`, ['pairs is not constrained by tenant_id']],
  ])('fails: %s', (_name, sql, expected) => {
    expect(check(sql)).toEqual(expected);
  });
});
