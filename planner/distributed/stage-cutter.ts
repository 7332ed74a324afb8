/**
 * The stage cutter (Ballista's DistributedPlanner): every ExchangeExec ends a
 * stage. Its input becomes a stage whose root is a ShuffleWriteExec with the
 * exchange's partitioning; in the consumer the exchange becomes an
 * UnresolvedShuffleExec leaf naming that stage. The rest of the plan is the
 * final stage, rooted in ShuffleWriteExec(single): each of its tasks writes
 * its result rows to partition 0, which the client reads from every task.
 *
 *   HashJoinExec                        Stage 1: ShuffleWriteExec(hash(o_orderkey))   ◄ ScanExec orders
 *     ExchangeExec hash(o_orderkey)  ⇒  Stage 2: ShuffleWriteExec(hash(l_orderkey))   ◄ ScanExec lineitem
 *       ScanExec orders                 Stage 3: ShuffleWriteExec(single)
 *     ExchangeExec hash(l_orderkey)               HashJoinExec
 *       ScanExec lineitem                           UnresolvedShuffleExec(stage 1)
 *                                                   UnresolvedShuffleExec(stage 2)
 *
 * Stage ids count from 1, inputs before their consumers; the final stage has
 * the highest id. An exchange object reached twice (a CTE read in two places)
 * is one stage.
 */
import { LochError, SqlState } from '../../core/index.ts';
import { type PhysicalPlan, physicalChildren } from '../physical/physical-plan.ts';
import { taskCount } from './distribution.ts';
import type { ExchangeExec, ShuffleWriteExec, UnresolvedShuffleExec } from './exchange-exec.ts';
import { withPhysicalChildren } from './insert-exchanges.ts';

/**
 * One stage of a distributed query: the shape of the scheduler's
 * StageDefinition<PhysicalPlan> (coordinator/scheduler/scheduler-types.ts).
 */
export interface QueryStage {
  readonly stageId: number;
  /** Tasks, one per partition. */
  readonly partitions: number;
  /** Stages whose shuffle output this stage reads. */
  readonly inputStageIds: readonly number[];
  /** Rooted in a ShuffleWriteExec; leaves read other stages through UnresolvedShuffleExec. */
  readonly plan: ShuffleWriteExec;
}

/** Cuts a plan with exchanges into stages (inputs first, final stage last). */
export function cutStages(plan: PhysicalPlan): QueryStage[] {
  const stages: QueryStage[] = [];
  const byExchange = new Map<ExchangeExec, QueryStage>();
  let nextStageId = 1;
  const maxNodeId = (p: PhysicalPlan): number => Math.max(p.nodeId, ...physicalChildren(p).map(maxNodeId));
  let nextNodeId = maxNodeId(plan) + 1;

  const makeStage = (root: PhysicalPlan, partitioning: ShuffleWriteExec['partitioning'], nodeId: number): QueryStage => {
    const inputs = new Set<number>();
    const body = cut(root, inputs);
    const stageId = nextStageId++;
    checkLeafWidths(body, stageId);
    const write: ShuffleWriteExec = {
      kind: 'shuffle_write', nodeId, columns: body.columns,
      ...(body.rowEstimate !== undefined ? { rowEstimate: body.rowEstimate } : {}), stageId, input: body, partitioning,
    };
    const stage: QueryStage = { stageId, partitions: taskCount(body), inputStageIds: [...inputs].sort((a, b) => a - b), plan: write };
    stages.push(stage);
    return stage;
  };

  const cut = (p: PhysicalPlan, inputs: Set<number>): PhysicalPlan => {
    if (p.kind === 'exchange') {
      let stage = byExchange.get(p);
      // A second reader of the same exchange (a CTE read twice) gets its own node id.
      const nodeId = stage === undefined ? p.nodeId : nextNodeId++;
      if (stage === undefined) {
        stage = makeStage(p.input, p.partitioning, p.nodeId);
        byExchange.set(p, stage);
      }
      inputs.add(stage.stageId);
      const leaf: UnresolvedShuffleExec = {
        kind: 'unresolved_shuffle', nodeId, columns: p.columns,
        ...(p.rowEstimate !== undefined ? { rowEstimate: p.rowEstimate } : {}), stageId: stage.stageId, partitioning: p.partitioning,
        partitionCount: p.partitioning.kind === 'hash' || p.partitioning.kind === 'round_robin' ? p.partitioning.partitions : 1,
      };
      return leaf;
    }
    if (p.kind === 'shuffle_write' || p.kind === 'unresolved_shuffle' || p.kind === 'shuffle_read') {
      throw new LochError(SqlState.internalError, `plan node ${p.nodeId} (${p.kind}) is already cut into stages`);
    }
    return withPhysicalChildren(p, physicalChildren(p).map((c) => cut(c, inputs)));
  };

  makeStage(plan, { kind: 'single' }, nextNodeId++);
  return stages;
}

/**
 * Every task of a stage runs partition p of every leaf, so the leaves that are
 * not broadcast must agree on their partition count; otherwise rows would be
 * lost or read twice. A planner bug if it fails.
 */
function checkLeafWidths(body: PhysicalPlan, stageId: number): void {
  const widths = new Set<number>();
  const visit = (p: PhysicalPlan): void => {
    const children = physicalChildren(p);
    if (children.length > 0) { children.forEach(visit); return; }
    if (p.kind === 'unresolved_shuffle') {
      if (p.partitioning.kind !== 'broadcast') widths.add(p.partitioning.kind === 'single' ? 1 : p.partitionCount);
    } else {
      widths.add(p.kind === 'scan' ? p.splits?.length ?? 1 : 1);
    }
  };
  visit(body);
  if (widths.size > 1) {
    throw new LochError(SqlState.internalError, `stage ${stageId} mixes inputs of ${[...widths].sort((a, b) => a - b).join(' and ')} partitions`);
  }
}
