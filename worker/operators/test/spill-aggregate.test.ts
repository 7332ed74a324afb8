import { describe, expect, it } from 'vitest';
import { type DataType, T, decimal } from '../../../core/index.ts';
import { type HashAggregateExec, type LogicalPlan, createPhysicalPlan, splitAggregate } from '../../../planner/index.ts';
import { runLimited, runPhysicalLimited } from './spill-support.ts';
import { aggCall, aggregate, col, newId, rng, sortedKeys, table, type Row } from './support.ts';

const BUDGET = 64 * 1024;

// float aggregates may differ in the last bits by summation order
const round = (rs: Row[]): Row[] => rs.map((x) => x.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v)));

describe('spilling hash aggregate', () => {
  const r = rng(5);
  const n = 12000;
  const rows: Row[] = Array.from({ length: n }, () => [
    r() < 0.05 ? null : Math.floor(r() * 1500),
    r() < 0.05 ? null : ['x', 'yy', 'é', ''][Math.floor(r() * 4)]!,
    r() < 0.1 ? null : Math.floor(r() * 200) - 100,
    r() < 0.1 ? null : Math.floor(r() * 1e7),
    r() < 0.1 ? null : BigInt(Math.floor(r() * 1e6)) * 9007199254740n,
    r() < 0.1 ? null : r() < 0.5,
    r() < 0.1 ? null : r() * 10,
    r() < 0.1 ? null : 18000 + Math.floor(r() * 30),
  ]);
  const cols: [string, DataType][] = [
    ['g', T.int32], ['s', T.text], ['i', T.int32], ['m', decimal(12, 2)], ['b', T.int64], ['f', T.boolean], ['x', T.float64], ['d', T.date],
  ];
  const calls = (p: LogicalPlan) => [
    aggCall('count_star', [], T.int64), aggCall('count', [col(p, 'i')], T.int64),
    aggCall('sum', [col(p, 'i')], T.int64), aggCall('sum', [col(p, 'm')], decimal(38, 2)),
    aggCall('avg', [col(p, 'm')], decimal(38, 16)), aggCall('min', [col(p, 's')], T.text),
    aggCall('max', [col(p, 'b')], T.int64), aggCall('min', [col(p, 'd')], T.date), aggCall('bool_and', [col(p, 'f')], T.boolean),
    aggCall('avg', [col(p, 'x')], T.float64), aggCall('var_samp', [col(p, 'x')], T.float64),
  ];

  for (const keys of [['g', 's'], ['d', 'g'], ['m']] as const) {
    it(`GROUP BY ${keys.join(', ')}: same groups as in memory, partitions spilled and removed`, async () => {
      const t = table('t', cols, rows, 1000);
      const plan = aggregate(t, keys.map((k) => col(t, k)), calls(t));
      const unlimited = await runLimited(plan, undefined);
      expect(unlimited.filesCreated).toBe(0);
      const limited = await runLimited(plan, BUDGET);
      expect(limited.filesCreated).toBeGreaterThan(1);
      expect(limited.operatorSpilledBytes).toBe(limited.bytesSpilled);
      expect(limited.leftovers).toEqual([]);
      expect(limited.rows.length).toBe(unlimited.rows.length);
      expect(sortedKeys(round(limited.rows))).toEqual(sortedKeys(round(unlimited.rows)));
    });
  }

  it('two-phase (partial → final), both spilling, gives the single-phase answer', async () => {
    const t = table('t', cols, rows, 1000);
    const keys = [col(t, 'g'), col(t, 's')];
    const single = createPhysicalPlan(aggregate(t, keys, calls(t))) as HashAggregateExec;
    let node = 900;
    const final = splitAggregate(single, newId, () => node++);
    const expected = await runLimited(aggregate(t, keys, calls(t)), undefined);
    const limited = await runPhysicalLimited(final, BUDGET);
    expect(limited.filesCreated).toBeGreaterThan(1);
    expect(limited.leftovers).toEqual([]);
    expect(sortedKeys(round(limited.rows))).toEqual(sortedKeys(round(expected.rows)));
  });

  it('DISTINCT aggregates (not splittable) stay in memory and stay correct', async () => {
    const t = table('t', cols, rows, 1000);
    const plan = aggregate(t, [col(t, 'g')], [aggCall('count', [col(t, 'i')], T.int64, { distinct: true })]);
    const unlimited = await runLimited(plan, undefined);
    const limited = await runLimited(plan, BUDGET);
    expect(limited.filesCreated).toBe(0);
    expect(sortedKeys(limited.rows)).toEqual(sortedKeys(unlimited.rows));
  });
});
