/**
 * Sends finished tasks' statuses to the coordinator that launched them
 * (ClusterService.UpdateTaskStatus at TaskDefinition.settings['loch.coordinator'], so a standby
 * that took over gets the reports of the tasks it launched). A report is retried a few times
 * with growing pauses, then dropped with a log line: a worker never fails because its
 * coordinator is gone (the coordinator reschedules tasks of a worker it stops hearing from).
 */
import * as grpc from '@grpc/grpc-js';
import { grpcServiceDefinition, type loch } from '../../proto/index.ts';
import type { WorkerLog } from './worker-log.ts';

/** The ClusterService methods a worker calls. */
export interface ClusterClient extends grpc.Client {
  registerWorker(request: loch.v1.RegisterWorkerRequest.$Properties, options: grpc.CallOptions,
    callback: (error: grpc.ServiceError | null, response?: loch.v1.RegisterWorkerResponse) => void): grpc.ClientUnaryCall;
  heartbeat(request: loch.v1.HeartbeatRequest.$Properties, options: grpc.CallOptions,
    callback: (error: grpc.ServiceError | null, response?: loch.v1.HeartbeatResponse) => void): grpc.ClientUnaryCall;
  updateTaskStatus(request: loch.v1.UpdateTaskStatusRequest.$Properties, options: grpc.CallOptions,
    callback: (error: grpc.ServiceError | null, response?: loch.v1.UpdateTaskStatusResponse) => void): grpc.ClientUnaryCall;
}

let constructor: grpc.ServiceClientConstructor | undefined;

/** A ClusterService client for the coordinator at `address` (host:port). */
export function clusterClient(address: string): ClusterClient {
  constructor ??= grpc.makeGenericClientConstructor(grpcServiceDefinition('ClusterService'), 'ClusterService');
  return new constructor(address, grpc.credentials.createInsecure()) as unknown as ClusterClient;
}

/** A unary ClusterService call as a promise, with a deadline. */
export function callCluster<Req, Res>(
  method: (request: Req, options: grpc.CallOptions, callback: (error: grpc.ServiceError | null, response?: Res) => void) => grpc.ClientUnaryCall,
  request: Req, timeoutMs: number,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    method(request, { deadline: Date.now() + timeoutMs }, (error, response) => {
      if (error || response === undefined) reject(error ?? new Error('no response'));
      else resolve(response);
    });
  });
}

/** Options of a StatusReporter. */
export interface StatusReporterOptions {
  /** Pauses between attempts; attempts = pauses + 1 (default 200 ms, 1 s, 3 s). */
  readonly retryDelaysMs?: readonly number[];
  /** Deadline of one call (default 5 s). */
  readonly callTimeoutMs?: number;
}

/** Reports task statuses to coordinators, one channel per coordinator address. */
export class StatusReporter {
  private workerId: string;
  private readonly log: WorkerLog;
  private readonly delays: readonly number[];
  private readonly timeoutMs: number;
  private readonly clients = new Map<string, ClusterClient>();
  private closed = false;

  constructor(workerId: string, log: WorkerLog, options: StatusReporterOptions = {}) {
    this.workerId = workerId;
    this.log = log;
    this.delays = options.retryDelaysMs ?? [200, 1000, 3000];
    this.timeoutMs = options.callTimeoutMs ?? 5000;
  }

  /** Sets the id reports carry (a worker knows it once its server is bound). */
  setWorkerId(workerId: string): void {
    this.workerId = workerId;
  }

  private client(address: string): ClusterClient {
    let c = this.clients.get(address);
    if (c === undefined) { c = clusterClient(address); this.clients.set(address, c); }
    return c;
  }

  /** Sends `status` to the coordinator at `address`; true once delivered, false when dropped. Never rejects. */
  async report(address: string, status: loch.v1.TaskStatus.$Properties): Promise<boolean> {
    const t = status.task ?? {};
    const ids = { jobId: t.jobId, stageId: t.stageId, partition: t.partition, taskId: t.taskId, taskAttempt: t.taskAttempt };
    if (!address) {
      this.log('warn', 'task_report_dropped', { ...ids, reason: 'the task names no coordinator (setting loch.coordinator)' });
      return false;
    }
    for (let attempt = 0; ; attempt++) {
      if (this.closed) return false;
      try {
        const c = this.client(address);
        await callCluster(c.updateTaskStatus.bind(c), { workerId: this.workerId, statuses: [{ ...status, workerId: status.workerId || this.workerId }] }, this.timeoutMs);
        this.log('info', 'task_reported', { ...ids, coordinator: address, succeeded: status.succeeded != null });
        return true;
      } catch (e) {
        const delay = this.delays[attempt];
        if (delay === undefined) {
          this.log('warn', 'task_report_dropped', { ...ids, coordinator: address, attempts: attempt + 1, error: (e as Error).message });
          return false;
        }
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  /** Closes the channels; reports still retrying give up. */
  close(): void {
    this.closed = true;
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}
