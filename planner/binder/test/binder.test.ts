import { beforeAll, describe, expect, it } from 'vitest';
import { LochError, T, decimal, type Batch, type SourceColumn, type TableScanner } from '../../../core/index.ts';
import type { LogicalPlan } from '../../logical/logical-plan.ts';
import { outputColumns } from '../../logical/logical-plan.ts';
import { PlanContext } from '../../plan-context.ts';
import { initParser, parseSql } from '../../sql/index.ts';
import type { BinderCatalog, CatalogRelation } from '../catalog.ts';
import { QueryBinder } from '../bind-query.ts';

function table(columns: SourceColumn[], rowCount: number): TableScanner {
  return {
    columns,
    statistics: async () => ({ rowCount }),
    scan: async function* (): AsyncIterable<Batch> { /* binder tests never scan */ },
  };
}

const TABLES: Record<string, TableScanner> = {
  orders: table([
    { name: 'o_orderkey', type: T.int32, nullable: false },
    { name: 'o_custkey', type: T.int32, nullable: false },
    { name: 'o_totalprice', type: decimal(15, 2), nullable: false },
    { name: 'o_orderdate', type: T.date, nullable: false },
  ], 1500),
  customer: table([
    { name: 'c_custkey', type: T.int32, nullable: false },
    { name: 'c_name', type: T.text, nullable: false },
  ], 150),
};

const catalog: BinderCatalog = {
  lookupRelation: async (name): Promise<CatalogRelation | null> => {
    const t = TABLES[name[name.length - 1]!];
    return t ? { kind: 'table', name: name[name.length - 1]!, scanner: t } : null;
  },
  tableFunction: async () => null,
  relationNames: () => Object.keys(TABLES),
};

async function bind(sql: string): Promise<{ plan: LogicalPlan; names: string[] }> {
  const [parsed] = parseSql(sql);
  if (parsed!.statement.kind !== 'query') throw new Error('not a query');
  const bound = await new QueryBinder(catalog, new PlanContext()).bindQuery(parsed!.statement.query, null);
  return { plan: bound.plan, names: bound.columns.map((c) => c.name) };
}

async function bindError(sql: string): Promise<LochError> {
  try {
    await bind(sql);
  } catch (e) {
    if (e instanceof LochError) return e;
    throw e;
  }
  throw new Error(`expected binding ${sql} to fail`);
}

function kinds(plan: LogicalPlan): string[] {
  const out: string[] = [];
  const walk = (p: LogicalPlan) => {
    out.push(p.kind);
    if ('input' in p) walk(p.input);
    if ('left' in p) { walk(p.left); walk(p.right); }
    if (p.kind === 'cte_anchor') walk(p.definition);
  };
  walk(plan);
  return out;
}

describe('binder', () => {
  beforeAll(() => initParser());

  it('binds a grouped query into Aggregate → Filter(HAVING) → Project → Sort', async () => {
    const { plan, names } = await bind(`
      select c_name, sum(o_totalprice) as total, count(*) from orders join customer on o_custkey = c_custkey
      where o_orderdate >= date '1995-01-01' group by c_name having count(*) > 1 order by total desc`);
    expect(names).toEqual(['c_name', 'total', 'count']);
    expect(kinds(plan)).toEqual(['sort', 'project', 'filter', 'aggregate', 'filter', 'join', 'scan', 'scan']);
    const cols = outputColumns(plan);
    expect(cols[1]!.type).toEqual(decimal(38, 2));
    expect(cols[2]!.type).toEqual(T.int64);
  });

  it('orders by an expression not in the select list through a hidden column', async () => {
    const { plan, names } = await bind('select o_orderkey from orders order by o_totalprice * 2 limit 3');
    expect(names).toEqual(['o_orderkey']);
    expect(kinds(plan)).toEqual(['project', 'limit', 'sort', 'project', 'scan']);
    expect(outputColumns(plan)).toHaveLength(1);
  });

  it('reports an unknown table as 42P01 with a did-you-mean hint and position', async () => {
    const e = await bindError('select * from ordres');
    expect(e.sqlState).toBe('42P01');
    expect(e.message).toBe('relation "ordres" does not exist');
    expect(e.hint).toContain('"orders"');
    expect(e.position).toBe(15);
  });

  it('reports an unknown column as 42703 with a did-you-mean hint', async () => {
    const e = await bindError('select o_orderdat from orders');
    expect(e.sqlState).toBe('42703');
    expect(e.hint).toContain('"o_orderdate"');
    expect(e.position).toBe(8);
  });

  it('reports an ungrouped column as 42803', async () => {
    const e = await bindError('select o_custkey, count(*) from orders');
    expect(e.sqlState).toBe('42803');
    expect(e.message).toContain('o_custkey');
  });

  it('reports an ambiguous column as 42702', async () => {
    expect((await bindError('select o_orderkey from orders a, orders b')).sqlState).toBe('42702');
  });

  it('rejects aggregates in WHERE (42803)', async () => {
    expect((await bindError('select 1 from orders where sum(o_totalprice) > 1')).sqlState).toBe('42803');
  });

  it('binds a CTE referenced twice once, under a CteAnchor read by two CteRefs', async () => {
    const { plan } = await bind(`
      with r as (select o_custkey, sum(o_totalprice) as total from orders group by o_custkey)
      select o_custkey from r where total = (select max(total) from r)`);
    expect(plan.kind).toBe('cte_anchor');
    const refs = JSON.stringify(plan, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)).match(/"kind":"cte_ref"/g);
    expect(refs).toHaveLength(2);
  });

  it('records outer references of a correlated subquery', async () => {
    const { plan } = await bind(`
      select c_name from customer where exists (select 1 from orders where o_custkey = c_custkey)`);
    const filter = plan.kind === 'project' && plan.input.kind === 'filter' ? plan.input : null;
    expect(filter?.predicate.kind).toBe('subquery');
    const sub = filter!.predicate.kind === 'subquery' ? filter!.predicate : null;
    const customerKey = outputColumns(plan.kind === 'project' && plan.input.kind === 'filter' ? plan.input.input : plan).find((c) => c.name === 'c_custkey')!;
    expect(sub!.outerRefs).toEqual([customerKey.id]);
  });

  it('expands * over a JOIN … USING without the duplicated column', async () => {
    const { names } = await bind('select * from orders join (select c_custkey as o_custkey, c_name from customer) c using (o_custkey)');
    expect(names).toEqual(['o_orderkey', 'o_custkey', 'o_totalprice', 'o_orderdate', 'c_name']);
  });
});
