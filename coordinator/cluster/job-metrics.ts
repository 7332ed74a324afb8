/**
 * Per-job and per-stage metrics of a distributed query: tasks launched, retries, failures,
 * rows and bytes written to shuffle, bytes read from shuffle, task time, wall time; rendered
 * as the EXPLAIN ANALYZE text of the DistributedExecutor.
 *
 *   Distributed job q1-0: 2 stages, 4 tasks (0 retries), 31.2 ms; result 3 rows, 1.1KiB fetched
 *   Stage 1: partitions=2, tasks=2, retries=0, failures=0, wall=12.0ms, task_time=9.1ms,
 *            shuffle_write=10 rows/1.0KiB, shuffle_read=0B, input_rows=10
 *     ShuffleWriteExec: …
 */
import { explainPhysical, type QueryStage } from '../../planner/index.ts';
import type { StageSummary } from '../scheduler/index.ts';

/** Counters of one stage. */
export interface StageMetrics {
  readonly stageId: number;
  partitions: number;
  tasksLaunched: number;
  /** Launches beyond one per partition (retries, recomputations after lost outputs). */
  retries: number;
  taskFailures: number;
  shuffleWriteRows: number;
  shuffleWriteBytes: number;
  shuffleReadBytes: number;
  shuffleReadRows: number;
  inputRows: number;
  /** Sum of the successful tasks' elapsed times. */
  taskTimeMs: number;
  firstLaunchMs: number | undefined;
  lastReportMs: number | undefined;
}

/** Counters of one job. */
export class JobMetrics {
  readonly jobId: string;
  readonly startedMs: number;
  endedMs: number | undefined;
  readonly stages = new Map<number, StageMetrics>();
  resultRows = 0;
  resultBytes = 0;

  constructor(jobId: string, stageIds: readonly number[], startedMs = Date.now()) {
    this.jobId = jobId;
    this.startedMs = startedMs;
    for (const id of stageIds) this.stage(id);
  }

  stage(stageId: number): StageMetrics {
    let s = this.stages.get(stageId);
    if (s === undefined) {
      s = {
        stageId, partitions: 0, tasksLaunched: 0, retries: 0, taskFailures: 0, shuffleWriteRows: 0, shuffleWriteBytes: 0,
        shuffleReadBytes: 0, shuffleReadRows: 0, inputRows: 0, taskTimeMs: 0, firstLaunchMs: undefined, lastReportMs: undefined,
      };
      this.stages.set(stageId, s);
    }
    return s;
  }

  /** A task of `stageId` was launched now. */
  launched(stageId: number, now = Date.now()): void {
    const s = this.stage(stageId);
    s.firstLaunchMs ??= now;
  }

  /** A successful task's report (proto TaskMetrics, plain numbers). */
  taskSucceeded(stageId: number, m: { inputRows: number; shuffleReadRows: number; shuffleReadBytes: number; elapsedMs: number }, now = Date.now()): void {
    const s = this.stage(stageId);
    s.inputRows += m.inputRows;
    s.shuffleReadRows += m.shuffleReadRows;
    s.shuffleReadBytes += m.shuffleReadBytes;
    s.taskTimeMs += m.elapsedMs;
    s.lastReportMs = now;
  }

  /** The scheduler's view as the job ended: task counts and the outputs each stage holds. */
  finish(summary: readonly StageSummary[], now = Date.now()): void {
    this.endedMs ??= now;
    for (const x of summary) {
      const s = this.stage(x.stageId);
      s.partitions = x.partitions;
      s.tasksLaunched = x.tasksLaunched;
      s.retries = Math.max(0, x.tasksLaunched - x.partitions);
      s.taskFailures = x.taskFailures;
      s.shuffleWriteRows = x.outputRows;
      s.shuffleWriteBytes = x.outputBytes;
    }
  }

  /** Bytes moved through shuffle files (written by map stages), over all stages. */
  bytesShuffled(): number {
    let n = 0;
    for (const s of this.stages.values()) n += s.shuffleWriteBytes;
    return n;
  }

  /** EXPLAIN ANALYZE text: a job line, then each stage's counters and plan. */
  render(stages: readonly QueryStage[]): string {
    const all = [...this.stages.values()];
    const tasks = all.reduce((a, s) => a + s.tasksLaunched, 0);
    const retries = all.reduce((a, s) => a + s.retries, 0);
    const wall = (this.endedMs ?? Date.now()) - this.startedMs;
    const lines = [
      `Distributed job ${this.jobId}: ${stages.length} stages, ${tasks} tasks (${retries} retries), ${wall.toFixed(1)} ms, ` +
      `${formatBytes(this.bytesShuffled())} shuffled; result ${this.resultRows} rows, ${formatBytes(this.resultBytes)} fetched`,
    ];
    for (const st of stages) {
      const s = this.stage(st.stageId);
      const stageWall = s.firstLaunchMs !== undefined && s.lastReportMs !== undefined ? `${(s.lastReportMs - s.firstLaunchMs).toFixed(1)}ms` : '-';
      lines.push(
        `Stage ${st.stageId}: partitions=${st.partitions}, inputs=[${st.inputStageIds.join(', ')}], tasks=${s.tasksLaunched}, retries=${s.retries}, ` +
        `failures=${s.taskFailures}, wall=${stageWall}, task_time=${s.taskTimeMs.toFixed(1)}ms, ` +
        `shuffle_write=${s.shuffleWriteRows} rows/${formatBytes(s.shuffleWriteBytes)}, shuffle_read=${s.shuffleReadRows} rows/${formatBytes(s.shuffleReadBytes)}, ` +
        `input_rows=${s.inputRows}`,
      );
      for (const l of explainPhysical(st.plan).split('\n')) if (l.length > 0) lines.push(`  ${l}`);
    }
    return lines.join('\n');
  }
}

/** 1536 → `1.5KiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)}KiB`;
  return `${(n / 1024 / 1024).toFixed(1)}MiB`;
}
