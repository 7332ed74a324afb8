import { describe, expect, it } from 'vitest';
import { Batch, T, type ScanRequest } from '../../../core/index.ts';
import { type LogicalPlan, type SortKey, createPhysicalPlan, outputColumns } from '../../../planner/index.ts';
import { executePhysicalPlan, explainAnalyze } from '../../execute/index.ts';
import { col, fn, lit, newId, ref, rng, run, sortedKeys, table, type Row } from './support.ts';

function cmpText(a: string, b: string): number { return Buffer.compare(Buffer.from(a), Buffer.from(b)); }

describe('SortExec and TopKExec', () => {
  const r = rng(11);
  const rows: Row[] = Array.from({ length: 200 }, (_, i) => [
    r() < 0.2 ? null : Math.floor(r() * 5),
    r() < 0.1 ? null : ['b', 'a', 'B', 'é', 'ab'][Math.floor(r() * 5)]!,
    i,
  ]);
  const specs: [boolean, boolean, boolean, boolean][] = [
    [true, false, true, false], [false, true, true, true], [true, true, false, false], [false, false, false, true],
  ];
  for (const [asc1, nf1, asc2, nf2] of specs) {
    it(`sorts by (k ${asc1 ? 'ASC' : 'DESC'} NULLS ${nf1 ? 'FIRST' : 'LAST'}, s ${asc2 ? 'ASC' : 'DESC'} NULLS ${nf2 ? 'FIRST' : 'LAST'}) stably; top-k agrees`, async () => {
      const t = table('t', [['k', T.int32], ['s', T.text], ['i', T.int32]], rows, 3);
      const keys: SortKey[] = [
        { expr: col(t, 'k'), ascending: asc1, nullsFirst: nf1 },
        { expr: col(t, 's'), ascending: asc2, nullsFirst: nf2 },
      ];
      const cmpKey = (x: Row, y: Row, c: number, asc: boolean, nullsFirst: boolean): number => {
        const a = x[c], b = y[c];
        if (a === null || b === null) return a === b ? 0 : (a === null) === nullsFirst ? -1 : 1;
        const d = typeof a === 'string' ? cmpText(a, b as string) : (a as number) - (b as number);
        return asc ? d : -d;
      };
      const expected = [...rows].sort((x, y) => cmpKey(x, y, 0, asc1, nf1) || cmpKey(x, y, 1, asc2, nf2));
      expect(await run({ kind: 'sort', input: t, keys }, { batchSize: 7 })).toEqual(expected);
      for (const fetch of [1, 5, 50, 500]) {
        const topk: LogicalPlan = { kind: 'sort', input: t, keys, fetch };
        expect(createPhysicalPlan(topk).kind).toBe('top_k');
        expect(await run(topk, { batchSize: 2 })).toEqual(expected.slice(0, fetch));
      }
    });
  }

  it('top-k keeps the right rows through many compactions', async () => {
    const n = 20000;
    const big: Row[] = Array.from({ length: n }, (_, i) => [(i * 7919) % 1000]);
    const t = table('t', [['v', T.int32]], big, 1000);
    const got = await run({ kind: 'sort', input: t, keys: [{ expr: col(t, 'v'), ascending: false, nullsFirst: true }], fetch: 3000 });
    const expected = big.map((x) => x[0] as number).sort((a, b) => b - a).slice(0, 3000).map((v) => [v]);
    expect(got).toEqual(expected);
  });
});

describe('LimitExec', () => {
  it('applies offset and limit across tiny batches and stops early', async () => {
    const rows: Row[] = Array.from({ length: 20 }, (_, i) => [i]);
    for (const bs of [1, 2, 3]) {
      const t = table('t', [['v', T.int32]], rows, bs);
      expect(await run({ kind: 'limit', input: t, limit: 5, offset: 3 })).toEqual([[3], [4], [5], [6], [7]]);
      const scanLimited = createPhysicalPlan({ kind: 'limit', input: t, limit: 5, offset: 3 });
      expect(scanLimited.kind === 'limit' && scanLimited.input.kind === 'scan' && scanLimited.input.limit).toBe(8);
      expect(await run({ kind: 'limit', input: t, limit: null, offset: 18 })).toEqual([[18], [19]]);
      expect(await run({ kind: 'limit', input: t, limit: 0, offset: 0 })).toEqual([]);
      const filtered: LogicalPlan = { kind: 'filter', input: t, predicate: fn('gt', [col(t, 'v'), lit(10, T.int32)]) };
      expect(await run({ kind: 'limit', input: filtered, limit: 2, offset: 1 })).toEqual([[12], [13]]);
    }
  });
});

describe('set operations', () => {
  const leftRows: Row[] = [[1, 'a'], [1, 'a'], [1, 'a'], [2, null], [2, null], [null, 'c'], [3, 'd']];
  const rightRows: Row[] = [[1, 'a'], [2, null], [2, null], [2, null], [null, 'c'], [4, 'e']];
  const setop = (op: 'union' | 'intersect' | 'except', all: boolean): LogicalPlan => {
    const L = table('l', [['a', T.int32], ['b', T.text]], leftRows, 2);
    const R = table('r', [['a', T.int32], ['b', T.text]], rightRows, 1);
    return { kind: 'set_operation', op, all, left: L, right: R, columns: outputColumns(L).map((c) => ({ ...c, id: newId() })) };
  };
  const cases: [string, 'union' | 'intersect' | 'except', boolean, Row[]][] = [
    ['UNION ALL', 'union', true, [...leftRows, ...rightRows]],
    ['UNION', 'union', false, [[1, 'a'], [2, null], [null, 'c'], [3, 'd'], [4, 'e']]],
    ['INTERSECT', 'intersect', false, [[1, 'a'], [2, null], [null, 'c']]],
    ['INTERSECT ALL', 'intersect', true, [[1, 'a'], [2, null], [2, null], [null, 'c']]],
    ['EXCEPT', 'except', false, [[3, 'd']]],
    ['EXCEPT ALL', 'except', true, [[1, 'a'], [1, 'a'], [3, 'd']]],
  ];
  for (const [name, op, all, expected] of cases) {
    it(`${name} (NULLs compare equal)`, async () => {
      expect(sortedKeys(await run(setop(op, all)))).toEqual(sortedKeys(expected));
    });
  }
});

describe('CTEs, values, projection, filters, cancellation, EXPLAIN ANALYZE', () => {
  it('computes a CTE referenced twice once', async () => {
    const t = table('t', [['v', T.int32]], [[1], [2], [3]], 1);
    let scans = 0;
    const inner = t.scanner;
    const counting = { columns: inner.columns, statistics: () => inner.statistics(), scan: (req: ScanRequest) => { scans++; return inner.scan(req); } };
    const def: LogicalPlan = { ...t, source: counting };
    const c1 = { id: newId(), name: 'v', type: T.int32, nullable: true };
    const c2 = { id: newId(), name: 'w', type: T.int32, nullable: true };
    const refA: LogicalPlan = { kind: 'cte_ref', cteId: 1, name: 'c', columns: [c1] };
    const refB: LogicalPlan = { kind: 'cte_ref', cteId: 1, name: 'c', columns: [c2] };
    const body: LogicalPlan = { kind: 'join', joinType: 'inner', left: refA, right: refB, condition: fn('lt', [ref(c1), ref(c2)]) };
    const plan: LogicalPlan = { kind: 'cte_anchor', cteId: 1, name: 'c', definition: def, input: body };
    expect(sortedKeys(await run(plan))).toEqual(sortedKeys([[1, 2], [1, 3], [2, 3]]));
    expect(scans).toBe(1);
  });

  it('evaluates VALUES, SELECT without FROM and projections', async () => {
    const cols = [{ id: newId(), name: 'x', type: T.int32, nullable: true }, { id: newId(), name: 's', type: T.text, nullable: true }];
    const values: LogicalPlan = { kind: 'values', columns: cols, rows: [[lit(1, T.int32), lit('a', T.text)], [lit(null, T.int32), lit('b', T.text)]] };
    expect(await run(values)).toEqual([[1, 'a'], [null, 'b']]);
    const out = { id: newId(), name: 'y', type: T.int32, nullable: true };
    const proj: LogicalPlan = { kind: 'project', input: { kind: 'single_row' }, exprs: [lit(42, T.int32)], columns: [out] };
    expect(await run(proj)).toEqual([[42]]);
    const swap: LogicalPlan = { kind: 'project', input: values, exprs: [ref(cols[1]!), ref(cols[0]!)], columns: [{ ...cols[1]!, id: newId() }, { ...cols[0]!, id: newId() }] };
    expect(await run(swap)).toEqual([['a', 1], ['b', null]]);
    expect(await run({ kind: 'empty', columns: cols })).toEqual([]);
  });

  it('filters with selection vectors, compacting at low selectivity', async () => {
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => [i, i % 3 === 0 ? null : `r${i}`]);
    const t = table('t', [['v', T.int32], ['s', T.text]], rows, 2048);
    const sparse: LogicalPlan = { kind: 'filter', input: t, predicate: fn('lt', [col(t, 'v'), lit(10, T.int32)]) };
    expect(await run(sparse)).toEqual(rows.slice(0, 10));
    const dense: LogicalPlan = { kind: 'filter', input: t, predicate: fn('ge', [col(t, 'v'), lit(10, T.int32)]) };
    expect((await run(dense)).length).toBe(4990);
  });

  it('reports cancellation as 57014 and metrics in EXPLAIN ANALYZE', async () => {
    const t = table('t', [['v', T.int32]], Array.from({ length: 10 }, (_, i) => [i]), 3);
    const ac = new AbortController();
    ac.abort();
    const exec = executePhysicalPlan(createPhysicalPlan(t), { signal: ac.signal });
    await expect((async () => { for await (const _b of exec.batches) { /* drain */ } })()).rejects.toMatchObject({ sqlState: '57014' });

    const plan = createPhysicalPlan({ kind: 'sort', input: { kind: 'filter', input: t, predicate: fn('gt', [col(t, 'v'), lit(3, T.int32)]) }, keys: [{ expr: col(t, 'v'), ascending: false, nullsFirst: true }] });
    const run2 = executePhysicalPlan(plan, { batchSize: 4 });
    const batches: Batch[] = [];
    for await (const b of run2.batches) batches.push(b);
    const text = explainAnalyze(plan, run2.metrics);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^SortExec: \[v DESC NULLS FIRST\] \[rows=6, batches=2, time=[\d.]+ms, peak_mem=/);
    expect(lines[1]).toMatch(/^ {2}FilterExec: v > 3 \[rows=6, batches=2, /);
    expect(lines[2]).toMatch(/^ {4}ScanExec: table=t, columns=\[v\] \[rows=10, batches=3, /);
  });
});
