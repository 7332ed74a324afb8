/**
 * Hash join build phase: buffer the build (right) input into one batch, hash
 * its key columns and chain equal keys:
 *
 *   GroupTable: key → group g       first[g] ─► build row ─► next[row] ─► … ─► -1
 *
 * Chains list build rows in input order. Rows with a NULL in any key never
 * match; they are kept apart (`nullKeyRows`) for NOT IN and mark joins, and
 * still count as build rows for right/full outer joins.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, toArrowType } from '../../core/index.ts';
import type { Expr } from '../../planner/index.ts';
import type { CompiledExpr } from '../expr/index.ts';
import { anyNull, hashColumns } from '../kernels/hash.ts';
import { batchBytes, concatBatches } from '../kernels/take.ts';
import { GroupTable } from './group-table.ts';

export interface JoinHashTable {
  /** All build rows, materialized. */
  readonly build: Batch;
  readonly table: GroupTable;
  readonly first: Int32Array;
  readonly next: Int32Array;
  /** Build rows with a NULL key. */
  readonly nullKeyRows: Int32Array;
  readonly byteSize: number;
}

/** Buffers `batches` and builds the hash table over `keys` (compiled against the build layout). */
export async function buildJoinHashTable(
  batches: AsyncIterable<Batch>, columnTypes: readonly arrow.DataType[], keyExprs: readonly Expr[], keys: readonly CompiledExpr[],
): Promise<JoinHashTable> {
  const parts: Batch[] = [];
  for await (const b of batches) parts.push(b);
  const build = concatBatches(parts, columnTypes);
  const n = build.numRows;
  const keyData = keys.map((k) => k.evaluate(build));
  const nulls = new Uint8Array(n);
  const nullCount = anyNull(keyData, null, n, nulls);
  const hashes = hashColumns(keyData, null, n);
  const table = new GroupTable(keyExprs.map((e) => toArrowType(e.type)), Math.max(16, n));
  const gids = new Int32Array(n);
  table.insert(keyData, null, n, hashes, gids, nulls);
  const first = new Int32Array(table.size).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const nullKeyRows = new Int32Array(nullCount);
  let k = nullCount;
  for (let r = n - 1; r >= 0; r--) {
    const g = gids[r]!;
    if (g < 0) { nullKeyRows[--k] = r; continue; }
    next[r] = first[g]!;
    first[g] = r;
  }
  const byteSize = batchBytes(build) + table.byteSize() + first.byteLength + next.byteLength;
  return { build, table, first, next, nullKeyRows, byteSize };
}
