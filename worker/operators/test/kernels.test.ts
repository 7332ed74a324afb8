import { describe, expect, it } from 'vitest';
import { Batch, type DataType, type LiteralValue, T, columnFromValues, decimal, readValue } from '../../../core/index.ts';
import { hashColumns } from '../../kernels/hash.ts';
import { combineComparators, makeSortComparator, sortPermutation } from '../../kernels/sort-compare.ts';
import { concatData, materialize, take } from '../../kernels/take.ts';

const samples: [DataType, LiteralValue[]][] = [
  [T.boolean, [true, null, false, true]],
  [T.int16, [1, -2, null, 300]],
  [T.int32, [7, null, -9, 2147483647]],
  [T.int64, [9007199254740993n, null, -5n, 0n]],
  [T.float64, [1.5, -0, null, NaN]],
  [decimal(15, 2), [12345, -1, null, 99]],
  [decimal(38, 2), [123456789012345678901234567890n, null, -42n, 0n]],
  [T.text, ['héllo', '', null, 'a longer string of text']],
  [T.date, [0, -365, 19000, null]],
  [T.timestamp, [1700000000000000n, null, -1n, 0n]],
  [T.interval, [{ months: 1, days: 2, micros: 3 }, null, { months: 0, days: 0, micros: -7 }, { months: -1, days: 0, micros: 0 }]],
];

const values = (t: DataType, d: ReturnType<typeof take>): LiteralValue[] => Array.from({ length: d.length }, (_, i) => readValue(d, t, i));

describe('take / concat / materialize', () => {
  for (const [type, vals] of samples) {
    it(`gathers ${type.kind} rows with -1 as NULL`, () => {
      const d = columnFromValues(type, vals);
      const out = take(d, Int32Array.from([3, -1, 0, 2, 0]));
      expect(values(type, out)).toEqual([vals[3], null, vals[0], vals[2], vals[0]]);
      const cat = concatData([d, out, take(d, new Int32Array(0))]);
      expect(values(type, cat)).toEqual([...vals, vals[3], null, vals[0], vals[2], vals[0]]);
    });
  }

  it('materializes a selection', () => {
    const a = columnFromValues(T.int32, [1, 2, 3, 4]);
    const b = columnFromValues(T.text, ['a', 'b', 'c', 'd']);
    const m = materialize(new Batch([a, b], 4, Int32Array.from([1, 3])));
    expect(m.selection).toBeNull();
    expect(values(T.int32, m.column(0))).toEqual([2, 4]);
    expect(values(T.text, m.column(1))).toEqual(['b', 'd']);
  });
});

describe('hashColumns', () => {
  it('hashes equal values of different integer widths alike, and -0 like 0', () => {
    const h16 = hashColumns([columnFromValues(T.int16, [5, -3, null])], null, 3);
    const h32 = hashColumns([columnFromValues(T.int32, [5, -3, null])], null, 3);
    const h64 = hashColumns([columnFromValues(T.int64, [5n, -3n, null])], null, 3);
    expect(Array.from(h16)).toEqual(Array.from(h32));
    expect(Array.from(h32)).toEqual(Array.from(h64));
    const f = hashColumns([columnFromValues(T.float64, [0, -0])], null, 2);
    expect(f[0]).toBe(f[1]);
  });

  it('combines columns (order matters) and follows the row vector', () => {
    const a = columnFromValues(T.int32, [1, 2]);
    const b = columnFromValues(T.text, ['x', 'y']);
    const ab = hashColumns([a, b], null, 2);
    const ba = hashColumns([b, a], null, 2);
    expect(ab[0]).not.toBe(ba[0]);
    const picked = hashColumns([a, b], Int32Array.from([1]), 1);
    expect(picked[0]).toBe(ab[1]);
    // few collisions on distinct ints
    const many = hashColumns([columnFromValues(T.int32, Array.from({ length: 10000 }, (_, i) => i))], null, 10000);
    expect(new Set(many).size).toBeGreaterThan(9990);
  });
});

describe('sort comparators', () => {
  it('orders text by UTF-8 bytes, int64 beyond 2^53, NULLs first or last, stably', () => {
    const t = columnFromValues(T.text, ['b', 'B', 'é', null, 'a', 'ab']);
    const asc = sortPermutation(6, makeSortComparator(t, true, false));
    expect(Array.from(asc).map((i) => readValue(t, T.text, i))).toEqual(['B', 'a', 'ab', 'b', 'é', null]);
    const desc = sortPermutation(6, makeSortComparator(t, false, true));
    expect(Array.from(desc).map((i) => readValue(t, T.text, i))).toEqual([null, 'é', 'b', 'ab', 'a', 'B']);
    const big = columnFromValues(T.int64, [9007199254740993n, 9007199254740992n, -1n, -9007199254740993n]);
    expect(Array.from(sortPermutation(4, makeSortComparator(big, true, false)))).toEqual([3, 2, 1, 0]);
    const k1 = columnFromValues(T.int32, [1, 0, 1, 0]);
    const k2 = columnFromValues(T.int32, [5, 5, 5, 4]);
    expect(Array.from(sortPermutation(4, combineComparators([makeSortComparator(k1, true, false)])))).toEqual([1, 3, 0, 2]);
    expect(Array.from(sortPermutation(4, combineComparators([makeSortComparator(k1, true, false), makeSortComparator(k2, true, false)])))).toEqual([3, 1, 0, 2]);
  });
});
