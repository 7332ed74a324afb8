/**
 * HashJoinExec: builds a hash table on the right input (hash-join-build.ts),
 * then streams the left input: hash its keys, look up each row's chain and
 * hand candidate pairs to the JoinEmitter (join-emitter.ts), in chunks of at
 * most PAIR_CHUNK pairs so a skewed key cannot blow up one output batch.
 */
import { Batch, toArrowType } from '../../core/index.ts';
import type { HashJoinExec } from '../../planner/index.ts';
import { compileExpr, compilePredicate } from '../expr/index.ts';
import { anyNull, hashColumns } from '../kernels/hash.ts';
import { identity, sharedIdentity } from '../kernels/take.ts';
import { JoinEmitter, type Residual } from './join-emitter.ts';
import { buildJoinHashTable } from './hash-join-build.ts';
import { type ExecutionContext, type PhysicalOperator, layoutOf, metricsOf, stream } from './physical-operator.ts';

const PAIR_CHUNK = 8192;

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
    const leftCols = plan.left.columns, rightCols = plan.right.columns;
    const rightTypes = rightCols.map((c) => toArrowType(c.type));
    const ht = await buildJoinHashTable(
      stream(this.right, ctx), rightTypes, plan.rightKeys, plan.rightKeys.map((k) => compileExpr(k, layoutOf(rightCols))),
    );
    ctx.memory.account(metrics, ht.byteSize);
    try {
      const joinType = plan.joinType;
      const threeValued = joinType === 'mark' || joinType === 'anti_null_aware';
      const pairLayout = layoutOf([...leftCols, ...rightCols]);
      const residual: Residual = plan.residual === null ? { kind: 'none' }
        : threeValued ? { kind: 'value', expr: compileExpr(plan.residual, pairLayout) }
          : { kind: 'predicate', predicate: compilePredicate(plan.residual, pairLayout) };
      const emitter = new JoinEmitter(joinType, leftCols.map((c) => toArrowType(c.type)), rightTypes, residual, ht.build);
      const leftKeys = plan.leftKeys.map((k) => compileExpr(k, layoutOf(leftCols)));
      const buildRows = ht.build.numRows;
      const allBuild = identity(buildRows);
      const probeOut = new Int32Array(PAIR_CHUNK);
      const buildOut = new Int32Array(PAIR_CHUNK);

      for await (const probe of stream(this.left, ctx)) {
        if (buildRows === 0 && (joinType === 'inner' || joinType === 'semi' || joinType === 'right')) continue;
        const count = probe.length;
        const rows = probe.selection ?? sharedIdentity(probe.numRows);
        const keyData = leftKeys.map((k) => k.evaluate(probe));
        const nulls = new Uint8Array(count);
        anyNull(keyData, rows, count, nulls);
        const hashes = hashColumns(keyData, rows, count);
        const gids = new Int32Array(count);
        ht.table.lookup(keyData, rows, count, hashes, gids, nulls);
        const state = new Uint8Array(probe.numRows);
        let n = 0;
        for (let i = 0; i < count; i++) {
          const g = gids[i]!;
          if (g < 0) continue;
          for (let b = ht.first[g]!; b !== -1; b = ht.next[b]!) {
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
        if (threeValued && buildRows > 0) {
          // A NULL key compares unknown with every build row; a NULL build key with every probe row.
          const everyRow = ht.nullKeyRows.length > 0;
          for (let i = 0; i < count; i++) {
            if (!everyRow && nulls[i] === 0) continue;
            const p = rows[i]!;
            if (residual.kind === 'none') { if (state[p] !== 1) state[p] = 2; continue; }
            const against = nulls[i] === 1 ? allBuild : ht.nullKeyRows;
            emitter.pairs(probe, new Int32Array(against.length).fill(p), against, against.length, state, true);
          }
        }
        const tail = emitter.finishProbe(probe, state);
        if (tail) yield tail;
      }
      const rest = emitter.finishBuild();
      if (rest) yield rest;
    } finally {
      ctx.memory.account(metrics, -ht.byteSize);
    }
  }
}
