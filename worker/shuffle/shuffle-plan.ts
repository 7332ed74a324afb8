/**
 * The thin layer between the distributed plan nodes (planner/distributed ShuffleWriteExec,
 * ShuffleReadExec) and the shuffle machinery, which only takes plain parameters:
 *
 *   ShuffleWriteExec(partitioning: hash(exprs, n) | round_robin(n) | single | broadcast)
 *      └─► writeShuffle(input, { partitioning: hash/round_robin/single, partitionKeys: evaluated exprs })
 *   ShuffleReadExec.partitions[p]  ─► ShuffleReadOperator ─► readShufflePartition(locations of p)
 *
 * Hash keys are evaluated as expressions (a key may be a cast the binder added so that both
 * sides of a join hash the same type). A broadcast map task writes one file, like `single`.
 */
import type { Batch, BatchField } from '../../core/index.ts';
import type { ExchangePartitioning, PlanColumn, ShuffleReadExec, ShuffleWriteExec } from '../../planner/index.ts';
import { compileExpr } from '../expr/index.ts';
import { type ExecutionContext, type PhysicalOperator, layoutOf } from '../operators/physical-operator.ts';
import type { ShuffleClientPool } from './shuffle-fetch-client.ts';
import type { MapOutputLocation, ShuffleMapTask } from './shuffle-layout.ts';
import type { ShufflePartitioning } from './shuffle-partitioner.ts';
import { type ShuffleReadMetrics, readShufflePartition } from './shuffle-reader.ts';
import { type ShuffleWriterOptions, writeShuffle } from './shuffle-writer.ts';

/** What a worker's shuffle needs beyond the plan: who it is, where files live, channels to peers. */
export interface ShuffleEnvironment {
  readonly workerId: string;
  /** host:port of this worker's gRPC server (recorded in the map outputs it registers). */
  readonly workerAddress: string;
  readonly shuffleRoot: string;
  readonly clients: ShuffleClientPool;
  readonly maxBytesInFlight?: number;
  readonly maxRequestsInFlight?: number;
  /** Shared counters of the task's shuffle reads. */
  readonly readMetrics?: ShuffleReadMetrics;
}

/** Plan columns as batch fields. */
export function fieldsOf(columns: readonly PlanColumn[]): BatchField[] {
  return columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }));
}

/** The writer options for an exchange partitioning over input `columns`. */
export function shuffleWriteOptionsOf(
  partitioning: ExchangePartitioning, columns: readonly PlanColumn[], shuffleRoot: string, mapTask: ShuffleMapTask,
): ShuffleWriterOptions {
  const base = { shuffleRoot, mapTask, fields: fieldsOf(columns) };
  switch (partitioning.kind) {
    case 'hash': {
      const layout = layoutOf(columns);
      const keys = partitioning.keys.map((k) => compileExpr(k, layout));
      const p: ShufflePartitioning = { kind: 'hash', keyColumns: [], partitions: partitioning.partitions };
      return { ...base, partitioning: p, partitionKeys: (batch: Batch) => keys.map((k) => k.evaluate(batch)) };
    }
    case 'round_robin': return { ...base, partitioning: { kind: 'round_robin', partitions: partitioning.partitions } };
    case 'single':
    case 'broadcast': return { ...base, partitioning: { kind: 'single' } };
  }
}

/**
 * Runs the root of a map stage: `input` (the ShuffleWriteExec's child, already built) for one
 * task, written as shuffle files. Returns the map outputs to register with the coordinator.
 */
export async function runShuffleWrite(
  node: ShuffleWriteExec, input: AsyncIterable<Batch>, mapTask: ShuffleMapTask, env: ShuffleEnvironment, signal?: AbortSignal,
): Promise<MapOutputLocation[]> {
  const options = shuffleWriteOptionsOf(node.partitioning, node.input.columns, env.shuffleRoot, mapTask);
  const outputs = await writeShuffle(input, options, signal);
  return outputs.map((o) => ({
    ...mapTask, outputPartition: o.outputPartition, workerId: env.workerId, workerAddress: env.workerAddress,
    path: o.path, rows: o.rows, bytes: o.bytes,
  }));
}

/** Leaf operator of a reduce task: the batches of partition `partition` of a ShuffleReadExec. */
export class ShuffleReadOperator implements PhysicalOperator {
  readonly nodeId: number;
  readonly children: readonly PhysicalOperator[] = [];
  private readonly node: ShuffleReadExec;
  private readonly partition: number;
  private readonly env: ShuffleEnvironment;

  constructor(node: ShuffleReadExec, partition: number, env: ShuffleEnvironment) {
    this.nodeId = node.nodeId;
    this.node = node;
    this.partition = partition;
    this.env = env;
  }

  execute(ctx: ExecutionContext): AsyncIterable<Batch> {
    return readShufflePartition({
      locations: this.node.partitions[this.partition] ?? [],
      localWorkerId: this.env.workerId,
      localWorkerAddress: this.env.workerAddress,
      shuffleRoot: this.env.shuffleRoot,
      clients: this.env.clients,
      fields: fieldsOf(this.node.columns),
      signal: ctx.signal,
      ...(this.env.maxBytesInFlight !== undefined ? { maxBytesInFlight: this.env.maxBytesInFlight } : {}),
      ...(this.env.maxRequestsInFlight !== undefined ? { maxRequestsInFlight: this.env.maxRequestsInFlight } : {}),
      ...(this.env.readMetrics !== undefined ? { metrics: this.env.readMetrics } : {}),
    });
  }
}
