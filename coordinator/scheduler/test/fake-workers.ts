/**
 * Test support: a TPC-H-shaped job (two map stages → a join stage → a final stage) and fake
 * workers that "run" tasks by reporting shuffle files for them.
 */
import type {
  ExecutionGraph, JobError, MapOutput, SchedulerActions, ShufflePartitionLocation, StageDefinition, TaskIdentity, TaskLaunch,
} from '../index.ts';

/** Stage 1 scans orders (2 partitions), stage 2 lineitem (3), stage 3 joins them (2), stage 4 gathers (1). */
export function tpchLikeStages(): StageDefinition<string>[] {
  return [
    { stageId: 1, partitions: 2, inputStageIds: [], plan: 'ShuffleWrite(hash(o_orderkey), 2) <- Scan(orders)' },
    { stageId: 2, partitions: 3, inputStageIds: [], plan: 'ShuffleWrite(hash(l_orderkey), 2) <- Scan(lineitem)' },
    { stageId: 3, partitions: 2, inputStageIds: [1, 2], plan: 'ShuffleWrite(single) <- PartialAgg <- HashJoin(read 2, read 1)' },
    { stageId: 4, partitions: 1, inputStageIds: [3], plan: 'FinalAgg <- ShuffleRead(3)' },
  ];
}

/** The shuffle files a task writes: one per output partition, named after its full identity. */
export function shuffleFiles(task: TaskIdentity, outputPartitions = 2): ShufflePartitionLocation[] {
  const files: ShufflePartitionLocation[] = [];
  for (let out = 0; out < outputPartitions; out++) {
    files.push({
      outputPartition: out, rows: 100 + out, bytes: 4096,
      path: `/shuffle/${task.jobId}/${task.stageId}/${task.partition}/${task.taskAttempt}/${out}.arrow`,
    });
  }
  return files;
}

export function succeed(graph: ExecutionGraph<string>, launch: TaskLaunch<string>) {
  return graph.taskFinished({ task: launch.task, workerId: launch.workerId, partitions: shuffleFiles(launch.task) });
}

/** Pops tasks round-robin over `workers` until the graph has nothing runnable. */
export function popAll(graph: ExecutionGraph<string>, workers: readonly string[]): TaskLaunch<string>[] {
  const out: TaskLaunch<string>[] = [];
  for (let i = 0; ; i++) {
    const launch = graph.popNextTask({ workerId: workers[i % workers.length]! });
    if (launch === null) return out;
    out.push(launch);
  }
}

/** `stage.partition@attempt` of each launch, for compact assertions. */
export function names(launches: readonly TaskLaunch<string>[]): string[] {
  return launches.map((l) => `${l.task.stageId}.${l.task.partition}@${l.task.taskAttempt}`);
}

/** Fake workers for the event loop: launches queue up until the test reports them. */
export class FakeWorkers implements SchedulerActions<string> {
  readonly launched: TaskLaunch<string>[] = [];
  /** Launched and not yet reported. */
  readonly inFlight: TaskLaunch<string>[] = [];
  readonly kills: { task: TaskIdentity; workerId: string }[] = [];
  readonly results = new Map<string, readonly MapOutput[]>();
  readonly failures = new Map<string, JobError>();

  launchTask(launch: TaskLaunch<string>): void {
    this.launched.push(launch);
    this.inFlight.push(launch);
  }

  killTask(task: TaskIdentity, workerId: string): void {
    this.kills.push({ task, workerId });
  }

  jobSucceeded(jobId: string, outputs: readonly MapOutput[]): void {
    this.results.set(jobId, outputs);
  }

  jobFailed(jobId: string, error: JobError): void {
    this.failures.set(jobId, error);
  }

  /** Removes and returns the oldest in-flight task matching `filter`. */
  take(filter: (l: TaskLaunch<string>) => boolean = () => true): TaskLaunch<string> | undefined {
    const i = this.inFlight.findIndex(filter);
    return i < 0 ? undefined : this.inFlight.splice(i, 1)[0];
  }
}
