/**
 * Build-side reduction for hash joins whose probe (left) side is small.
 *
 * The hash join normally reads its whole build (right) side first. When the
 * probe side turns out to be small (TPC-H Q21/Q4/Q22: a few ten thousand
 * orders or customers against millions of lineitem/orders rows), the probe
 * side is read first instead, its join keys go into a key set, and build rows
 * whose key is not in the set are dropped before they are buffered, hashed and
 * chained:
 *
 *   probe ──► buffer (≤ REDUCE_MAX_PROBE_ROWS) ──► key set
 *   build ──► [key in set?] ──► hash table of the few build rows that can match
 *
 * Only for join types that never output unmatched build rows (inner, left,
 * semi, anti, mark without NULL-aware IN semantics): a build row whose key no
 * probe row has can never pair with anything. Rows with a NULL key never match
 * either, so they go too. When the filter keeps most rows (no reduction to
 * gain) it stops filtering after a few batches.
 */
import type * as arrow from 'apache-arrow';
import type { Batch } from '../../core/index.ts';
import type { JoinType } from '../../planner/index.ts';
import type { CompiledExpr } from '../expr/index.ts';
import { anyNull } from '../kernels/hash.ts';
import { batchBytes, sharedIdentity } from '../kernels/take.ts';
import { GroupTable } from './group-table.ts';

/** Largest probe side (rows) read ahead to reduce the build side. */
export const REDUCE_MAX_PROBE_ROWS = 1 << 19;

/** Build rows looked at before deciding the filter is worth it. */
const SAMPLE_ROWS = 1 << 16;

/** Kept fraction of the sampled build rows above which filtering stops. */
const KEEP_RATIO_LIMIT = 0.7;

/** True when build rows without a probe key can be dropped for this join. */
export function canReduceBuild(joinType: JoinType, nullAware: boolean): boolean {
  if (nullAware) return false;
  return joinType === 'inner' || joinType === 'left' || joinType === 'semi' || joinType === 'anti' || joinType === 'mark';
}

/** The probe batches read ahead, and whether they are the whole probe side. */
export interface ProbeReadAhead {
  readonly batches: Batch[];
  readonly complete: boolean;
  readonly bytes: number;
}

/**
 * Reads probe batches until the input ends, more than `maxRows` rows are
 * buffered or `reserve` (the memory budget) refuses a batch; `bytes` is what
 * `reserve` granted.
 */
export async function readAhead(input: AsyncIterator<Batch>, maxRows: number, reserve: (bytes: number) => boolean): Promise<ProbeReadAhead> {
  const batches: Batch[] = [];
  let rows = 0, bytes = 0;
  for (;;) {
    const next = await input.next();
    if (next.done) return { batches, complete: true, bytes };
    batches.push(next.value);
    const n = batchBytes(next.value);
    if (!reserve(n)) return { batches, complete: false, bytes };
    rows += next.value.length;
    bytes += n;
    if (rows > maxRows) return { batches, complete: false, bytes };
  }
}

/** The distinct non-NULL join keys of `batches` (keys compiled against the probe layout). */
export function probeKeySet(batches: readonly Batch[], keys: readonly CompiledExpr[], keyTypes: readonly arrow.DataType[]): GroupTable {
  let rows = 0;
  for (const b of batches) rows += b.length;
  const table = new GroupTable(keyTypes, Math.max(16, rows));
  let gids = new Int32Array(0);
  let nulls = new Uint8Array(0);
  for (const b of batches) {
    const count = b.length;
    if (count === 0) continue;
    const rowsOf = b.selection ?? sharedIdentity(b.numRows);
    const keyData = keys.map((k) => k.evaluate(b));
    if (gids.length < count) { gids = new Int32Array(count); nulls = new Uint8Array(count); }
    anyNull(keyData, rowsOf, count, nulls);
    table.insert(keyData, rowsOf, count, null, gids, nulls);
  }
  return table;
}

/**
 * Streams `build` keeping only rows whose key (compiled against the build
 * layout) is in `set`, as selections over the input batches.
 *
 * `set` may be a function that builds it, and `passRows` a number of build
 * rows to pass unfiltered first: the key set is then built only once the build
 * side has outgrown the probe side. A build side no bigger than the probe side
 * (TPC-H Q9's orders ⋈ 40K lineitem rows per task) costs less to hash as it is
 * than a key set of every probe row does, and most of its rows match anyway.
 */
export async function* reduceBuild(
  build: AsyncIterable<Batch>, keys: readonly CompiledExpr[], set: GroupTable | (() => GroupTable), passRows = 0,
): AsyncGenerator<Batch> {
  let seen = 0, kept = 0;
  let filtering = true;
  let gids = new Int32Array(0);
  let nulls = new Uint8Array(0);
  let passed = 0;
  let table: GroupTable | null = typeof set === 'function' ? null : set;
  for await (const b of build) {
    if (!filtering) { yield b; continue; }
    if (passed < passRows) { passed += b.length; yield b; continue; }
    table ??= (set as () => GroupTable)();
    const count = b.length;
    if (count === 0) continue;
    const rows = b.selection ?? sharedIdentity(b.numRows);
    const keyData = keys.map((k) => k.evaluate(b));
    if (gids.length < count) { gids = new Int32Array(count); nulls = new Uint8Array(count); }
    anyNull(keyData, rows, count, nulls);
    table.lookup(keyData, rows, count, null, gids, nulls);
    const sel = new Int32Array(count);
    let n = 0;
    for (let i = 0; i < count; i++) if (gids[i]! >= 0) sel[n++] = rows[i]!;
    seen += count;
    kept += n;
    if (seen >= SAMPLE_ROWS && kept > KEEP_RATIO_LIMIT * seen) filtering = false;
    if (n === count) yield b;
    else if (n > 0) yield b.withSelection(sel.subarray(0, n));
  }
}
