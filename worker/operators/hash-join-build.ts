/**
 * Hash join build phase: buffer the build (right) input into one batch, hash
 * its key columns and chain equal keys:
 *
 *   GroupTable: key → group g       first[g] ─► build row ─► next[row] ─► … ─► -1
 *
 * Chains list build rows in input order. Rows with a NULL in any key never
 * match (they still count as build rows for right/full outer joins).
 *
 * Null-aware joins (IN / NOT IN, key 0 = the IN equality) also get a second
 * table over the *other* keys only (`others`), holding every row whose other
 * keys are non-NULL, including rows whose IN key is NULL: those are the rows a
 * probe row with a NULL IN key (or any probe row, for build rows with a NULL
 * IN key) compares "unknown" with. With no other keys it is one chain of all rows.
 */
import type * as arrow from 'apache-arrow';
import { type Batch, toArrowType } from '../../core/index.ts';
import type { Expr } from '../../planner/index.ts';
import type { CompiledExpr } from '../expr/index.ts';
import { anyNull } from '../kernels/hash.ts';
import { batchBytes, concatBatches } from '../kernels/take.ts';
import { GroupTable } from './group-table.ts';

/** Keys → chains of build rows. */
export interface ChainTable {
  readonly table: GroupTable;
  readonly first: Int32Array;
  readonly next: Int32Array;
  /** True when every chain holds one row (next is all -1). */
  readonly unique: boolean;
  /** True when group g is build row g (unique keys, no row skipped): probes use the group as the row; first and next are then empty unless walked. */
  readonly identity: boolean;
}

/** The buffered build side and its hash tables. */
export interface JoinHashTable {
  /** All build rows, materialized. */
  readonly build: Batch;
  /** Over all keys; rows with any NULL key left out. */
  readonly main: ChainTable;
  /** Null-aware joins: over keys 1.. (null when not null-aware). */
  readonly others: ChainTable | null;
  /** Null-aware joins: 1 where the build row's IN key (key 0) is NULL. */
  readonly inKeyNull: Uint8Array | null;
  /** Number of build rows with a NULL IN key. */
  readonly inKeyNullCount: number;
  readonly byteSize: number;
}

/** `walked`: the chains are walked whatever the keys (null-aware `others`); otherwise an identity table gets no chain arrays. */
function chainTable(keyExprs: readonly Expr[], keyData: readonly arrow.Data[], n: number, skip: Uint8Array, walked: boolean): ChainTable {
  const table = new GroupTable(keyExprs.map((e) => toArrowType(e.type)), Math.max(16, n));
  const gids = new Int32Array(n);
  let rows = 0;
  for (let r = 0; r < n; r++) rows += skip[r] === 1 ? 0 : 1;
  if (keyData.length === 0) {
    // No keys: one group holding every row not skipped.
    for (let r = 0; r < n; r++) gids[r] = skip[r] === 1 ? -1 : 0;
    table.size = 1;
  } else {
    table.insert(keyData, null, n, null, gids, skip);
  }
  const identity = table.size === rows && rows === n && keyData.length > 0;
  // group g is build row g: probes use the group itself (hash-join.ts), first and next would be g and -1
  if (identity && !walked) return { table, first: new Int32Array(0), next: new Int32Array(0), unique: true, identity };
  const first = new Int32Array(Math.max(1, table.size)).fill(-1);
  const next = new Int32Array(n).fill(-1);
  for (let r = n - 1; r >= 0; r--) {
    const g = gids[r]!;
    if (g < 0) continue;
    next[r] = first[g]!;
    first[g] = r;
  }
  return { table, first, next, unique: table.size === rows, identity };
}

/** Buffers `batches` and builds the hash table(s) over `keys` (compiled against the build layout). */
export async function buildJoinHashTable(
  batches: AsyncIterable<Batch>, columnTypes: readonly arrow.DataType[], keyExprs: readonly Expr[], keys: readonly CompiledExpr[], nullAware: boolean,
): Promise<JoinHashTable> {
  const parts: Batch[] = [];
  for await (const b of batches) parts.push(b);
  const build = concatBatches(parts, columnTypes);
  const n = build.numRows;
  const keyData = keys.map((k) => k.evaluate(build));
  const nulls = new Uint8Array(n);
  anyNull(keyData, null, n, nulls);
  const main = chainTable(keyExprs, keyData, n, nulls, false);
  let byteSize = batchBytes(build) + main.table.byteSize() + main.first.byteLength + main.next.byteLength;
  if (!nullAware) return { build, main, others: null, inKeyNull: null, inKeyNullCount: 0, byteSize };
  const inKeyNull = new Uint8Array(n);
  const inKeyNullCount = anyNull(keyData.slice(0, 1), null, n, inKeyNull);
  const otherNulls = new Uint8Array(n);
  anyNull(keyData.slice(1), null, n, otherNulls);
  const others = chainTable(keyExprs.slice(1), keyData.slice(1), n, otherNulls, true);
  byteSize += others.table.byteSize() + others.first.byteLength + others.next.byteLength;
  return { build, main, others, inKeyNull, inKeyNullCount, byteSize };
}
