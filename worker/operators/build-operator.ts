/** Turns a physical plan description into a tree of runnable operators. */
import { LochError, SqlState } from '../../core/index.ts';
import type { PhysicalPlan } from '../../planner/index.ts';
import { CteAnchorOperator, CteScanOperator } from './cte.ts';
import { FilterOperator } from './filter.ts';
import { HashAggregateOperator } from './hash-aggregate.ts';
import { HashJoinOperator } from './hash-join.ts';
import { HashSetOpOperator } from './hash-set-op.ts';
import { LimitOperator } from './limit.ts';
import { NestedLoopJoinOperator } from './nested-loop-join.ts';
import type { PhysicalOperator } from './physical-operator.ts';
import { ProjectOperator } from './project.ts';
import { ScanOperator } from './scan.ts';
import { SortOperator } from './sort.ts';
import { TopKOperator } from './top-k.ts';
import { UnionOperator } from './union.ts';
import { WindowOperator } from './window.ts';
import { UnnestOperator } from './unnest.ts';
import { EmptyOperator, SingleRowOperator, ValuesOperator } from './values.ts';
import { type ShuffleEnvironment, ShuffleReadOperator } from '../shuffle/shuffle-plan.ts';

/** What operators of a distributed task need beyond the plan: which partition it computes, and its shuffle. */
export interface TaskOperatorContext {
  /** The task's partition: a ShuffleReadExec reads its files for this reduce partition. */
  readonly partition: number;
  readonly shuffle: ShuffleEnvironment;
}

/**
 * The operator tree for a physical plan (one operator per node). `task` is given when the
 * plan is one task of a distributed stage (worker/task): shuffle reads then have somewhere to read from.
 */
export function buildOperator(plan: PhysicalPlan, task?: TaskOperatorContext): PhysicalOperator {
  const buildOperator = (p: PhysicalPlan): PhysicalOperator => build(p, task);
  switch (plan.kind) {
    case 'scan': return new ScanOperator(plan);
    case 'values': return new ValuesOperator(plan);
    case 'filter': return new FilterOperator(plan, buildOperator(plan.input));
    case 'project': return new ProjectOperator(plan, buildOperator(plan.input));
    case 'hash_aggregate': return new HashAggregateOperator(plan, buildOperator(plan.input));
    case 'hash_join': return new HashJoinOperator(plan, buildOperator(plan.left), buildOperator(plan.right));
    case 'nested_loop_join': return new NestedLoopJoinOperator(plan, buildOperator(plan.left), buildOperator(plan.right));
    case 'sort': return new SortOperator(plan, buildOperator(plan.input));
    case 'top_k': return new TopKOperator(plan, buildOperator(plan.input));
    case 'limit': return new LimitOperator(plan, buildOperator(plan.input));
    case 'union': return new UnionOperator(plan, plan.inputs.map(buildOperator));
    case 'hash_set_op': return new HashSetOpOperator(plan, buildOperator(plan.left), buildOperator(plan.right));
    case 'cte_anchor': return new CteAnchorOperator(plan, buildOperator(plan.definition), buildOperator(plan.input));
    case 'cte_scan': return new CteScanOperator(plan);
    case 'single_row': return new SingleRowOperator(plan);
    case 'empty': return new EmptyOperator(plan);
    case 'window': return new WindowOperator(plan, buildOperator(plan.input));
    case 'unnest': return new UnnestOperator(plan, buildOperator(plan.input));
    case 'shuffle_read':
      if (task !== undefined) return new ShuffleReadOperator(plan, task.partition, task.shuffle);
      throw new LochError(SqlState.featureNotSupported, `shuffle_read node ${plan.nodeId} runs only inside a distributed task`);
    case 'exchange': case 'shuffle_write': case 'unresolved_shuffle':
      // Exchanges are cut into stages before running; a stage's ShuffleWriteExec root is run by worker/task.
      throw new LochError(SqlState.featureNotSupported, `${plan.kind} node ${plan.nodeId} runs only inside a distributed task`);
  }
}

const build = buildOperator;
