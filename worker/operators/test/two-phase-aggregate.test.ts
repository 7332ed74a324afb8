import { describe, expect, it } from 'vitest';
import { Batch, T, decimal, readValue, toArrowType } from '../../../core/index.ts';
import { type Expr, type HashAggregateExec, type LogicalPlan, type PhysicalPlan, createPhysicalPlan, splitAggregate } from '../../../planner/index.ts';
import { executePhysicalPlan } from '../../execute/index.ts';
import { concatBatches } from '../../kernels/take.ts';
import { aggCall, aggregate, col, fn, lit, newId, rng, run, sortedKeys, table, type Row } from './support.ts';

async function runPhysical(plan: PhysicalPlan): Promise<Row[]> {
  const exec = executePhysicalPlan(plan, { batchSize: 5 });
  const parts: Batch[] = [];
  for await (const b of exec.batches) parts.push(b);
  const types = plan.columns.map((c) => c.type);
  const all = concatBatches(parts, types.map(toArrowType));
  return Array.from({ length: all.numRows }, (_, r) => types.map((t, c) => readValue(all.column(c), t, r)));
}

describe('two-phase hash aggregation (partial → final)', () => {
  const r = rng(3);
  const rows: Row[] = Array.from({ length: 120 }, (_, id) => [
    id,
    r() < 0.1 ? null : ['a', 'b', 'c'][Math.floor(r() * 3)]!,
    r() < 0.1 ? null : Math.floor(r() * 100) - 50,
    r() < 0.1 ? null : Math.floor(r() * 100000),
    r() < 0.1 ? null : BigInt(Math.floor(r() * 1000)) * 9007199254740n,
    r() < 0.1 ? null : r() < 0.5,
    r() < 0.1 ? null : r() * 10,
  ]);
  const cols: [string, typeof T.int32][] = [
    ['id', T.int32], ['k', T.text], ['i', T.int32], ['m', decimal(12, 2)], ['b', T.int64], ['f', T.boolean], ['x', T.float64],
  ] as never;

  for (const grouped of [true, false]) {
    for (const data of [rows, []]) {
      it(`merges partial states of two inputs like one aggregate over both (${grouped ? 'grouped' : 'scalar'}, ${data.length} rows)`, async () => {
        const t = table('t', cols, data, 4);
        const calls = (p: LogicalPlan) => [
          aggCall('count_star', [], T.int64), aggCall('count', [col(p, 'i')], T.int64),
          aggCall('sum', [col(p, 'i')], T.int64), aggCall('sum', [col(p, 'm')], decimal(38, 2)),
          aggCall('avg', [col(p, 'm')], decimal(38, 16)), aggCall('min', [col(p, 'k')], T.text),
          aggCall('max', [col(p, 'b')], T.int64), aggCall('sum', [col(p, 'b')], decimal(38, 0)),
          aggCall('bool_and', [col(p, 'f')], T.boolean), aggCall('avg', [col(p, 'x')], T.float64),
          aggCall('var_samp', [col(p, 'x')], T.float64),
          aggCall('covar_samp', [col(p, 'x'), fn('multiply', [col(p, 'x'), col(p, 'x')], T.float64)], T.float64),
          aggCall('regr_slope', [fn('multiply', [col(p, 'x'), col(p, 'x')], T.float64), col(p, 'x')], T.float64),
          aggCall('regr_count', [col(p, 'x'), col(p, 'x')], T.int64),
          aggCall('approx_count_distinct', [col(p, 'k')], T.int64), aggCall('approx_count_distinct', [col(p, 'i')], T.int64),
        ];
        const keys = grouped ? [col(t, 'k')] : [];
        const expected = await run(aggregate(t, keys, calls(t)));
        // Two phase: three "partitions" of t by id, aggregated partially, then one final merge.
        let node = 500;
        const partialOf = (predicate: Expr): PhysicalPlan => {
          const input: LogicalPlan = { kind: 'filter', input: t, predicate };
          const single = createPhysicalPlan(aggregate(input, keys, calls(input))) as HashAggregateExec;
          return splitAggregate(single, newId, () => node++).input;
        };
        const id = col(t, 'id');
        const p1 = partialOf(fn('lt', [id, lit(40, T.int32)]));
        const p2 = partialOf(fn('and', [fn('ge', [id, lit(40, T.int32)]), fn('lt', [id, lit(80, T.int32)])]));
        const p3 = partialOf(fn('ge', [id, lit(80, T.int32)]));
        const single = createPhysicalPlan(aggregate(t, keys, calls(t))) as HashAggregateExec;
        const final = splitAggregate(single, newId, () => node++);
        const twoPartitions: HashAggregateExec = {
          ...final,
          groupBy: final.groupBy.map((_, i) => ({ kind: 'column', id: p1.columns[i]!.id, name: 'k', type: T.text })),
          input: { kind: 'union', nodeId: node++, columns: p1.columns, inputs: [p1, p2, p3] },
        };
        const got = await runPhysical(twoPartitions);
        // float sums may differ in the last bits by summation order
        const round = (rs: Row[]): Row[] => rs.map((x) => x.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v)));
        expect(sortedKeys(round(got))).toEqual(sortedKeys(round(expected)));
        expect(got.length).toBe(grouped ? new Set(data.map((x) => x[1])).size : 1);
      });
    }
  }
});
