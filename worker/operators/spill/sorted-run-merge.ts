/**
 * K-way merge of sorted runs (external sort's last phase).
 *
 * Each run is a stream of batches already in sort order. A cursor per run
 * holds its current batch, that batch's evaluated key columns and a row
 * position; a binary heap of cursors, ordered by the typed value comparators
 * of kernels/sort-compare.ts (direction and NULL placement applied per key;
 * ties by run index, so equal keys keep input order across runs), yields the
 * next row. Output batches are gathered without per-row copies: the rows
 * picked from each source batch are taken at once, concatenated, then put in
 * pick order with one more take (three copies per output row, whatever k is).
 */
import type * as arrow from 'apache-arrow';
import { Batch } from '../../../core/index.ts';
import { type ValueComparator, valueComparator } from '../../kernels/sort-compare.ts';
import { concatData, take, validityOf } from '../../kernels/take.ts';

/** Direction and NULL placement of one sort key. */
export interface MergeKey {
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

interface Cursor {
  readonly run: number;
  readonly it: AsyncIterator<Batch>;
  batch: Batch;
  keys: arrow.Data[];
  valid: (Uint8Array | null)[];
  row: number;
  /** Index of `batch` among the current output's sources, or -1. */
  source: number;
}

/**
 * Merges `runs` (each sorted by `keys`, batches without selection) into one sorted stream of
 * batches of `batchSize` rows. `keyColumns` evaluates the key columns of a batch.
 */
export async function* mergeSortedRuns(
  runs: readonly AsyncIterable<Batch>[], keys: readonly MergeKey[], keyColumns: (b: Batch) => arrow.Data[],
  types: readonly arrow.DataType[], batchSize: number,
): AsyncGenerator<Batch> {
  let cmps: ValueComparator[] | null = null;
  const cursors: Cursor[] = [];
  const load = (c: Cursor, b: Batch): void => {
    c.batch = b; c.keys = keyColumns(b); c.valid = c.keys.map(validityOf); c.row = 0; c.source = -1;
  };
  const iterators = runs.map((r) => r[Symbol.asyncIterator]());
  try {
    for (let r = 0; r < iterators.length; r++) {
      const first = await nextNonEmpty(iterators[r]!);
      if (first === null) continue;
      const c: Cursor = { run: r, it: iterators[r]!, batch: first, keys: [], valid: [], row: 0, source: -1 };
      load(c, first);
      cursors.push(c);
    }
    if (cursors.length === 0) return;
    cmps = cursors[0]!.keys.map((d) => valueComparator(d.type));
    const k = keys.length;
    const less = (a: Cursor, b: Cursor): boolean => {
      for (let i = 0; i < k; i++) {
        const va = a.valid[i]!, vb = b.valid[i]!;
        const na = va !== null && ((va[a.row >> 3]! >> (a.row & 7)) & 1) === 0;
        const nb = vb !== null && ((vb[b.row >> 3]! >> (b.row & 7)) & 1) === 0;
        if (na || nb) {
          if (na === nb) continue;
          return na === keys[i]!.nullsFirst;
        }
        const c = cmps![i]!(a.keys[i]!, a.row, b.keys[i]!, b.row);
        if (c !== 0) return keys[i]!.ascending ? c < 0 : c > 0;
      }
      return a.run < b.run;
    };
    const heap = cursors.slice();
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i, less);

    const srcOf = new Int32Array(batchSize);
    const rowOf = new Int32Array(batchSize);
    let sources: Batch[] = [];
    let filled = 0;
    while (heap.length > 0) {
      const top = heap[0]!;
      if (top.source < 0) { top.source = sources.length; sources.push(top.batch); }
      srcOf[filled] = top.source;
      rowOf[filled] = top.row;
      filled++;
      top.row++;
      if (top.row >= top.batch.numRows) {
        const next = await nextNonEmpty(top.it);
        if (next === null) {
          const last = heap.pop()!;
          if (heap.length > 0) { heap[0] = last; siftDown(heap, 0, less); }
        } else {
          load(top, next);
          siftDown(heap, 0, less);
        }
      } else {
        siftDown(heap, 0, less);
      }
      if (filled === batchSize || heap.length === 0) {
        yield gatherPicks(sources, srcOf, rowOf, filled, types);
        for (const c of cursors) c.source = -1;
        sources = [];
        filled = 0;
      }
    }
  } finally {
    for (const it of iterators) await it.return?.();
  }
}

async function nextNonEmpty(it: AsyncIterator<Batch>): Promise<Batch | null> {
  for (;;) {
    const r = await it.next();
    if (r.done) return null;
    if (r.value.numRows > 0) return r.value;
  }
}

function siftDown(heap: Cursor[], i: number, less: (a: Cursor, b: Cursor) => boolean): void {
  const n = heap.length;
  const item = heap[i]!;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && less(heap[r]!, heap[l]!) ? r : l;
    if (!less(heap[c]!, item)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = item;
}

/** Builds the output batch of `count` picks (source batch, row) in pick order. */
function gatherPicks(sources: readonly Batch[], srcOf: Int32Array, rowOf: Int32Array, count: number, types: readonly arrow.DataType[]): Batch {
  const m = sources.length;
  if (m === 1) {
    const idx = rowOf.slice(0, count);
    return new Batch(sources[0]!.columns.map((c) => take(c, idx)), count, null);
  }
  const start = new Int32Array(m + 1);
  for (let i = 0; i < count; i++) start[srcOf[i]! + 1]!++;
  for (let s = 0; s < m; s++) start[s + 1]! += start[s]!;
  const fill = start.slice(0, m);
  const rowsBySource = new Int32Array(count);
  const perm = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const p = fill[srcOf[i]!]!++;
    rowsBySource[p] = rowOf[i]!;
    perm[i] = p;
  }
  const columns = types.map((type, c) => {
    const parts: arrow.Data[] = [];
    for (let s = 0; s < m; s++) {
      if (start[s + 1]! > start[s]!) parts.push(take(sources[s]!.columns[c]!, rowsBySource.subarray(start[s]!, start[s + 1]!)));
    }
    return take(concatData(parts, type), perm);
  });
  return new Batch(columns, count, null);
}
