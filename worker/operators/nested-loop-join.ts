/**
 * NestedLoopJoinExec: joins without equi-keys (cross joins, inequality and
 * other conditions). Buffers the right input, then for each left batch forms
 * every (left row, right row) pair, a block of right rows at a time so a block
 * has at most PAIR_CHUNK pairs, and lets the JoinEmitter apply the condition
 * and the join type.
 */
import { type Batch, toArrowType } from '../../core/index.ts';
import type { NestedLoopJoinExec } from '../../planner/index.ts';
import { compileExpr, compilePredicate } from '../expr/index.ts';
import { batchBytes, concatBatches } from '../kernels/take.ts';
import { JoinEmitter, type Residual } from './join-emitter.ts';
import { type ExecutionContext, type PhysicalOperator, layoutOf, metricsOf, stream } from './physical-operator.ts';

const PAIR_CHUNK = 8192;

/** Runs NestedLoopJoinExec (every join type). */
export class NestedLoopJoinOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: NestedLoopJoinExec;
  private readonly left: PhysicalOperator;
  private readonly right: PhysicalOperator;

  constructor(plan: NestedLoopJoinExec, left: PhysicalOperator, right: PhysicalOperator) {
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
    const parts: Batch[] = [];
    for await (const b of stream(this.right, ctx)) parts.push(b);
    const build = concatBatches(parts, rightTypes);
    const bytes = batchBytes(build);
    ctx.memory.account(metrics, bytes);
    try {
      const joinType = plan.joinType;
      const layout = layoutOf([...leftCols, ...rightCols]);
      const residual: Residual = {
        predicate: plan.condition === null ? null : compilePredicate(plan.condition, layout),
        nullAware: plan.nullAwareCondition === null ? null : compileExpr(plan.nullAwareCondition, layout),
      };
      const emitter = new JoinEmitter(joinType, leftCols.map((c) => toArrowType(c.type)), rightTypes, residual, build);
      const nb = build.numRows;
      for await (const probe of stream(this.left, ctx)) {
        const count = probe.length;
        const rows = probe.selection;
        const state = new Uint8Array(probe.numRows);
        if (nb > 0) {
          const block = Math.max(1, Math.floor(PAIR_CHUNK / Math.max(1, count)));
          for (let start = 0; start < nb; start += block) {
            const end = Math.min(nb, start + block);
            const n = count * (end - start);
            const ps = new Int32Array(n), bs = new Int32Array(n);
            let k = 0;
            for (let b = start; b < end; b++) {
              for (let i = 0; i < count; i++) { ps[k] = rows ? rows[i]! : i; bs[k++] = b; }
            }
            const out = emitter.pairs(probe, ps, bs, n, state);
            if (out) yield out;
          }
        }
        const tail = emitter.finishProbe(probe, state);
        if (tail) yield tail;
      }
      const rest = emitter.finishBuild();
      if (rest) yield rest;
    } finally {
      ctx.memory.account(metrics, -bytes);
    }
  }
}
