/**
 * A tiny in-test WorkerService gRPC server standing in for a worker (the real one is built in
 * worker/): it registers and heartbeats over the coordinator's ClusterService, records every
 * LaunchTasks / CancelTasks / RemoveJobData call, and answers each task as its `behave`
 * callback says — succeed (writing canned Arrow IPC "shuffle files" it then serves through
 * FetchShufflePartition), fail with a typed failure, or hang until cancelled.
 */
import * as grpc from '@grpc/grpc-js';
import * as arrow from 'apache-arrow';
import { Batch, type BatchField, toArrowSchema, toRecordBatch } from '../../../core/index.ts';
import { PROTOCOL_VERSION, grpcServiceDefinition, type loch } from '../../../proto/index.ts';

/** What the fake does with one task. */
export type FakeBehaviour =
  | { readonly kind: 'succeed'; readonly delayMs?: number }
  | { readonly kind: 'fail'; readonly failure: loch.v1.TaskFailure.$Properties }
  | { readonly kind: 'hang' }
  /** Refuse it in the LaunchTasks response (no free slot). */
  | { readonly kind: 'reject' };

/** Result rows of a final-stage task: the fake writes them as its partition-0 file. */
export type FinalRows = (task: loch.v1.TaskIdentity.$Properties) => { fields: BatchField[]; columns: arrow.Data[]; rows: number };

interface ClusterClient extends grpc.Client {
  registerWorker(r: loch.v1.RegisterWorkerRequest.$Properties, cb: (e: grpc.ServiceError | null, r?: loch.v1.RegisterWorkerResponse) => void): void;
  heartbeat(r: loch.v1.HeartbeatRequest.$Properties, cb: (e: grpc.ServiceError | null, r?: loch.v1.HeartbeatResponse) => void): void;
  updateTaskStatus(r: loch.v1.UpdateTaskStatusRequest.$Properties, cb: (e: grpc.ServiceError | null, r?: loch.v1.UpdateTaskStatusResponse) => void): void;
}

/** A ClusterService client (the worker side of registration and status reports). */
export function clusterClient(address: string): ClusterClient {
  const C = grpc.makeGenericClientConstructor(grpcServiceDefinition('ClusterService'), 'ClusterService');
  return new C(address, grpc.credentials.createInsecure()) as unknown as ClusterClient;
}

/** Calls a unary method as a promise. */
export function call<Req, Res>(fn: (r: Req, cb: (e: grpc.ServiceError | null, r?: Res) => void) => void, request: Req): Promise<Res> {
  return new Promise((resolve, reject) => fn(request, (e, r) => (e || r === undefined ? reject(e ?? new Error('no response')) : resolve(r))));
}

/** A fake worker. */
export class FakeWorker {
  readonly workerId: string;
  readonly slots: number;
  port = 0;
  readonly launched: loch.v1.TaskDefinition.$Properties[] = [];
  /** Tasks per LaunchTasks call, in call order. */
  readonly launchCalls: number[] = [];
  readonly cancelled: loch.v1.TaskIdentity.$Properties[] = [];
  readonly removedJobs: string[] = [];
  behave: (task: loch.v1.TaskDefinition.$Properties) => FakeBehaviour = () => ({ kind: 'succeed' });
  finalRows: FinalRows;
  private readonly server = new grpc.Server();
  private readonly files = new Map<string, Uint8Array>();
  private readonly clients = new Map<string, ClusterClient>();
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(workerId: string, slots: number, finalRows: FinalRows) {
    this.workerId = workerId;
    this.slots = slots;
    this.finalRows = finalRows;
  }

  get address(): string { return `127.0.0.1:${this.port}`; }

  async start(): Promise<void> {
    this.server.addService(grpcServiceDefinition('WorkerService'), {
      launchTasks: (c: grpc.ServerUnaryCall<loch.v1.LaunchTasksRequest, unknown>, cb: grpc.sendUnaryData<loch.v1.LaunchTasksResponse.$Properties>) => {
        this.launchCalls.push(c.request.tasks.length);
        const rejected = c.request.tasks.filter((t) => !this.launch(t)).map((t) => t.task!);
        cb(null, { rejected });
      },
      cancelTasks: (c: grpc.ServerUnaryCall<loch.v1.CancelTasksRequest, unknown>, cb: grpc.sendUnaryData<loch.v1.CancelTasksResponse.$Properties>) => {
        this.cancelled.push(...c.request.tasks);
        cb(null, { cancelled: c.request.tasks.length });
      },
      fetchShufflePartition: (c: grpc.ServerWritableStream<loch.v1.FetchShufflePartitionRequest, loch.v1.ArrowIpcChunk.$Properties>) => {
        const bytes = this.files.get(c.request.location?.path ?? '');
        if (bytes === undefined) { c.destroy({ code: grpc.status.NOT_FOUND, details: `no file ${c.request.location?.path}` } as grpc.ServiceError); return; }
        // Two chunks, to exercise reassembly.
        const half = bytes.length >> 1;
        c.write({ data: bytes.subarray(0, half), sequence: 0 });
        c.write({ data: bytes.subarray(half), sequence: 1 });
        c.end();
      },
      removeJobData: (c: grpc.ServerUnaryCall<loch.v1.RemoveJobDataRequest, unknown>, cb: grpc.sendUnaryData<loch.v1.RemoveJobDataResponse.$Properties>) => {
        this.removedJobs.push(c.request.jobId);
        cb(null, { filesRemoved: 0, bytesRemoved: 0 });
      },
    } as unknown as grpc.UntypedServiceImplementation);
    this.port = await new Promise<number>((resolve, reject) => {
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
    });
  }

  /** Registers with the coordinator and heartbeats every `intervalMs` until `stopHeartbeats`. */
  async register(coordinator: string, intervalMs = 100, protocolVersion = PROTOCOL_VERSION): Promise<loch.v1.RegisterWorkerResponse> {
    const client = this.client(coordinator);
    const response = await call(client.registerWorker.bind(client), {
      protocolVersion, worker: { workerId: this.workerId, host: '127.0.0.1', port: this.port, taskSlots: this.slots, version: 'test' },
    });
    if (response.accepted) {
      // Like a real worker: register again when the coordinator no longer knows this one.
      this.heartbeatTimer = setInterval(() => client.heartbeat({ workerId: this.workerId, freeSlots: this.slots }, (_e, r) => {
        if (r?.reregister === true && this.heartbeatTimer !== undefined) {
          client.registerWorker({ protocolVersion, worker: { workerId: this.workerId, host: '127.0.0.1', port: this.port, taskSlots: this.slots, version: 'test' } }, () => {});
        }
      }), intervalMs);
    }
    return response;
  }

  stopHeartbeats(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  async stop(): Promise<void> {
    this.stopHeartbeats();
    for (const c of this.clients.values()) c.close();
    this.server.forceShutdown();
  }

  private client(address: string): ClusterClient {
    let c = this.clients.get(address);
    if (c === undefined) { c = clusterClient(address); this.clients.set(address, c); }
    return c;
  }

  /** False when the task is rejected. */
  private launch(t: loch.v1.TaskDefinition.$Properties): boolean {
    this.launched.push(t);
    const b = this.behave(t);
    if (b.kind === 'reject') return false;
    if (b.kind === 'hang') return true;
    const report = (status: loch.v1.TaskStatus.$Properties): void => {
      const c = this.client(t.settings?.['loch.coordinator'] ?? '');
      c.updateTaskStatus({ workerId: this.workerId, statuses: [status] }, () => {});
    };
    if (b.kind === 'fail') {
      setImmediate(() => report({ task: t.task, workerId: this.workerId, failed: b.failure }));
      return true;
    }
    setTimeout(() => report({ task: t.task, workerId: this.workerId, succeeded: { locations: this.writeOutputs(t) }, metrics: { elapsedMs: 2, input: { rows: 10 } } }), b.delayMs ?? 0);
    return true;
  }

  /** Canned shuffle files for the task: one per output partition of its ShuffleWriteExec. */
  private writeOutputs(t: loch.v1.TaskDefinition.$Properties): loch.v1.PartitionLocation.$Properties[] {
    const task = t.task!;
    const write = t.stage!.plan!.shuffleWrite!;
    const hash = write.outputPartitioning?.hash;
    const width = hash != null ? hash.partitionCount ?? 1 : 1;
    // The tests' queries have no single exchange before the end: a single write is the final stage.
    const finalStage = write.outputPartitioning?.single != null;
    const out: loch.v1.PartitionLocation.$Properties[] = [];
    for (let p = 0; p < width; p++) {
      const path = `/fake/${this.workerId}/${task.jobId}/${task.stageId}/${task.partition}/${task.taskAttempt}/${p}.arrow`;
      let bytes: Uint8Array;
      if (finalStage) {
        const r = this.finalRows(task);
        bytes = arrow.RecordBatchStreamWriter.writeAll([toRecordBatch(new Batch(r.columns, r.rows), toArrowSchema(r.fields))]).toUint8Array(true);
      } else {
        bytes = Uint8Array.of(1, 2, 3);
      }
      this.files.set(path, bytes);
      out.push({
        mapTask: { jobId: task.jobId, mapStageId: task.stageId, mapStageAttempt: task.stageAttempt, mapPartition: task.partition, mapTaskAttempt: task.taskAttempt },
        outputPartition: p, workerId: this.workerId, workerAddress: this.address, path, stats: { rows: 1, bytes: bytes.length },
      });
    }
    return out;
  }
}

/** The shuffle_read nodes of a stage plan (pre-order). */
export function shuffleReads(plan: loch.v1.PhysicalPlan.$Properties | null | undefined): loch.v1.ShuffleReadExec.$Properties[] {
  if (plan == null) return [];
  const out: loch.v1.ShuffleReadExec.$Properties[] = [];
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v) visit(x); return; }
    const o = v as Record<string, unknown>;
    if (o['shuffleRead'] != null) out.push(o['shuffleRead'] as loch.v1.ShuffleReadExec.$Properties);
    for (const [k, x] of Object.entries(o)) if (k !== 'shuffleRead') visit(x);
  };
  visit(plan);
  return out;
}
