/**
 * The coordinator's QueryService (clients call it): ExecuteQuery runs a request's SQL
 * through a QueryEngine and streams it back, CancelQuery aborts a running request,
 * GetClusterStatus reports workers, slots and running queries with their progress.
 *
 *   ExecuteQuery stream:  accepted
 *                         per statement i:  (progress | result_chunk)*  statement_completed     (statement_index = i)
 *                         succeeded  |  failed (statement_index = the failing statement)
 *
 * A statement's result chunks form one Arrow IPC stream (schema first, sequence from 0).
 * A standby coordinator answers with `failed` 57P03 (retryable; the hint names the leader).
 * Credentials are passed to the engine factory as they came (authorization comes with the
 * catalog issue).
 */
import { randomUUID } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { LochError, SqlState, toLochError } from '../../core/index.ts';
import { pb, type loch } from '../../proto/index.ts';
import type { QueryEngine } from '../query-engine.ts';
import type { StageSummary } from '../scheduler/index.ts';
import { isRetryableError } from './cluster-scheduler.ts';
import { IpcChunker } from './ipc-chunker.ts';
import { type LeaderElection, notLeaderError } from './leadership.ts';
import { runInQuery } from './query-context.ts';

/** Who sent a request and with which session settings. */
export interface QuerySession {
  readonly principal: string;
  readonly token: string;
  readonly settings: Readonly<Record<string, string>>;
}

/** A scheduler job's progress, for progress events and status. */
export interface JobProgressSource {
  readonly jobId: string;
  readonly queryId: string | undefined;
  readonly startedMs: number;
  readonly stages: readonly StageSummary[];
}

/** A worker as GetClusterStatus shows it. */
export interface WorkerStatusSource {
  readonly workerId: string;
  readonly host: string;
  readonly port: number;
  readonly taskSlots: number;
  readonly version: string;
  readonly freeSlots: number;
  readonly lastHeartbeatMs: number;
}

/** What the QueryService needs. */
export interface QueryServiceDeps {
  readonly coordinatorId: string;
  /** The engine of one request (closed when the request ends). */
  readonly engineFactory: (session: QuerySession) => QueryEngine | Promise<QueryEngine>;
  readonly leadership: LeaderElection;
  /** Workers and running scheduler jobs now. */
  readonly cluster: () => { workers: readonly WorkerStatusSource[]; jobs: readonly JobProgressSource[] };
  /** Interval of progress events while a statement runs (default 1000 ms; 0 = none). */
  readonly progressIntervalMs?: number;
  readonly log?: (event: Record<string, unknown>) => void;
}

interface RunningQuery {
  readonly queryId: string;
  readonly principal: string;
  readonly sql: string;
  readonly startedMs: number;
  readonly controller: AbortController;
}

type StreamCall = grpc.ServerWritableStream<loch.v1.ExecuteQueryRequest, loch.v1.QueryEvent.$Properties>;
type Unary<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

const STAGE_STATE: Record<StageSummary['state'], number> = {
  unresolved: pb.StageState.UNRESOLVED, resolved: pb.StageState.RESOLVED, running: pb.StageState.STAGE_RUNNING,
  successful: pb.StageState.SUCCESSFUL, failed: pb.StageState.STAGE_FAILED,
};

/** A job's progress as proto JobProgress. */
export function jobProgressToWire(stages: readonly StageSummary[], startedMs: number, state = pb.JobState.RUNNING): loch.v1.JobProgress.$Properties {
  return {
    state, elapsedMs: Math.max(0, Date.now() - startedMs),
    stages: stages.map((s) => ({
      stageId: s.stageId, stageAttempt: s.stageAttempt, state: STAGE_STATE[s.state], partitionCount: s.partitions,
      partitionsDone: s.partitionsDone, tasksRunning: s.tasksRunning, taskRetries: Math.max(0, s.tasksLaunched - s.partitions),
      output: { rows: s.outputRows, bytes: s.outputBytes },
    })),
  };
}

/** An error as proto JobError. */
export function errorToWire(e: unknown): loch.v1.JobError.$Properties {
  const l = toLochError(e);
  return { sqlstate: l.sqlState, message: l.message, detail: l.detail ?? '', hint: l.hint ?? '', retryable: isRetryableError(l) };
}

/** The QueryService: handlers plus the registry of running queries. */
export class QueryService {
  private readonly deps: QueryServiceDeps;
  private readonly running = new Map<string, RunningQuery>();
  private readonly log: (event: Record<string, unknown>) => void;

  constructor(deps: QueryServiceDeps) {
    this.deps = deps;
    this.log = deps.log ?? (() => {});
  }

  /** Handlers for `server.addService(grpcServiceDefinition('QueryService'), …)`. */
  handlers(): {
    executeQuery: (call: StreamCall) => void;
    cancelQuery: Unary<loch.v1.CancelQueryRequest, loch.v1.CancelQueryResponse.$Properties>;
    getClusterStatus: Unary<loch.v1.GetClusterStatusRequest, loch.v1.ClusterStatus.$Properties>;
  } {
    return {
      executeQuery: (call) => { void this.executeQuery(call); },
      cancelQuery: (call, callback) => callback(null, { cancelled: this.cancel(call.request.jobId ?? '') }),
      getClusterStatus: (_call, callback) => callback(null, this.status()),
    };
  }

  /** Aborts a running query; false when it is not running (finished, or unknown). */
  cancel(queryId: string): boolean {
    const q = this.running.get(queryId);
    if (q === undefined || q.controller.signal.aborted) return false;
    this.log({ event: 'query_cancel', queryId });
    q.controller.abort();
    return true;
  }

  /** Aborts every running query (coordinator shutting down). */
  cancelAll(): void {
    for (const q of this.running.values()) q.controller.abort();
  }

  /** proto ClusterStatus: workers, and the running queries (plus jobs run outside a query). */
  status(): loch.v1.ClusterStatus.$Properties {
    const cluster = this.deps.cluster();
    const jobs: loch.v1.JobSummary.$Properties[] = [];
    for (const q of this.running.values()) {
      const stages = cluster.jobs.filter((j) => j.queryId === q.queryId).flatMap((j) => j.stages);
      jobs.push({ jobId: q.queryId, principal: q.principal, sql: q.sql, progress: jobProgressToWire(stages, q.startedMs) });
    }
    for (const j of cluster.jobs) {
      if (j.queryId === undefined || !this.running.has(j.queryId)) jobs.push({ jobId: j.jobId, principal: '', sql: '', progress: jobProgressToWire(j.stages, j.startedMs) });
    }
    return {
      coordinatorId: this.deps.coordinatorId, leader: this.deps.leadership.isLeader(), jobs,
      workers: cluster.workers.map((w) => ({
        worker: { workerId: w.workerId, host: w.host, port: w.port, taskSlots: w.taskSlots, version: w.version },
        freeSlots: w.freeSlots, lastHeartbeatMs: w.lastHeartbeatMs,
      })),
    };
  }

  private async executeQuery(call: StreamCall): Promise<void> {
    const request = call.request;
    const queryId = `q${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const session: QuerySession = {
      principal: request.credentials?.principal ?? '', token: request.credentials?.token ?? '', settings: { ...request.settings },
    };
    const out = new EventWriter(call, queryId);
    if (!this.deps.leadership.isLeader()) {
      await out.write({ failed: { error: errorToWire(notLeaderError(this.deps.coordinatorId, this.deps.leadership.leaderAddress())) } });
      out.end();
      return;
    }
    const sql = request.sql ?? '';
    const query: RunningQuery = { queryId, principal: session.principal, sql, startedMs: Date.now(), controller: new AbortController() };
    this.running.set(queryId, query);
    const signal = query.controller.signal;
    call.on('cancelled', () => query.controller.abort());
    this.log({ event: 'query_accepted', queryId, principal: session.principal });
    let statement = 0;
    let progress: NodeJS.Timeout | undefined;
    try {
      await out.write({ accepted: { jobId: queryId } });
      if (request.plan != null) throw new LochError(SqlState.featureNotSupported, 'ExecuteQuery with a logical plan is not supported yet; send SQL');
      const interval = this.deps.progressIntervalMs ?? 1000;
      if (interval > 0) {
        progress = setInterval(() => {
          const jobs = this.deps.cluster().jobs.filter((j) => j.queryId === queryId);
          if (jobs.length > 0) void out.write({ progress: jobProgressToWire(jobs.flatMap((j) => j.stages), query.startedMs) }, statement);
        }, interval);
        progress.unref();
      }
      await runInQuery({ queryId, principal: session.principal, sql }, async () => {
        const engine = await this.deps.engineFactory(session);
        try {
          let last = { tag: '', rows: 0 };
          for await (const result of engine.execute(sql, { signal })) {
            if (result.kind === 'rows') {
              const chunker = new IpcChunker(result.fields);
              let rows = 0;
              let sequence = 0;
              for await (const batch of result.batches) {
                rows += batch.length;
                for (const data of chunker.add(batch)) await out.write({ resultChunk: { data, sequence: sequence++ } }, statement);
              }
              for (const data of chunker.finish()) await out.write({ resultChunk: { data, sequence: sequence++ } }, statement);
              last = { tag: `SELECT ${rows}`, rows };
              await out.write({ statementCompleted: { commandTag: last.tag, rows, hasRows: true } }, statement);
            } else {
              last = { tag: result.tag, rows: 0 };
              await out.write({ statementCompleted: { commandTag: result.tag, rows: 0, hasRows: false } }, statement);
            }
            statement++;
          }
          await out.write({ succeeded: { rows: last.rows, elapsedMs: Date.now() - query.startedMs, commandTag: last.tag, statements: statement } });
        } finally {
          await engine.close();
        }
      });
      this.log({ event: 'query_succeeded', queryId, statements: statement });
    } catch (e) {
      const error = signal.aborted ? new LochError(SqlState.queryCanceled, 'canceling statement due to user request') : e;
      this.log({ event: 'query_failed', queryId, message: e instanceof Error ? e.message : String(e) });
      await out.write({ failed: { error: errorToWire(error) } }, statement).catch(() => undefined);
    } finally {
      clearInterval(progress);
      this.running.delete(queryId);
      out.end();
    }
  }
}

/** Writes events to the stream, waiting for the client to drain when its buffer is full. */
class EventWriter {
  private readonly call: StreamCall;
  private readonly jobId: string;
  private closed = false;

  constructor(call: StreamCall, jobId: string) {
    this.call = call;
    this.jobId = jobId;
    call.on('cancelled', () => { this.closed = true; });
    call.on('error', () => { this.closed = true; });
  }

  async write(event: Omit<loch.v1.QueryEvent.$Properties, 'jobId' | 'statementIndex'>, statementIndex = 0): Promise<void> {
    if (this.closed) return;
    const ok = this.call.write({ jobId: this.jobId, statementIndex, ...event });
    if (!ok) await new Promise<void>((resolve) => { this.call.once('drain', resolve); this.call.once('cancelled', resolve); });
  }

  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.call.end();
  }
}
