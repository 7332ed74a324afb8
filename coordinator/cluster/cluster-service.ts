/**
 * The coordinator's ClusterService (workers call it): RegisterWorker with the protocol
 * version check, Heartbeat, and UpdateTaskStatus, whose reports become scheduler events.
 * Under etcd membership there is no registrar: registration only checks the version (the
 * worker's etcd key is what admits it) and heartbeats never ask to re-register.
 */
import * as grpc from '@grpc/grpc-js';
import { LochError } from '../../core/index.ts';
import { PROTOCOL_VERSION, protocolVersionMismatch, type loch } from '../../proto/index.ts';
import type { WorkerRegistrar } from './membership.ts';

/** What the ClusterService drives. */
export interface ClusterServiceDeps {
  /** The heartbeat membership in embedded mode; undefined under etcd. */
  readonly registrar?: WorkerRegistrar;
  /** Takes one task report (ClusterScheduler.taskStatus); throws on a malformed one. */
  readonly taskStatus: (status: loch.v1.TaskStatus.$Properties) => void;
  readonly log?: (event: Record<string, unknown>) => void;
}

type Unary<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

/** The handlers of loch.v1.ClusterService, for `server.addService(grpcServiceDefinition('ClusterService'), …)`. */
export function clusterServiceHandlers(deps: ClusterServiceDeps): {
  registerWorker: Unary<loch.v1.RegisterWorkerRequest, loch.v1.RegisterWorkerResponse.$Properties>;
  heartbeat: Unary<loch.v1.HeartbeatRequest, loch.v1.HeartbeatResponse.$Properties>;
  updateTaskStatus: Unary<loch.v1.UpdateTaskStatusRequest, loch.v1.UpdateTaskStatusResponse.$Properties>;
} {
  const log = deps.log ?? (() => {});
  return {
    registerWorker(call, callback) {
      const { protocolVersion, worker } = call.request;
      const mismatch = protocolVersionMismatch(protocolVersion);
      if (mismatch !== null || worker == null) {
        const reason = mismatch ?? 'RegisterWorker without worker info';
        log({ event: 'worker_refused', workerId: worker?.workerId, reason });
        callback(null, { accepted: false, protocolVersion: PROTOCOL_VERSION, reason, leaseTtlMs: 0 });
        return;
      }
      const info = { workerId: worker.workerId ?? '', host: worker.host ?? '', port: worker.port ?? 0, taskSlots: worker.taskSlots ?? 0, version: worker.version ?? '' };
      const result = deps.registrar?.register(info) ?? { accepted: true, reason: '', leaseTtlMs: 0 };
      log({ event: result.accepted ? 'worker_registered' : 'worker_refused', workerId: info.workerId, address: `${info.host}:${info.port}`, reason: result.reason });
      callback(null, { accepted: result.accepted, protocolVersion: PROTOCOL_VERSION, reason: result.reason, leaseTtlMs: result.leaseTtlMs });
    },
    heartbeat(call, callback) {
      const known = deps.registrar?.heartbeat(call.request.workerId) ?? true;
      callback(null, { reregister: !known });
    },
    updateTaskStatus(call, callback) {
      try {
        for (const status of call.request.statuses) deps.taskStatus(status);
        callback(null, {});
      } catch (e) {
        callback({ code: grpc.status.INVALID_ARGUMENT, details: e instanceof LochError ? e.message : String(e) });
      }
    },
  };
}
