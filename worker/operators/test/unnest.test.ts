/**
 * UnnestExec: one row per element with the input columns repeated, zipped
 * arrays padded with NULL, no row for empty/NULL arrays, ordinality from 1,
 * input selections (a filter below) honoured, and an array longer than one
 * output batch split across batches.
 */
import { describe, expect, it } from 'vitest';
import { T, type DataType } from '../../../core/index.ts';
import type { Expr, LogicalPlan, PlanColumn } from '../../../planner/index.ts';
import { type Row, col, fn, lit, newId, run, table } from './support.ts';

const ints: DataType = { kind: 'array', element: T.int32 };
const texts: DataType = { kind: 'array', element: T.text };

function unnest(input: LogicalPlan, arrays: Expr[], ordinality = false, passThrough?: number[]): LogicalPlan {
  const columns: PlanColumn[] = arrays.map((a, i) => ({ id: newId(), name: `e${i}`, type: (a.type as { element: DataType }).element, nullable: true }));
  if (ordinality) columns.push({ id: newId(), name: 'n', type: T.int64, nullable: false });
  return { kind: 'unnest', input, arrays, ordinality, columns, ...(passThrough ? { passThrough } : {}) };
}

const rows: Row[] = [
  [1, [10, 11, 12], ['a']],
  [2, [], ['b', 'c']],
  [3, null, null],
  [4, [40, null], []],
  [5, [50], null],
];

describe('UnnestExec', () => {
  it('repeats input rows per element; empty and NULL arrays give no row', async () => {
    const t = table('t', [['id', T.int32], ['arr', ints], ['tags', texts]], rows);
    const out = await run(unnest(t, [col(t, 'arr')]));
    expect(out.map((r) => [r[0], r[3]])).toEqual([[1, 10], [1, 11], [1, 12], [4, 40], [4, null], [5, 50]]);
    expect(out[0]![1]).toEqual([10, 11, 12]);
  });

  it('zips several arrays (shorter padded with NULL) and numbers elements', async () => {
    const t = table('t', [['id', T.int32], ['arr', ints], ['tags', texts]], rows);
    const out = await run(unnest(t, [col(t, 'arr'), col(t, 'tags')], true));
    expect(out.map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      [1, 10, 'a', 1n], [1, 11, null, 2n], [1, 12, null, 3n],
      [2, null, 'b', 1n], [2, null, 'c', 2n],
      [4, 40, null, 1n], [4, null, null, 2n],
      [5, 50, null, 1n],
    ]);
  });

  it('outer: a row without elements yields one row of NULLs (NULL ordinality)', async () => {
    const t = table('t', [['id', T.int32], ['arr', ints], ['tags', texts]], rows);
    const plan = { ...unnest(t, [col(t, 'arr')], true), outer: true } as LogicalPlan;
    const out = await run(plan);
    expect(out.map((r) => [r[0], r[3], r[4]])).toEqual([
      [1, 10, 1n], [1, 11, 2n], [1, 12, 3n], [2, null, null], [3, null, null], [4, 40, 1n], [4, null, 2n], [5, 50, 1n],
    ]);
  });

  it('honours the selection of a filter below', async () => {
    const t = table('t', [['id', T.int32], ['arr', ints], ['tags', texts]], rows);
    const filtered: LogicalPlan = { kind: 'filter', input: t, predicate: fn('ne', [col(t, 'id'), lit(1, T.int32)]) };
    const out = await run(unnest(filtered, [col(t, 'arr')], true));
    expect(out.map((r) => [r[0], r[3], r[4]])).toEqual([[4, 40, 1n], [4, null, 2n], [5, 50, 1n]]);
  });

  it('splits an array longer than one output batch; passes through only the kept input columns', async () => {
    const big = Array.from({ length: 100_000 }, (_, i) => i);
    const t = table('t', [['id', T.int32], ['arr', ints]], [[7, big], [8, [1, 2]]]);
    const out = await run(unnest(t, [col(t, 'arr')], true, [t.columns[0]!.id]));
    expect(out.length).toBe(100_002);
    expect(out[0]).toEqual([7, 0, 1n]);
    expect(out[99_999]).toEqual([7, 99_999, 100_000n]);
    expect(out.at(-1)).toEqual([8, 2, 2n]);
  });
});
