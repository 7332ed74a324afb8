/** Binding unnest over columns: the Unnest node's place and columns, and PostgreSQL's errors. */
import { beforeAll, describe, expect, it } from 'vitest';
import { LochError, T, type Batch, type SourceColumn, type TableScanner } from '../../../core/index.ts';
import { outputColumns, type LogicalPlan, type Unnest } from '../../logical/logical-plan.ts';
import { PlanContext } from '../../plan-context.ts';
import { initParser, parseSql } from '../../sql/index.ts';
import type { BinderCatalog, CatalogRelation } from '../catalog.ts';
import { QueryBinder } from '../bind-query.ts';

const T_COLUMNS: SourceColumn[] = [
  { name: 'id', type: T.int32, nullable: false },
  { name: 'arr', type: { kind: 'array', element: T.int32 }, nullable: true },
  { name: 'tags', type: { kind: 'array', element: T.text }, nullable: true },
];
const SCANNER: TableScanner = { columns: T_COLUMNS, statistics: async () => ({ rowCount: 10 }), scan: async function* (): AsyncIterable<Batch> { /* never scanned */ } };
const catalog: BinderCatalog = {
  lookupRelation: async (name): Promise<CatalogRelation | null> => (name[name.length - 1] === 't' ? { kind: 'table', name: 't', scanner: SCANNER } : null),
  tableFunction: async () => null,
  relationNames: () => ['t'],
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

function unnests(plan: LogicalPlan): Unnest[] {
  const out: Unnest[] = [];
  const visit = (p: LogicalPlan): void => {
    if (p.kind === 'unnest') out.push(p);
    for (const v of Object.values(p)) if (v && typeof v === 'object' && 'kind' in v) visit(v as LogicalPlan);
  };
  visit(plan);
  return out;
}

describe('binding unnest over columns', () => {
  beforeAll(() => initParser());

  it('select-list unnests share one zipped Unnest node under the projection', async () => {
    const plan = await bind('SELECT id, unnest(arr) AS x, unnest(tags) FROM t');
    expect(plan.kind).toBe('project');
    const [u, ...rest] = unnests(plan);
    expect(rest).toEqual([]);
    expect(u!.arrays.map((a) => (a.kind === 'column' ? a.name : a.kind))).toEqual(['arr', 'tags']);
    expect(u!.columns.map((c) => c.type)).toEqual([T.int32, T.text]);
    expect(outputColumns(plan).map((c) => [c.name, c.type])).toEqual([['id', T.int32], ['x', T.int32], ['unnest', T.text]]);
  });

  it('sits above the aggregate: unnest(array_agg(…))', async () => {
    const plan = await bind('SELECT unnest(array_agg(id)) FROM t');
    const [u] = unnests(plan);
    expect(u!.input.kind).toBe('aggregate');
  });

  it('FROM unnest over an earlier item: Unnest over it, names from the alias, ordinality int64', async () => {
    const plan = await bind('SELECT * FROM t CROSS JOIN LATERAL unnest(t.arr) WITH ORDINALITY AS u(x, n)');
    const [u] = unnests(plan);
    expect(u!.input.kind).toBe('scan');
    expect(u!.ordinality).toBe(true);
    expect(u!.columns.map((c) => [c.name, c.type])).toEqual([['x', T.int32], ['n', T.int64]]);
    const implicit = await bind('SELECT u FROM t, unnest(t.arr) u');
    expect(outputColumns(implicit).map((c) => c.name)).toEqual(['u']);
    expect(unnests(implicit)).toHaveLength(1);
  });

  it('constant unnest in FROM stays a table function', async () => {
    expect(unnests(await bind('SELECT * FROM unnest(ARRAY[1, 2])'))).toEqual([]);
  });

  it("PostgreSQL's errors", async () => {
    const notArray = await bindError('SELECT unnest(id) FROM t');
    expect(notArray.sqlState).toBe('42883');
    expect(notArray.message).toBe('function unnest(integer) does not exist');
    expect((await bindError('SELECT * FROM t, unnest(t.id) u')).sqlState).toBe('42883');
    expect((await bindError('SELECT id FROM t WHERE unnest(arr) = 1')).sqlState).toBe('0A000');
    expect((await bindError('SELECT * FROM t, unnest(t.arr) AS u(a, b)')).sqlState).toBe('42601');
    expect((await bindError('SELECT * FROM t LEFT JOIN LATERAL unnest(t.arr) u ON u > 1')).sqlState).toBe('0A000');
    expect((await bindError('SELECT * FROM t RIGHT JOIN LATERAL unnest(t.arr) u ON true')).sqlState).toBe('0A000');
  });

  it('LEFT JOIN LATERAL unnest(…) ON true is an outer Unnest', async () => {
    const [u] = unnests(await bind('SELECT * FROM t LEFT JOIN LATERAL unnest(t.arr) WITH ORDINALITY u(x, n) ON true'));
    expect(u!.outer).toBe(true);
    expect(u!.columns[1]!.nullable).toBe(true);
  });
});
