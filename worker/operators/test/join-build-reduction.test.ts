import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { Batch, T } from '../../../core/index.ts';
import type { Expr } from '../../../planner/index.ts';
import { compileExpr } from '../../expr/index.ts';
import { canReduceBuild, probeKeySet, readAhead, reduceBuild } from '../join-build-reduction.ts';

const key: Expr = { kind: 'column', id: 1, name: 'k', type: T.int32 };
const layout = new Map([[1, 0]]);

function intBatch(values: readonly (number | null)[], selection: Int32Array | null = null): Batch {
  const data = new Int32Array(values.length);
  const valid = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  values.forEach((v, i) => { if (v === null) nulls++; else { data[i] = v; valid[i >> 3]! |= 1 << (i & 7); } });
  const col = arrow.makeData({ type: new arrow.Int32(), length: values.length, nullCount: nulls, nullBitmap: nulls > 0 ? valid : null, data });
  return new Batch([col], values.length, selection);
}

function keysOf(b: Batch): number[] {
  const v = b.column(0).values as Int32Array;
  const rows = b.selection ? [...b.selection] : [...Array(b.numRows).keys()];
  return rows.map((r) => v[r]!);
}

async function* from(batches: Batch[]): AsyncGenerator<Batch> { yield* batches; }

async function collect(it: AsyncIterable<Batch>): Promise<number[]> {
  const out: number[] = [];
  for await (const b of it) out.push(...keysOf(b));
  return out;
}

describe('hash join build-side reduction', () => {
  it('keeps only build rows whose key a probe row has (NULL keys never match), respecting selections', async () => {
    const compiled = compileExpr(key, layout);
    // probe keys 2, 5, NULL (selected rows only: the 9 is not selected)
    const set = probeKeySet([intBatch([2, 9, null, 5], Int32Array.from([0, 2, 3]))], [compiled], [new arrow.Int32()]);
    expect(set.size).toBe(2);
    const build = [intBatch([1, 2, 3, null, 5, 2]), intBatch([9, 9, 5], Int32Array.from([0, 2]))];
    expect(await collect(reduceBuild(from(build), [compiled], set))).toEqual([2, 5, 2, 5]);
  });

  it('stops filtering once the sampled build rows mostly match', async () => {
    const compiled = compileExpr(key, layout);
    const set = probeKeySet([intBatch([1, 2, 3])], [compiled], [new arrow.Int32()]);
    const matching = Array.from({ length: 40 }, () => intBatch(Array.from({ length: 2048 }, (_, i) => 1 + (i % 3))));
    // after the sample every batch passes unchanged, even rows without a probe key
    const tail = intBatch([7, 8, 1]);
    const out = await collect(reduceBuild(from([...matching, tail]), [compiled], set));
    expect(out.slice(-3)).toEqual([7, 8, 1]);
  });

  it('builds the key set only once the build side outgrows the probe side, passing the rows before unfiltered', async () => {
    const compiled = compileExpr(key, layout);
    let built = 0;
    const lazySet = () => { built++; return probeKeySet([intBatch([2, 5])], [compiled], [new arrow.Int32()]); };
    // a build side no bigger than the probe side's 2 rows: no key set, nothing dropped
    expect(await collect(reduceBuild(from([intBatch([1, 2])]), [compiled], lazySet, 2))).toEqual([1, 2]);
    expect(built).toBe(0);
    // a bigger one: the first 2 rows pass as they are, the rest is filtered by a key set built once
    const build = [intBatch([1, 2]), intBatch([3, 5, 7]), intBatch([2, 9])];
    expect(await collect(reduceBuild(from(build), [compiled], lazySet, 2))).toEqual([1, 2, 5, 2]);
    expect(built).toBe(1);
  });

  it('reads ahead until the input ends, the row limit or a refused reservation', async () => {
    const batches = [intBatch([1, 2]), intBatch([3, 4]), intBatch([5, 6])];
    const all = await readAhead(from(batches)[Symbol.asyncIterator](), 100, () => true);
    expect(all.complete).toBe(true);
    expect(all.batches.length).toBe(3);
    const limited = await readAhead(from(batches)[Symbol.asyncIterator](), 3, () => true);
    expect(limited.complete).toBe(false);
    expect(limited.batches.length).toBe(2);
    let budget = 1;
    const refused = await readAhead(from(batches)[Symbol.asyncIterator](), 100, () => budget-- > 0);
    expect(refused.complete).toBe(false);
    expect(refused.batches.length).toBe(2);
    expect(refused.bytes).toBe(8);
  });

  it('applies to joins that never output unmatched build rows', () => {
    for (const t of ['inner', 'left', 'semi', 'anti', 'mark'] as const) expect(canReduceBuild(t, false)).toBe(true);
    for (const t of ['right', 'full'] as const) expect(canReduceBuild(t, false)).toBe(false);
    expect(canReduceBuild('mark', true)).toBe(false);
    expect(canReduceBuild('anti_null_aware', false)).toBe(false);
  });
});
