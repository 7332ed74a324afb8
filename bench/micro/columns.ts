/** Arrow columns for the micro-benchmarks (int32 and utf8), built straight from typed arrays. */
import * as arrow from 'apache-arrow';
import { randomInts } from './micro-runner.ts';

/** An int32 column of `count` values in [0, range). */
export function intColumn(count: number, range: number, seed = 42): arrow.Data {
  return arrow.makeData({ type: new arrow.Int32(), length: count, data: randomInts(count, range, seed) });
}

/** A utf8 column of `count` TPC-H-like keys ("Customer#000012345"), `range` distinct. */
export function stringColumn(count: number, range: number, seed = 42): arrow.Data {
  const ids = randomInts(count, range, seed);
  const encoder = new TextEncoder();
  const width = 'Customer#'.length + 9;
  const bytes = new Uint8Array(count * width);
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    encoder.encodeInto(`Customer#${String(ids[i]).padStart(9, '0')}`, bytes.subarray(i * width));
    offsets[i + 1] = (i + 1) * width;
  }
  return arrow.makeData({ type: new arrow.Utf8(), length: count, data: bytes, valueOffsets: offsets });
}

/** Cuts a column into `size`-row slices starting at offset 0 each (Loch's batches are offset-0). */
export function chunks(data: arrow.Data, size: number): arrow.Data[] {
  const out: arrow.Data[] = [];
  for (let start = 0; start < data.length; start += size) {
    const n = Math.min(size, data.length - start);
    if (data.typeId === arrow.Type.Utf8) {
      const off = (data.valueOffsets as Int32Array).subarray(start, start + n + 1);
      const base = off[0]!;
      out.push(arrow.makeData({ type: new arrow.Utf8(), length: n, data: (data.values as Uint8Array).slice(base, off[n]), valueOffsets: off.map((o: number) => o - base) }));
    } else {
      out.push(arrow.makeData({ type: new arrow.Int32(), length: n, data: (data.values as Int32Array).slice(start, start + n) }));
    }
  }
  return out;
}
