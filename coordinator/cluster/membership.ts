/**
 * Cluster membership: which workers the coordinator may schedule on. Two implementations
 * share this interface: HeartbeatMembership (workers register and heartbeat over the
 * ClusterService; the embedded default, no etcd) and EtcdMembership (workers keep a key
 * under an etcd lease; the coordinator watches the prefix).
 *
 *   worker ──RegisterWorker/Heartbeat──► HeartbeatMembership ─┐
 *   worker ──put /loch/workers/<id> (lease)──► etcd ──watch──► EtcdMembership ─┴─► listeners: joined / lost
 */

/** A worker as the coordinator knows it (proto WorkerInfo). `workerId` is unique per process start. */
export interface WorkerInfo {
  readonly workerId: string;
  readonly host: string;
  readonly port: number;
  readonly taskSlots: number;
  /** Loch release of the worker, for `loch status` (may be empty). */
  readonly version?: string;
}

/** The host:port of a worker's gRPC server. */
export function workerAddress(w: Pick<WorkerInfo, 'host' | 'port'>): string {
  return `${w.host.includes(':') ? `[${w.host}]` : w.host}:${w.port}`;
}

/** Hears workers come and go. `joined` may be called again for a known worker whose info changed. */
export interface MembershipListener {
  joined(worker: WorkerInfo): void;
  lost(workerId: string, reason: string): void;
}

/** The live set of workers. */
export interface ClusterMembership {
  /** Begins tracking (connects, loads the current members). */
  start(): Promise<void>;
  /** The workers alive now. */
  workers(): readonly WorkerInfo[];
  worker(workerId: string): WorkerInfo | undefined;
  /** When the worker was last heard of (ms since epoch), for `loch status`. */
  lastSeenMs(workerId: string): number | undefined;
  /** Calls `listener.joined` for every current worker, then on every change; returns an unsubscribe. */
  subscribe(listener: MembershipListener): () => void;
  close(): Promise<void>;
}

/** Outcome of a worker's RegisterWorker call (proto RegisterWorkerResponse). */
export interface RegistrationResult {
  readonly accepted: boolean;
  readonly reason: string;
  /** Heartbeat at least this often, or be declared lost (0: no heartbeats needed). */
  readonly leaseTtlMs: number;
}

/** A membership that workers join through the ClusterService (RegisterWorker, Heartbeat). */
export interface WorkerRegistrar {
  register(worker: WorkerInfo): RegistrationResult;
  /** False when the worker is unknown (lease expired, coordinator restarted): it must register again. */
  heartbeat(workerId: string): boolean;
}

/** A set of listeners with fan-out that isolates one listener's exception from the others. */
export class MembershipListeners {
  private readonly listeners = new Set<MembershipListener>();

  add(listener: MembershipListener, current: readonly WorkerInfo[]): () => void {
    this.listeners.add(listener);
    for (const w of current) listener.joined(w);
    return () => { this.listeners.delete(listener); };
  }

  joined(worker: WorkerInfo): void {
    for (const l of [...this.listeners]) {
      try { l.joined(worker); } catch { /* one listener's bug must not hide the event from the others */ }
    }
  }

  lost(workerId: string, reason: string): void {
    for (const l of [...this.listeners]) {
      try { l.lost(workerId, reason); } catch { /* as above */ }
    }
  }
}
