/**
 * Runs one task of a distributed stage whole, in the calling thread (DESIGN.md "Execution":
 * one task = one partition of one stage, scan through shuffle write):
 *
 *   TaskDefinition ─► open every table source (async; Delta at its pinned version)
 *                  ─► decode the StagePlan (sync, with the opened scanners)
 *                  ─► scans read splits[partition] only; ShuffleReadExec reads partition p's files
 *                  ─► ShuffleWriteExec root: runShuffleWrite ─► PartitionLocations + TaskMetrics
 *
 * `runTaskStatus` never throws: errors become typed failures (task-failure.ts).
 */
import type { ScanSplit, TableScanner, TableSourceDescriptor } from '../../core/index.ts';
import { LochError, SqlState } from '../../core/index.ts';
import { openDescribedTable } from '../../connectors/index.ts';
import { clearColumnCache } from '../../storage/index.ts';
import {
  type PhysicalPlan, physicalChildren, stagePlanFromProto, tableSourceFromProto, tableSourcesIn, withPhysicalChildren,
} from '../../planner/index.ts';
import type { loch } from '../../proto/index.ts';
import { buildOperator } from '../operators/build-operator.ts';
import { type ExecutionContext, MemoryBudget, defaultMemoryLimitBytes, stream } from '../operators/physical-operator.ts';
import { SpillManager } from '../operators/spill/spill-manager.ts';
import {
  type ShuffleClientPool, type ShuffleEnvironment, type ShuffleMapTask, newShuffleReadMetrics, runShuffleWrite, toPartitionLocationProto,
} from '../shuffle/index.ts';
import { taskFailureOf } from './task-failure.ts';
import { TASK_SETTINGS } from './task-settings.ts';

/** Where a task runs: the worker's identity, shuffle directory and channels to its peers. */
export interface TaskRunEnvironment {
  readonly workerId: string;
  /** host:port of the worker's gRPC server (recorded in the map outputs). */
  readonly workerAddress: string;
  readonly shuffleRoot: string;
  readonly clients: ShuffleClientPool;
  /** Opens a scan's table (default: connectors' openDescribedTable). */
  readonly openSource?: (descriptor: TableSourceDescriptor) => Promise<TableScanner>;
  readonly maxBytesInFlight?: number;
  readonly maxRequestsInFlight?: number;
}

/** What a successful task produced. */
export interface TaskResult {
  /** One per non-empty output partition. */
  readonly locations: loch.v1.PartitionLocation.$Properties[];
  readonly metrics: loch.v1.TaskMetrics.$Properties;
}

const DEFAULT_BATCH_SIZE = 4096;

function positiveSetting(settings: Readonly<Record<string, string>>, key: string): number | undefined {
  const text = settings[key];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new LochError(SqlState.invalidParameterValue, `task setting ${key} must be a positive number, not "${text}"`);
  return n;
}

/** The same table, reading only `splits` (ScanRequest.splits: the scanner's own split support). */
function restrictTo(source: TableScanner, splits: readonly ScanSplit[]): TableScanner {
  const restricted: TableScanner = {
    columns: source.columns,
    statistics: () => source.statistics(),
    scan: (request) => source.scan({ ...request, splits }),
  };
  return restricted;
}

/** Scans bound to partition `p`: each reads `splits[p]` (nothing when it has no such share). */
function bindScans(plan: PhysicalPlan, partition: number, leaves: { scans: Set<number>; reads: Set<number>; bytes: number }): PhysicalPlan {
  const visit = (n: PhysicalPlan): PhysicalPlan => {
    if (n.kind === 'shuffle_read') leaves.reads.add(n.nodeId);
    if (n.kind === 'scan') {
      leaves.scans.add(n.nodeId);
      if (n.splits === undefined) return n;
      const { splits, ...rest } = n;
      const mine = splits[partition] ?? [];
      for (const s of mine) leaves.bytes += s.sizeBytes;
      return { ...rest, source: restrictTo(n.source, mine) };
    }
    return withPhysicalChildren(n, physicalChildren(n).map(visit));
  };
  return visit(plan);
}

/** Opens every table the stage plan scans, concurrently; keyed by the descriptor's JSON. */
async function openSources(stage: loch.v1.StagePlan.$Properties, open: (d: TableSourceDescriptor) => Promise<TableScanner>): Promise<Map<string, TableScanner>> {
  const wanted = new Map<string, TableSourceDescriptor>();
  for (const s of tableSourcesIn(stage)) {
    const d = tableSourceFromProto(s);
    wanted.set(JSON.stringify(d), d);
  }
  const opened = await Promise.all([...wanted].map(async ([key, d]) => [key, await open(d)] as const));
  return new Map(opened);
}

/** The cache epoch this thread's decoded-column cache belongs to. */
let cacheEpoch: string | undefined;

/** CLEAR CACHE on the coordinator reaches the workers as a new epoch in the next tasks' settings. */
function clearCachesOnNewEpoch(epoch: string | undefined): void {
  if (epoch === undefined || epoch === cacheEpoch) return;
  clearColumnCache();
  cacheEpoch = epoch;
}

/** Runs task `definition`; throws its error (see `runTaskStatus` for the report). */
export async function runTask(definition: loch.v1.TaskDefinition.$Properties, env: TaskRunEnvironment, signal: AbortSignal = new AbortController().signal): Promise<TaskResult> {
  const started = performance.now();
  const task = definition.task;
  const stagePlan = definition.stage;
  if (task == null || stagePlan == null) throw new LochError(SqlState.internalError, 'malformed task definition: it names no task or no stage plan');
  const settings = definition.settings ?? {};
  clearCachesOnNewEpoch(settings[TASK_SETTINGS.cacheEpoch]);
  const sources = await openSources(stagePlan, env.openSource ?? openDescribedTable);
  signal.throwIfAborted();
  const { stage } = stagePlanFromProto(stagePlan, {
    openSource: (d) => {
      const s = sources.get(JSON.stringify(d));
      if (s === undefined) throw new LochError(SqlState.internalError, `table source ${d.name} was not opened before decoding`);
      return s;
    },
  });
  const partition = task.partition ?? 0;
  if (stage.stageId !== (task.stageId ?? 0)) {
    throw new LochError(SqlState.internalError, `task of stage ${task.stageId ?? 0} carries the plan of stage ${stage.stageId}`);
  }
  if (partition >= stage.partitions) {
    throw new LochError(SqlState.internalError, `task partition ${partition} is beyond the ${stage.partitions} partitions of stage ${stage.stageId}`);
  }
  const leaves = { scans: new Set<number>(), reads: new Set<number>(), bytes: 0 };
  const body = bindScans(stage.plan.input, partition, leaves);
  const readMetrics = newShuffleReadMetrics();
  const shuffle: ShuffleEnvironment = {
    workerId: env.workerId, workerAddress: env.workerAddress, shuffleRoot: env.shuffleRoot, clients: env.clients, readMetrics,
    ...(env.maxBytesInFlight !== undefined ? { maxBytesInFlight: env.maxBytesInFlight } : {}),
    ...(env.maxRequestsInFlight !== undefined ? { maxRequestsInFlight: env.maxRequestsInFlight } : {}),
  };
  const spill = new SpillManager();
  const ctx: ExecutionContext = {
    signal,
    memory: new MemoryBudget(positiveSetting(settings, TASK_SETTINGS.memoryLimitBytes) ?? defaultMemoryLimitBytes()),
    spill,
    batchSize: positiveSetting(settings, TASK_SETTINGS.batchSize) ?? DEFAULT_BATCH_SIZE,
    metrics: new Map(),
    cteDefinitions: new Map(),
    cteBuffers: new Map(),
  };
  const root = buildOperator(body, { partition, shuffle });
  const mapTask: ShuffleMapTask = {
    jobId: task.jobId ?? '', mapStageId: stage.stageId, mapStageAttempt: task.stageAttempt ?? 0,
    mapPartition: partition, mapTaskAttempt: task.taskAttempt ?? 0,
  };
  let outputs;
  try {
    outputs = await runShuffleWrite(stage.plan, stream(root, ctx), mapTask, shuffle, signal);
  } finally {
    spill.close();
  }
  const batchesOf = (ids: Set<number>): number => [...ids].reduce((n, id) => n + (ctx.metrics.get(id)?.batchesOut ?? 0), 0);
  const rowsIn = [...leaves.scans].reduce((n, id) => n + (ctx.metrics.get(id)?.rowsOut ?? 0), 0);
  const rootMetrics = ctx.metrics.get(root.nodeId);
  return {
    locations: outputs.map(toPartitionLocationProto),
    metrics: {
      input: { rows: rowsIn, batches: batchesOf(leaves.scans), bytes: leaves.bytes },
      output: {
        rows: outputs.reduce((n, o) => n + o.rows, 0), batches: rootMetrics?.batchesOut ?? 0, bytes: outputs.reduce((n, o) => n + o.bytes, 0),
      },
      shuffleRead: { rows: readMetrics.rows, batches: batchesOf(leaves.reads), bytes: readMetrics.localBytes + readMetrics.remoteBytes },
      elapsedMs: Math.round(performance.now() - started),
    },
  };
}

/** Runs task `definition` and returns its final TaskStatus (succeeded, or a typed failure); never throws. */
export async function runTaskStatus(
  definition: loch.v1.TaskDefinition.$Properties, env: TaskRunEnvironment, signal: AbortSignal = new AbortController().signal,
): Promise<loch.v1.TaskStatus.$Properties> {
  const started = performance.now();
  const t = definition.task;
  const task = t == null ? null : {
    jobId: t.jobId ?? '', stageId: t.stageId ?? 0, stageAttempt: t.stageAttempt ?? 0, partition: t.partition ?? 0, taskId: t.taskId ?? 0, taskAttempt: t.taskAttempt ?? 0,
  };
  const base = { task, workerId: env.workerId };
  try {
    const result = await runTask(definition, env, signal);
    return { ...base, succeeded: { locations: result.locations }, metrics: result.metrics };
  } catch (e) {
    return { ...base, failed: taskFailureOf(e, signal), metrics: { elapsedMs: Math.round(performance.now() - started) } };
  }
}
