import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readValue, decimal } from '../../../core/index.ts';
import { SumAccumulator } from '../aggregate-sum.ts';
import { rng } from './support.ts';

const dec = decimal(18, 2);
const out = decimal(38, 2);

function column(values: number[]): arrow.Data {
  return arrow.makeData({ type: new arrow.Float64(), length: values.length, nullCount: 0, data: Float64Array.from(values) });
}

describe('SumAccumulator', () => {
  it('merges partial states exactly, widening one-limb sums when a state or a sum passes 2^52', () => {
    const r = rng(5);
    const groups = 40;
    const parts = [0, 1, 2].map((p) => {
      const acc = new SumAccumulator(dec, out, false);
      const n = 3000;
      const values = Array.from({ length: n }, (_, i) => (p === 2 && i % 7 === 0 ? Math.floor(r() * 2 ** 52) : Math.floor(r() * 2e6) - 1e6));
      const g = Int32Array.from({ length: n }, (_, i) => i % groups);
      acc.resize(groups);
      acc.update(column(values), Int32Array.from({ length: n }, (_, i) => i), g, n);
      return { acc, values, g };
    });
    const merged = new SumAccumulator(dec, out, false);
    merged.resize(groups);
    const rows = Int32Array.from({ length: groups }, (_, i) => i);
    for (const p of parts) merged.merge(p.acc.state(groups), rows, rows, groups);
    const expected = new Array<bigint>(groups).fill(0n);
    for (const p of parts) p.values.forEach((v, i) => { expected[p.g[i]!]! += BigInt(v); });
    const got = merged.finish(groups);
    for (let g = 0; g < groups; g++) expect(readValue(got, out, g)).toBe(expected[g]);
    // the first two partial states (small values) merge into one limb before the third widens it
    const small = new SumAccumulator(dec, out, false);
    small.resize(groups);
    for (const p of parts.slice(0, 2)) small.merge(p.acc.state(groups), rows, rows, groups);
    const smallSum = small.finish(groups);
    for (let g = 0; g < groups; g++) {
      let e = 0n;
      for (const p of parts.slice(0, 2)) p.values.forEach((v, i) => { if (p.g[i] === g) e += BigInt(v); });
      expect(readValue(smallSum, out, g)).toBe(e);
    }
  });
});
