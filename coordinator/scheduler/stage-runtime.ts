/**
 * The per-stage bookkeeping of an ExecutionGraph and how it is built from stage definitions
 * (validated as a DAG with exactly one final stage, ordered inputs first).
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { MapOutput, StageDefinition, StageState, TaskIdentity } from './scheduler-types.ts';

/** A task bound to a worker slot. */
export interface BoundTask {
  readonly task: TaskIdentity;
  readonly workerId: string;
}

/** One stage of a running job: its state, attempt, per-partition outputs, bound tasks and counters. */
export interface StageRuntime<P> {
  readonly def: StageDefinition<P>;
  readonly inputs: StageRuntime<P>[];
  readonly consumers: StageRuntime<P>[];
  state: StageState;
  attempt: number;
  readonly outputs: (MapOutput | undefined)[];
  readonly running: (BoundTask | undefined)[];
  readonly nextTaskAttempt: number[];
  readonly failures: number[];
  fetchRollbacks: number;
  /**
   * Coalesced tasks, decided once when the stage is first resolved (StageDefinition.coalesceInputs):
   * `reads[p]` lists the partitions the task of partition p reads (p first), and is empty for a
   * partition absorbed into an earlier one's task. Undefined: one task per partition.
   */
  reads?: readonly (readonly number[])[];
}

/** The stages of a job by id, in topological order (inputs first, ties by stage id), and its final stage. */
export function buildStages<P>(jobId: string, stages: readonly StageDefinition<P>[]): {
  byId: Map<number, StageRuntime<P>>; order: StageRuntime<P>[]; finalStage: StageRuntime<P>;
} {
  const byId = new Map<number, StageRuntime<P>>();
  for (const def of stages) {
    if (byId.has(def.stageId)) throw invalid(jobId, `stage ${def.stageId} is defined twice`);
    if (!Number.isInteger(def.partitions) || def.partitions < 1) throw invalid(jobId, `stage ${def.stageId} has ${def.partitions} partitions`);
    const n = def.partitions;
    byId.set(def.stageId, {
      def, inputs: [], consumers: [], state: 'unresolved', attempt: 0, fetchRollbacks: 0,
      outputs: new Array<MapOutput | undefined>(n).fill(undefined),
      running: new Array<BoundTask | undefined>(n).fill(undefined),
      nextTaskAttempt: new Array<number>(n).fill(0), failures: new Array<number>(n).fill(0),
    });
  }
  for (const s of byId.values()) {
    for (const id of s.def.inputStageIds) {
      const input = byId.get(id);
      if (input === undefined) throw invalid(jobId, `stage ${s.def.stageId} reads stage ${id}, which does not exist`);
      s.inputs.push(input);
      input.consumers.push(s);
    }
  }
  const order = topologicalOrder(jobId, [...byId.values()]);
  const finals = order.filter((s) => s.consumers.length === 0);
  if (finals.length !== 1) throw invalid(jobId, `expected one final stage, found ${finals.length}`);
  return { byId, order, finalStage: finals[0]! };
}

/** True when every partition of the stage has an output. */
export function isComplete<P>(s: StageRuntime<P>): boolean {
  for (const o of s.outputs) if (o === undefined) return false;
  return true;
}

/**
 * The lowest partition with neither an output nor a running task, nor absorbed into another's task; or -1.
 * `accept`: a filter on the partition's locality key (partitions without a key always pass).
 */
export function firstPending<P>(s: StageRuntime<P>, accept?: (localityKey: string) => boolean): number {
  const reads = s.reads;
  const keys = accept === undefined ? undefined : s.def.localityKeys;
  for (let p = 0; p < s.def.partitions; p++) {
    if (s.outputs[p] !== undefined || s.running[p] !== undefined || (reads !== undefined && reads[p]!.length === 0)) continue;
    const key = keys?.[p];
    if (key === undefined || accept!(key)) return p;
  }
  return -1;
}

function topologicalOrder<P>(jobId: string, stages: StageRuntime<P>[]): StageRuntime<P>[] {
  const remaining = new Map(stages.map((s) => [s, s.inputs.length]));
  const ready = stages.filter((s) => s.inputs.length === 0).sort((a, b) => a.def.stageId - b.def.stageId);
  const order: StageRuntime<P>[] = [];
  while (ready.length > 0) {
    const s = ready.shift()!;
    order.push(s);
    for (const c of s.consumers) {
      const left = remaining.get(c)! - 1;
      remaining.set(c, left);
      if (left === 0) ready.push(c);
    }
  }
  if (order.length !== stages.length) throw invalid(jobId, 'the stages form a cycle');
  return order;
}

function invalid(jobId: string, message: string): LochError {
  return new LochError(SqlState.internalError, `invalid execution graph for job ${jobId}: ${message}`);
}
