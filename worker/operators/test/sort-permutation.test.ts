import { describe, expect, it } from 'vitest';
import { T, type LiteralValue, columnFromValues } from '../../../core/index.ts';
import { sortRows } from '../sort-permutation.ts';
import { rng } from './support.ts';

/** Reference order: numbers (NaN largest), bigint, text by bytes; NULL placement; stable. */
function reference(cols: LiteralValue[][], dirs: [boolean, boolean][], n: number): number[] {
  const cmpVal = (a: LiteralValue, b: LiteralValue): number => {
    if (typeof a === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b as string));
    if (typeof a === 'bigint') return a < (b as bigint) ? -1 : a > (b as bigint) ? 1 : 0;
    const x = a as number, y = b as number;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? 0 : Number.isNaN(x) ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const idx = Array.from({ length: n }, (_, i) => i);
  return idx.sort((i, j) => {
    for (let k = 0; k < cols.length; k++) {
      const [asc, nullsFirst] = dirs[k]!;
      const a = cols[k]![i]!, b = cols[k]![j]!;
      if (a === null || b === null) { if (a !== b) return (a === null) === nullsFirst ? -1 : 1; continue; }
      const c = cmpVal(a, b);
      if (c !== 0) return asc ? c : -c;
    }
    return i - j;
  });
}

describe('sortRows', () => {
  const n = 300;
  const r = rng(5);
  const wideA = Array.from({ length: n }, () => (r() < 0.05 ? null : Math.floor(r() * 16777000)));
  const wideB = Array.from({ length: n }, () => Math.floor(r() * 4) * 4000000);
  const floats = Array.from({ length: n }, () => [NaN, -0, 0, Infinity, -Infinity, 1.5, null, -2.25][Math.floor(r() * 8)]!);
  const big = Array.from({ length: n }, () => (r() < 0.1 ? null : BigInt(Math.floor(r() * 5)) * 1152921504606846976n - 7n));
  const text = Array.from({ length: n }, () => (r() < 0.1 ? null : ['', 'a', 'B', 'é', 'ab'][Math.floor(r() * 5)]!));
  const cases: [string, [typeof T.int32, LiteralValue[]][], [boolean, boolean][]][] = [
    ['wide int ranges (comparator over ranks)', [[T.int32, wideB], [T.int32, wideA]], [[true, false], [false, true]]],
    ['floats with NaN, ±0, ±Infinity, NULL', [[T.float64, floats]], [[true, true]]],
    ['int64 beyond 2^53 then text', [[T.int64, big], [T.text, text]], [[false, false], [true, true]]],
    ['text then floats', [[T.text, text], [T.float64, floats]], [[false, true], [false, false]]],
  ] as never;
  for (const [name, cols, dirs] of cases) {
    it(name, () => {
      const keys = cols.map(([type, values], k) => ({ data: columnFromValues(type, values), ascending: dirs[k]![0], nullsFirst: dirs[k]![1] }));
      const got = Array.from(sortRows(keys, n));
      const want = reference(cols.map((c) => c[1]), dirs, n);
      // -0 and 0 are equal keys: compare the value sequences, then stability where values are distinct objects
      expect(got.map((i) => cols.map((c) => String(c[1][i])).join('|'))).toEqual(want.map((i) => cols.map((c) => String(c[1][i])).join('|')));
      expect(got).toEqual(want);
    });
  }
});
