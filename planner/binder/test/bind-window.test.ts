/** Binding window functions: plan shape, types, frames, named windows and PostgreSQL's errors. */
import { beforeAll, describe, expect, it } from 'vitest';
import { LochError, T, decimal, type Batch, type SourceColumn, type TableScanner } from '../../../core/index.ts';
import { outputColumns, type LogicalPlan, type Window } from '../../logical/logical-plan.ts';
import { PlanContext } from '../../plan-context.ts';
import { initParser, parseSql } from '../../sql/index.ts';
import type { BinderCatalog, CatalogRelation } from '../catalog.ts';
import { QueryBinder } from '../bind-query.ts';

function table(columns: SourceColumn[]): TableScanner {
  return { columns, statistics: async () => ({ rowCount: 100 }), scan: async function* (): AsyncIterable<Batch> { /* never scanned */ } };
}

const ORDERS = table([
  { name: 'o_orderkey', type: T.int32, nullable: false },
  { name: 'o_custkey', type: T.int32, nullable: false },
  { name: 'o_totalprice', type: decimal(15, 2), nullable: false },
  { name: 'o_orderdate', type: T.date, nullable: false },
  { name: 'o_clerk', type: T.text, nullable: false },
]);

const catalog: BinderCatalog = {
  lookupRelation: async (name): Promise<CatalogRelation | null> => (name[name.length - 1] === 'orders' ? { kind: 'table', name: 'orders', scanner: ORDERS } : null),
  tableFunction: async () => null,
  relationNames: () => ['orders'],
};

async function bind(sql: string): Promise<LogicalPlan> {
  const [parsed] = parseSql(sql);
  if (parsed!.statement.kind !== 'query') throw new Error('not a query');
  return (await new QueryBinder(catalog, new PlanContext()).bindQuery(parsed!.statement.query, null)).plan;
}

async function bindError(sql: string): Promise<LochError> {
  try { await bind(sql); } catch (e) { if (e instanceof LochError) return e; throw e; }
  throw new Error(`expected binding ${sql} to fail`);
}

function windows(plan: LogicalPlan): Window[] {
  const out: Window[] = [];
  const walk = (p: LogicalPlan): void => {
    if (p.kind === 'window') out.push(p);
    if ('input' in p) walk(p.input);
  };
  walk(plan);
  return out;
}

describe('binding window functions', () => {
  beforeAll(() => initParser());

  it('one Window node per distinct PARTITION BY / ORDER BY, the last written outermost', async () => {
    const plan = await bind(`select o_orderkey, row_number() over (partition by o_custkey order by o_orderdate),
      rank() over (partition by o_custkey order by o_orderdate), sum(o_totalprice) over () from orders`);
    const ws = windows(plan);
    expect(ws).toHaveLength(2);
    expect(ws[1]!.functions.map((f) => f.fn)).toEqual(['row_number', 'rank']);
    expect(ws[1]!.partitionBy).toHaveLength(1);
    expect(ws[0]!.functions.map((f) => f.fn)).toEqual(['sum']);
    expect(ws[0]!.partitionBy).toHaveLength(0);
    const types = outputColumns(plan).map((c) => c.type);
    expect(types).toEqual([T.int32, T.int64, T.int64, decimal(38, 2)]);
  });

  it('uses the default frame, or the written one with EXCLUDE', async () => {
    const ws = windows(await bind(`select count(*) over (order by o_orderdate), count(*) over (order by o_orderdate, o_orderkey rows between 2 preceding and 1 following exclude ties),
      first_value(o_clerk) over (order by o_orderdate groups between unbounded preceding and current row exclude group) from orders`));
    const byFn = new Map(ws.flatMap((w) => w.functions.map((f) => [f.fn, f.frame] as const)));
    const frames = [ws[1]!.functions[0]!.frame, ws[0]!.functions[0]!.frame, byFn.get('first_value')];
    expect(ws[1]!.functions.map((f) => f.fn)).toEqual(['count_star', 'first_value']);
    expect(frames[0]).toMatchObject({ mode: 'range', start: { kind: 'unbounded_preceding' }, end: { kind: 'current_row' }, exclude: 'no_others' });
    expect(frames[1]).toMatchObject({ mode: 'rows', start: { kind: 'preceding', offset: { kind: 'literal', value: 2n } }, end: { kind: 'following' }, exclude: 'ties' });
    expect(frames[2]).toMatchObject({ mode: 'groups', exclude: 'group' });
  });

  it('resolves named windows: OVER w copies the frame, OVER (w ORDER BY …) adds an order', async () => {
    const ws = windows(await bind(`select sum(o_totalprice) over w, sum(o_totalprice) over (p order by o_orderkey) from orders
      window p as (partition by o_custkey), w as (p order by o_orderdate rows 3 preceding)`));
    expect(ws).toHaveLength(2);
    expect(ws[1]!.functions[0]!.frame.mode).toBe('rows');
    expect(ws[1]!.orderBy[0]!.expr).toMatchObject({ kind: 'column', name: 'o_orderdate' });
    expect(ws[0]!.orderBy[0]!.expr).toMatchObject({ kind: 'column', name: 'o_orderkey' });
    expect(ws.every((w) => w.partitionBy.length === 1)).toBe(true);
  });

  it('puts windows above the aggregate so they can take aggregates as arguments', async () => {
    const plan = await bind('select o_custkey, sum(sum(o_totalprice)) over (), rank() over (order by count(*) desc) from orders group by o_custkey');
    const ws = windows(plan);
    expect(ws).toHaveLength(2);
    let p: LogicalPlan = ws[ws.length - 1]!.input;
    while (p.kind === 'project') p = p.input;
    expect(p.kind).toBe('aggregate');
  });

  it('computed keys and arguments are projected below the windows', async () => {
    const ws = windows(await bind('select lag(o_orderkey + 1, 2, 0) over (partition by o_custkey % 3 order by o_orderdate) from orders'));
    const w = ws[0]!;
    expect(w.partitionBy[0]!.kind).toBe('column');
    expect(w.functions[0]!.args.map((a) => a.kind)).toEqual(['column', 'literal', 'literal']);
    expect(w.input.kind).toBe('project');
  });

  it('refuses window functions in WHERE, GROUP BY and HAVING with 42P20', async () => {
    for (const sql of [
      'select 1 from orders where row_number() over () > 1',
      'select count(*) from orders group by rank() over ()',
      'select count(*) from orders having sum(count(*)) over () > 1',
    ]) {
      const e = await bindError(sql);
      expect(e.sqlState).toBe('42P20');
      expect(e.message).toMatch(/window functions are not allowed in (WHERE|GROUP BY|HAVING)/);
    }
  });

  it('refuses nested window functions (42P20) and windows inside aggregates (42803)', async () => {
    const nested = await bindError('select sum(row_number() over ()) over () from orders');
    expect(nested.sqlState).toBe('42P20');
    expect(nested.message).toBe('window function calls cannot be nested');
    const inAggregate = await bindError('select sum(row_number() over ()) from orders');
    expect(inAggregate.sqlState).toBe('42803');
  });

  it('reports an unknown window name as 42704 and bad copies as 42P20', async () => {
    const e = await bindError('select rank() over w from orders');
    expect(e.sqlState).toBe('42704');
    expect(e.message).toBe('window "w" does not exist');
    const framed = await bindError('select rank() over (w order by o_orderkey) from orders window w as (rows 1 preceding)');
    expect(framed.sqlState).toBe('42P20');
    const override = await bindError('select rank() over (w order by o_orderkey) from orders window w as (order by o_custkey)');
    expect(override.message).toBe('cannot override ORDER BY clause of window "w"');
  });

  it('QUALIFY filters above the windows and may name select-list aliases', async () => {
    const plan = await bind('select o_orderkey, row_number() over (partition by o_custkey order by o_orderdate) rn from orders qualify rn = 1 and o_orderkey > 5');
    let p: LogicalPlan = plan;
    while (p.kind === 'project') p = p.input;
    expect(p.kind).toBe('filter');
    expect(p.kind === 'filter' && p.input.kind).toBe('window');
    expect((await bindError('select o_orderkey from orders qualify o_orderkey > 1')).sqlState).toBe('42P20');
  });

  it('checks frames and arguments as PostgreSQL does', async () => {
    expect((await bindError('select count(*) over (groups 1 preceding) from orders')).sqlState).toBe('42P20');
    expect((await bindError('select count(*) over (order by o_orderkey, o_custkey range 1 preceding) from orders')).sqlState).toBe('42P20');
    expect((await bindError('select count(*) over (order by o_orderkey rows -1 preceding) from orders')).sqlState).toBe('22013');
    expect((await bindError('select count(*) over (order by o_orderkey rows null preceding) from orders')).sqlState).toBe('22004');
    expect((await bindError('select ntile(1.5) over () from orders')).sqlState).toBe('42883');
    expect((await bindError('select row_number(1) over () from orders')).sqlState).toBe('42883');
    expect((await bindError('select rank(distinct o_custkey) over () from orders')).sqlState).toBe('0A000');
    expect((await bindError('select abs(o_custkey) over () from orders')).sqlState).toBe('42809');
    expect((await bindError('select rank() from orders')).message).toBe('window function rank requires an OVER clause');
  });
});
