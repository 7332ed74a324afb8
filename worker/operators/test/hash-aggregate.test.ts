import { describe, expect, it } from 'vitest';
import { type LiteralValue, T, decimal } from '../../../core/index.ts';
import type { LogicalPlan } from '../../../planner/index.ts';
import { aggCall, aggregate, col, gt, lit, rng, run, sortedKeys, table, type Row } from './support.ts';

function groupRef(rows: readonly Row[], key: (r: Row) => LiteralValue[]): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = JSON.stringify(key(r), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    let g = m.get(k);
    if (!g) { g = []; m.set(k, g); }
    g.push(r);
  }
  return m;
}

describe('HashAggregateExec', () => {
  const r = rng(7);
  const data: Row[] = Array.from({ length: 300 }, () => [
    r() < 0.1 ? null : Math.floor(r() * 12) - 3,
    r() < 0.15 ? null : Math.floor(r() * 2000) - 1000,
    ['x', 'yy', 'zzz', 'é', ''][Math.floor(r() * 5)]!,
  ]);

  for (const batchSize of [1, 2, 3, 1024]) {
    it(`groups int keys with NULLs together and matches a reference (batch size ${batchSize})`, async () => {
      const t = table('t', [['k', T.int32], ['v', T.int32], ['s', T.text]], data, batchSize);
      const plan = aggregate(t, [col(t, 'k')], [
        aggCall('count_star', [], T.int64),
        aggCall('count', [col(t, 'v')], T.int64),
        aggCall('sum', [col(t, 'v')], T.int64),
        aggCall('min', [col(t, 'v')], T.int32),
        aggCall('max', [col(t, 's')], T.text),
        aggCall('avg', [col(t, 'v')], decimal(38, 4)),
      ]);
      const got = await run(plan, { batchSize });
      const expected: Row[] = [];
      for (const rows of groupRef(data, (x) => [x[0]!]).values()) {
        const vs = rows.map((x) => x[1]).filter((v): v is number => v !== null);
        const sum = vs.reduce((a, b) => a + b, 0);
        const avg = vs.length === 0 ? null : (() => {
          const n = BigInt(sum) * 10000n, d = BigInt(vs.length);
          const q = n / d, rem = n % d;
          return 2n * (rem < 0n ? -rem : rem) >= d ? q + (n < 0n ? -1n : 1n) : q;
        })();
        const texts = rows.map((x) => x[2] as string);
        const maxText = texts.reduce((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b)) >= 0 ? a : b));
        expected.push([rows[0]![0]!, BigInt(rows.length), BigInt(vs.length), vs.length ? BigInt(sum) : null,
          vs.length ? Math.min(...vs) : null, maxText, avg]);
      }
      expect(sortedKeys(got)).toEqual(sortedKeys(expected));
    });
  }

  it('groups by multiple columns of text, date and decimal', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 50; i++) rows.push([i % 3 === 0 ? null : `s${i % 4}`, 19000 + (i % 2), (i % 5) * 125]);
    const t = table('t', [['s', T.text], ['d', T.date], ['m', decimal(10, 2)]], rows, 2);
    const plan = aggregate(t, [col(t, 's'), col(t, 'd')], [aggCall('sum', [col(t, 'm')], decimal(38, 2)), aggCall('count_star', [], T.int64)]);
    const got = await run(plan);
    const expected = [...groupRef(rows, (x) => [x[0]!, x[1]!]).values()].map((g) =>
      [g[0]![0]!, g[0]![1]!, BigInt(g.reduce((a, x) => a + (x[2] as number), 0)), BigInt(g.length)]);
    expect(sortedKeys(got)).toEqual(sortedKeys(expected));
  });

  it('sums 0.01 a million times to exactly 10000.00, and beyond 2^53 exactly', async () => {
    const n = 1_000_000;
    const t = table('t', [['m', decimal(15, 2)]], Array.from({ length: n }, () => [1]), 65536);
    const got = await run(aggregate(t, [], [aggCall('sum', [col(t, 'm')], decimal(38, 2)), aggCall('avg', [col(t, 'm')], decimal(38, 6))]), { batchSize: 65536 });
    expect(got).toEqual([[1000000n, 10000n]]); // 10000.00 and 0.010000
    const big = 99999999999999999; // decimal(18,0) near 10^17 (> 2^53 would lose precision in float)
    const t2 = table('t2', [['m', decimal(18, 0)], ['i', T.int64]], Array.from({ length: 1000 }, (_, i) => [i % 2 ? 90071992547409 : -3, 4611686018427387904n + BigInt(i)]), 7);
    const got2 = await run(aggregate(t2, [], [aggCall('sum', [col(t2, 'm')], decimal(38, 0)), aggCall('sum', [col(t2, 'i')], decimal(38, 0))]));
    expect(got2).toEqual([[500n * 90071992547409n - 1500n, 1000n * 4611686018427387904n + 499500n]]);
    void big;
  });

  for (const keys of [3, 97]) it(`sums scaled decimals exactly over ${keys} groups, large values and groups appearing late`, async () => {
    // 3 groups over 256-row batches take the per-batch partial sums, 97 the one-limb sums; values near 2^50
    // push sums past 2^52 (a redone batch, or one limb widened to four); more groups appear in the last batches.
    const r2 = rng(11);
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => {
      const big = i % 997 < 300 && i > 1200 ? Math.floor(r2() * 2 ** 50) * (r2() < 0.5 ? -1 : 1) : Math.floor(r2() * 1e9) - 5e8;
      return [i < 4500 ? i % keys : keys + (i % 2), big];
    });
    const t = table('t', [['k', T.int32], ['m', decimal(18, 2)]], rows, 256);
    const got = await run(aggregate(t, [col(t, 'k')], [aggCall('sum', [col(t, 'm')], decimal(38, 2)), aggCall('avg', [col(t, 'm')], decimal(38, 2))]), { batchSize: 256 });
    const expected = [...groupRef(rows, (x) => [x[0]!]).values()].map((g) => {
      const sum = g.reduce((a, x) => a + BigInt(x[1] as number), 0n);
      const d = BigInt(g.length), q = sum / d, rem = sum % d;
      const avg = 2n * (rem < 0n ? -rem : rem) >= d ? q + (sum < 0n ? -1n : 1n) : q;
      return [g[0]![0]!, sum, avg];
    });
    expect(sortedKeys(got)).toEqual(sortedKeys(expected));
  });

  it('applies DISTINCT and FILTER per aggregate', async () => {
    const rows: Row[] = [[1, 5], [1, 5], [1, 6], [1, null], [2, 7], [2, 7], [2, -1], [null, 3], [null, 3]];
    const t = table('t', [['k', T.int32], ['v', T.int32]], rows, 2);
    const plan = aggregate(t, [col(t, 'k')], [
      aggCall('count', [col(t, 'v')], T.int64, { distinct: true }),
      aggCall('sum', [col(t, 'v')], T.int64, { distinct: true }),
      aggCall('count_star', [], T.int64, { filter: gt(col(t, 'v'), lit(5, T.int32)) }),
      aggCall('sum', [col(t, 'v')], T.int64, { distinct: true, filter: gt(col(t, 'v'), lit(0, T.int32)) }),
    ]);
    expect(sortedKeys(await run(plan))).toEqual(sortedKeys([
      [1, 2n, 11n, 1n, 11n],
      [2, 2n, 6n, 2n, 7n],
      [null, 1n, 3n, 0n, 3n],
    ]));
  });

  it('returns one row over empty input without GROUP BY and none with it', async () => {
    const t = table('t', [['k', T.int32], ['v', T.int64]], []);
    const aggs = [aggCall('count_star', [], T.int64), aggCall('sum', [col(t, 'v')], decimal(38, 0)), aggCall('max', [col(t, 'v')], T.int64)];
    expect(await run(aggregate(t, [], aggs))).toEqual([[0n, null, null]]);
    expect(await run(aggregate(t, [col(t, 'k')], aggs))).toEqual([]);
  });

  it('computes min/max of int64, text, timestamps and bool_and/bool_or across batches', async () => {
    const rows: Row[] = [
      [1, 9007199254740993n, 'b', true], [1, 9007199254740992n, 'ab', false], [2, null, null, null],
      [2, -1n, 'zz', true], [1, 5n, 'b', true], [2, -2n, 'z', true],
    ];
    const t = table('t', [['k', T.int32], ['i', T.int64], ['s', T.text], ['b', T.boolean]], rows, 1);
    const plan = aggregate(t, [col(t, 'k')], [
      aggCall('min', [col(t, 'i')], T.int64), aggCall('max', [col(t, 'i')], T.int64),
      aggCall('min', [col(t, 's')], T.text), aggCall('max', [col(t, 's')], T.text),
      aggCall('bool_and', [col(t, 'b')], T.boolean), aggCall('bool_or', [col(t, 'b')], T.boolean),
    ]);
    expect(sortedKeys(await run(plan))).toEqual(sortedKeys([
      [1, 5n, 9007199254740993n, 'ab', 'b', false, true],
      [2, -2n, -1n, 'z', 'zz', true, true],
    ]));
  });

  it('implements DISTINCT (NULLs equal) over many duplicates', async () => {
    const rows: Row[] = Array.from({ length: 500 }, (_, i) => [i % 7 === 0 ? null : i % 5, i % 2 === 0 ? 'a' : null]);
    const t = table('t', [['a', T.int16], ['b', T.text]], rows, 3);
    const plan: LogicalPlan = { kind: 'distinct', input: t };
    const got = await run(plan);
    const expected = [...new Set(sortedKeys(rows))];
    expect(sortedKeys(got)).toEqual(expected);
  });
});
