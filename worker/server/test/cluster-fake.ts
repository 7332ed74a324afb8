/**
 * A tiny ClusterService for tests: accepts registrations (lease `leaseTtlMs`), counts
 * heartbeats, and collects the TaskStatus reports workers send. Real gRPC on loopback.
 */
import * as grpc from '@grpc/grpc-js';
import { PROTOCOL_VERSION, grpcServiceDefinition, type loch } from '../../../proto/index.ts';

/** The fake coordinator's state and controls. */
export class FakeCluster {
  readonly registrations: loch.v1.RegisterWorkerRequest[] = [];
  readonly heartbeats: loch.v1.HeartbeatRequest[] = [];
  readonly statuses: loch.v1.TaskStatus.$Properties[] = [];
  /** Heartbeats answer `reregister` while true. */
  forgetWorkers = false;
  address = '';
  private readonly server = new grpc.Server();
  private waiters: (() => void)[] = [];
  private readonly leaseTtlMs: number;

  constructor(leaseTtlMs = 600) {
    this.leaseTtlMs = leaseTtlMs;
  }

  /** Serves on 127.0.0.1:`port` (default: any free port). */
  async start(port = 0): Promise<this> {
    this.server.addService(grpcServiceDefinition('ClusterService'), {
      registerWorker: (call: grpc.ServerUnaryCall<loch.v1.RegisterWorkerRequest, unknown>, cb: grpc.sendUnaryData<loch.v1.RegisterWorkerResponse.$Properties>) => {
        this.registrations.push(call.request);
        this.forgetWorkers = false;
        const ok = call.request.protocolVersion === PROTOCOL_VERSION;
        cb(null, { accepted: ok, protocolVersion: PROTOCOL_VERSION, leaseTtlMs: this.leaseTtlMs, reason: ok ? '' : 'version' });
        this.wake();
      },
      heartbeat: (call: grpc.ServerUnaryCall<loch.v1.HeartbeatRequest, unknown>, cb: grpc.sendUnaryData<loch.v1.HeartbeatResponse.$Properties>) => {
        this.heartbeats.push(call.request);
        cb(null, { reregister: this.forgetWorkers });
        this.wake();
      },
      updateTaskStatus: (call: grpc.ServerUnaryCall<loch.v1.UpdateTaskStatusRequest, unknown>, cb: grpc.sendUnaryData<loch.v1.UpdateTaskStatusResponse.$Properties>) => {
        this.statuses.push(...call.request.statuses);
        cb(null, {});
        this.wake();
      },
    });
    const bound = await new Promise<number>((resolve, reject) => {
      this.server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
    });
    this.address = `127.0.0.1:${bound}`;
    return this;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `ready()` holds (checked on every call received), or rejects after `timeoutMs`. */
  until(ready: () => boolean, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for the fake coordinator')), timeoutMs);
      const check = (): void => {
        if (ready()) { clearTimeout(timer); resolve(); } else this.waiters.push(check);
      };
      check();
    });
  }

  /** The final status of task `taskId` of `jobId`, once reported. */
  async statusOf(jobId: string, taskId: number, timeoutMs = 30_000): Promise<loch.v1.TaskStatus.$Properties> {
    const find = (): loch.v1.TaskStatus.$Properties | undefined => this.statuses.find((s) => s.task?.jobId === jobId && s.task?.taskId === taskId);
    await this.until(() => find() !== undefined, timeoutMs);
    return find()!;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }
}
