/**
 * HashJoinExec: builds a hash table on the right input (hash-join-build.ts),
 * then streams the left input: hash its keys, look up each row's chain and
 * hand candidate pairs to the JoinEmitter (join-emitter.ts), in chunks of at
 * most PAIR_CHUNK pairs so a skewed key cannot blow up one output batch.
 *
 * Grace hash join: when the memory budget refuses the build side, both sides
 * are split by the hash of their join keys into JOIN_SPILL_PARTITIONS spill
 * files each (spill/hash-partition-spill.ts), then joined partition by
 * partition. Equal keys meet in the same partition, rows with NULL keys land
 * in some partition where they stay unmatched, so every join type keeps its
 * meaning per partition. A partition whose build side still exceeds the
 * budget is split again with a remixed hash (spill/grace-resplit.ts). Null-aware joins (IN / NOT IN) partition by their
 * correlation keys only (a NULL IN key is "unknown" against every row with the
 * same correlation keys) and do not spill without correlation keys.
 *
 * A small probe side is read first and filters the build side down to the
 * keys it holds (join-build-reduction.ts).
 */
import { type Batch, toArrowType } from '../../core/index.ts';
import type { HashJoinExec } from '../../planner/index.ts';
import { type CompiledExpr, compileExpr, compilePredicate } from '../expr/index.ts';
import { anyNull } from '../kernels/hash.ts';
import { batchBytes, sharedIdentity } from '../kernels/take.ts';
import { JoinEmitter, type Residual } from './join-emitter.ts';
import type * as arrow from 'apache-arrow';
import { type JoinHashTable, buildJoinHashTable } from './hash-join-build.ts';
import { REDUCE_MAX_PROBE_ROWS, canReduceBuild, probeKeySet, readAhead, reduceBuild } from './join-build-reduction.ts';
import {
  type ExecutionContext, type OperatorMetrics, type PhysicalOperator, checkCancelled, layoutOf, metricsOf, stream,
} from './physical-operator.ts';
import { HashPartitionSpill, deletePartitionFiles } from './spill/hash-partition-spill.ts';
import { type SpillFile, readSpillFile } from './spill/spill-file.ts';
import { spillFieldsOf } from './spill/spill-fields.ts';
import { type GraceSplit, fittingPairs } from './spill/grace-resplit.ts';
import { minSpillBytes } from './spill/spill-threshold.ts';

const PAIR_CHUNK = 8192;
/** Partitions of a spilling (grace) hash join. */
export const JOIN_SPILL_PARTITIONS = 32;

/** Runs HashJoinExec (every join type). */
export class HashJoinOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: HashJoinExec;
  private readonly left: PhysicalOperator;
  private readonly right: PhysicalOperator;

  constructor(plan: HashJoinExec, left: PhysicalOperator, right: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.left = left;
    this.right = right;
    this.children = [left, right];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const plan = this.plan;
    const metrics = metricsOf(ctx, this.nodeId);
    const rightKeys = plan.rightKeys.map((k) => compileExpr(k, layoutOf(plan.right.columns)));
    const leftKeys = plan.leftKeys.map((k) => compileExpr(k, layoutOf(plan.left.columns)));
    // Null-aware joins partition by the correlation keys (1..) only.
    const firstPartitionKey = plan.nullAware ? 1 : 0;
    const canSpill = ctx.spill !== undefined && plan.rightKeys.length > firstPartitionKey;
    const partitionKeys = (b: Batch, keys: typeof rightKeys): arrow.Data[] => keys.slice(firstPartitionKey).map((k) => k.evaluate(b));
    let parts: Batch[] = [];
    let bytes = 0;
    let buildSpill: HashPartitionSpill | null = null;
    let probeSpill: HashPartitionSpill | null = null;
    let buildFiles: (SpillFile | null)[] = [];
    let probeFiles: (SpillFile | null)[] = [];
    let probeInput: AsyncIterable<Batch> = stream(this.left, ctx);
    let buildInput: AsyncIterable<Batch> = stream(this.right, ctx);
    let leftIter: AsyncIterator<Batch> | null = null;
    let aheadBytes = 0;
    try {
      if (canReduceBuild(plan.joinType, plan.nullAware) && plan.leftKeys.length > 0) {
        leftIter = probeInput[Symbol.asyncIterator]();
        // the read-ahead takes at most a quarter of the budget: the build side needs the rest
        let reserved = 0;
        const reserve = (n: number): boolean => {
          if (reserved + n > ctx.memory.limitBytes / 4 || !ctx.memory.tryReserve(metrics, n)) return false;
          reserved += n;
          return true;
        };
        const ahead = await readAhead(leftIter, REDUCE_MAX_PROBE_ROWS, reserve);
        aheadBytes = ahead.bytes;
        if (ahead.complete) {
          // the key set is built once the build side has more rows than the whole probe side
          let probeRows = 0;
          for (const b of ahead.batches) probeRows += b.length;
          const keySet = (): ReturnType<typeof probeKeySet> => probeKeySet(ahead.batches, leftKeys, plan.leftKeys.map((k) => toArrowType(k.type)));
          buildInput = reduceBuild(buildInput, rightKeys, keySet, probeRows);
        }
        const drained = (): void => { ctx.memory.release(metrics, aheadBytes); aheadBytes = 0; };
        probeInput = concatStreams(ahead.batches, ahead.complete ? null : leftIter, drained);
      }
      for await (const b of buildInput) {
        if (buildSpill !== null) { buildSpill.write(b); continue; }
        const n = batchBytes(b);
        if (!ctx.memory.tryReserve(metrics, n)) {
          if (canSpill && bytes + n >= minSpillBytes(ctx.memory.limitBytes)) {
            buildSpill = new HashPartitionSpill(
              ctx.spill!, spillFieldsOf(plan.right.columns), (x) => partitionKeys(x, rightKeys), `join${this.nodeId}-build`, JOIN_SPILL_PARTITIONS,
            );
            for (const p of [...parts, b]) buildSpill.write(p);
            parts = [];
            ctx.memory.release(metrics, bytes);
            bytes = 0;
            continue;
          }
          ctx.memory.account(metrics, n);
        }
        parts.push(b);
        bytes += n;
      }
      if (buildSpill === null) {
        const buffered = parts;
        parts = [];
        ctx.memory.release(metrics, bytes); // joinBuilt accounts the table, rows included
        bytes = 0;
        yield* this.joinBuilt(ctx, metrics, toAsync(buffered), probeInput, rightKeys, leftKeys);
        return;
      }
      buildFiles = buildSpill.finish();
      probeSpill = new HashPartitionSpill(
        ctx.spill!, spillFieldsOf(plan.left.columns), (x) => partitionKeys(x, leftKeys), `join${this.nodeId}-probe`, JOIN_SPILL_PARTITIONS,
      );
      for await (const b of probeInput) probeSpill.write(b);
      probeFiles = probeSpill.finish();
      metrics.spilledBytes = (metrics.spilledBytes ?? 0) + buildSpill.bytes + probeSpill.bytes;
      buildSpill = probeSpill = null;
      const keepsBuild = plan.joinType === 'right' || plan.joinType === 'full';
      // A partition still too big for the budget is split again (spill/grace-resplit.ts).
      const resplit: GraceSplit = {
        buildFields: spillFieldsOf(plan.right.columns), probeFields: spillFieldsOf(plan.left.columns),
        buildKeys: (x) => partitionKeys(x, rightKeys), probeKeys: (x) => partitionKeys(x, leftKeys),
        partitions: JOIN_SPILL_PARTITIONS, keepsBuild, label: `join${this.nodeId}`,
      };
      for (let p = 0; p < JOIN_SPILL_PARTITIONS; p++) {
        checkCancelled(ctx);
        const buildFile = buildFiles[p]!, probeFile = probeFiles[p]!;
        if (probeFile !== null || (keepsBuild && buildFile !== null)) {
          for await (const part of fittingPairs(ctx, metrics, { build: buildFile, probe: probeFile }, resplit)) {
            yield* this.joinBuilt(ctx, metrics, readFileOrNothing(part.build), readFileOrNothing(part.probe), rightKeys, leftKeys);
          }
        }
        deletePartitionFiles([buildFile, probeFile]);
        buildFiles[p] = probeFiles[p] = null;
      }
    } finally {
      ctx.memory.release(metrics, bytes + aheadBytes);
      await leftIter?.return?.();
      buildSpill?.abandon();
      probeSpill?.abandon();
      deletePartitionFiles(buildFiles);
      deletePartitionFiles(probeFiles);
    }
  }

  /** Builds the hash table over `build` and joins every batch of `probeInput` with it. */
  private async *joinBuilt(
    ctx: ExecutionContext, metrics: OperatorMetrics, build: AsyncIterable<Batch>, probeInput: AsyncIterable<Batch>,
    rightKeys: readonly CompiledExpr[], leftKeys: readonly CompiledExpr[],
  ): AsyncGenerator<Batch> {
    const plan = this.plan;
    const leftCols = plan.left.columns, rightCols = plan.right.columns;
    const rightTypes = rightCols.map((c) => toArrowType(c.type));
    const ht = await buildJoinHashTable(build, rightTypes, plan.rightKeys, rightKeys, plan.nullAware);
    ctx.memory.account(metrics, ht.byteSize);
    try {
      const joinType = plan.joinType;
      const pairLayout = layoutOf([...leftCols, ...rightCols]);
      const residual: Residual = { predicate: plan.residual === null ? null : compilePredicate(plan.residual, pairLayout), nullAware: null };
      const emitter = new JoinEmitter(joinType, leftCols.map((c) => toArrowType(c.type)), rightTypes, residual, ht.build);
      const buildRows = ht.build.numRows;
      const probeOut = new Int32Array(PAIR_CHUNK);
      const buildOut = new Int32Array(PAIR_CHUNK);
      const main = ht.main;
      const flagsByKey = residual.predicate === null && (joinType === 'semi' || joinType === 'anti' || joinType === 'anti_null_aware' || joinType === 'mark');
      // Per-batch scratch, kept across batches: fresh memory costs a page fault per 4 KiB on first touch.
      let nulls = new Uint8Array(0), gids = new Int32Array(0), state = new Uint8Array(0);

      for await (const probe of probeInput) {
        checkCancelled(ctx);
        if (buildRows === 0 && (joinType === 'inner' || joinType === 'semi' || joinType === 'right')) continue;
        const count = probe.length;
        const rows = probe.selection ?? sharedIdentity(probe.numRows);
        const keyData = leftKeys.map((k) => k.evaluate(probe));
        if (nulls.length < count) { nulls = new Uint8Array(count); gids = new Int32Array(count); }
        anyNull(keyData, rows, count, nulls);
        main.table.lookup(keyData, rows, count, null, gids, nulls);
        // the emitter keeps no reference to state past finishProbe: zeroing the reused one suffices
        if (state.length < probe.numRows) state = new Uint8Array(probe.numRows);
        else state.fill(0, 0, probe.numRows);
        let n = 0;
        if (flagsByKey) {
          // semi/anti/mark without residual: a key hit is a match, no need to walk the chain.
          for (let i = 0; i < count; i++) if (gids[i]! >= 0) state[rows[i]!] = 1;
        } else if (main.unique) {
          // one build row per key (a primary key): no chain to walk; with no build row skipped, group g is row g
          const first = main.identity ? null : main.first;
          for (let i = 0; i < count; i++) {
            const g = gids[i]!;
            if (g < 0) continue;
            probeOut[n] = rows[i]!;
            buildOut[n++] = first === null ? g : first[g]!;
            if (n === PAIR_CHUNK) {
              const out = emitter.pairs(probe, probeOut, buildOut, n, state);
              if (out) yield out;
              n = 0;
            }
          }
        } else for (let i = 0; i < count; i++) {
          const g = gids[i]!;
          if (g < 0) continue;
          for (let b = main.first[g]!; b !== -1; b = main.next[b]!) {
            probeOut[n] = rows[i]!;
            buildOut[n++] = b;
            if (n === PAIR_CHUNK) {
              const out = emitter.pairs(probe, probeOut, buildOut, n, state);
              if (out) yield out;
              n = 0;
            }
          }
        }
        const out = emitter.pairs(probe, probeOut, buildOut, n, state);
        if (out) yield out;
        if (ht.others !== null && buildRows > 0) this.unknownPairs(probe, rows, count, keyData, ht, emitter, state);
        const tail = emitter.finishProbe(probe, state);
        if (tail) yield tail;
      }
      const rest = emitter.finishBuild();
      if (rest) yield rest;
    } finally {
      ctx.memory.account(metrics, -ht.byteSize);
    }
  }

  /**
   * IN / NOT IN: flags probe rows that compare "unknown" — a NULL IN key on
   * either side, with the other keys equal (and the residual TRUE).
   */
  private unknownPairs(
    probe: Batch, rows: Int32Array, count: number, keyData: readonly arrow.Data[],
    ht: JoinHashTable, emitter: JoinEmitter, state: Uint8Array,
  ): void {
    const others = ht.others!;
    const inKeyNull = ht.inKeyNull!;
    const otherKeys = keyData.slice(1);
    const probeInNull = new Uint8Array(count);
    anyNull(keyData.slice(0, 1), rows, count, probeInNull);
    const otherNull = new Uint8Array(count);
    anyNull(otherKeys, rows, count, otherNull);
    const gids = new Int32Array(count);
    if (otherKeys.length === 0) gids.fill(0);
    else others.table.lookup(otherKeys, rows, count, null, gids, otherNull);
    const flagOnly = !emitter.hasResidual;
    let ps = new Int32Array(64), bs = new Int32Array(64);
    let n = 0;
    for (let i = 0; i < count; i++) {
      const g = gids[i]!;
      // A NULL correlation key means an empty subquery: no match, nothing unknown.
      if (g < 0 || otherNull[i] === 1) continue;
      const p = rows[i]!;
      if (state[p] === 1) continue;
      if (probeInNull[i] === 0 && ht.inKeyNullCount === 0) continue;
      for (let b = others.first[g]!; b !== -1; b = others.next[b]!) {
        if (probeInNull[i] === 0 && inKeyNull[b] === 0) continue;
        if (flagOnly) { state[p] = 2; break; }
        if (n === ps.length) {
          const p2 = new Int32Array(n * 2); p2.set(ps); ps = p2;
          const b2 = new Int32Array(n * 2); b2.set(bs); bs = b2;
        }
        ps[n] = p; bs[n++] = b;
      }
    }
    if (n > 0) emitter.pairs(probe, ps, bs, n, state, true);
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** `first`, then the rest of `rest` (a partly read iterator), if any; `drained` once `first` is handed out. */
async function* concatStreams(first: Batch[], rest: AsyncIterator<Batch> | null, drained: () => void): AsyncGenerator<Batch> {
  // drop each buffered batch once handed out, so the join does not keep them all alive
  for (let i = 0; i < first.length; i++) {
    const b = first[i]!;
    first[i] = null as never;
    yield b;
  }
  drained();
  if (rest === null) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

async function* readFileOrNothing(file: SpillFile | null): AsyncGenerator<Batch> {
  if (file !== null) yield* readSpillFile(file);
}
