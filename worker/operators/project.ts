/** ProjectExec: evaluates one expression per output column; keeps the input's selection. */
import type { Batch } from '../../core/index.ts';
import type { ProjectExec } from '../../planner/index.ts';
import { compileExpr } from '../expr/index.ts';
import { type ExecutionContext, type PhysicalOperator, layoutOf, stream } from './physical-operator.ts';

/** Runs ProjectExec. */
export class ProjectOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[];
  private readonly plan: ProjectExec;
  private readonly input: PhysicalOperator;

  constructor(plan: ProjectExec, input: PhysicalOperator) {
    this.plan = plan;
    this.nodeId = plan.nodeId;
    this.input = input;
    this.children = [input];
  }

  async *execute(ctx: ExecutionContext): AsyncGenerator<Batch> {
    const layout = layoutOf(this.plan.input.columns);
    const exprs = this.plan.exprs.map((e) => compileExpr(e, layout));
    for await (const batch of stream(this.input, ctx)) {
      yield batch.withColumns(exprs.map((e) => e.evaluate(batch)));
    }
  }
}
