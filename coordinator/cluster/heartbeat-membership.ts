/**
 * In-memory membership fed by the ClusterService: a worker joins with RegisterWorker (after
 * the protocol version check, done by the service) and stays while its Heartbeat calls
 * arrive; one missing for `leaseTtlMs` (default 10 s) is lost. The embedded default
 * (`loch up`): no etcd, same interface as EtcdMembership.
 *
 *   RegisterWorker ──► joined ──Heartbeat (< ttl apart)──► alive ──silent ≥ ttl──► lost
 *                                                                ──re-register──► joined (new info)
 */
import {
  type ClusterMembership, type MembershipListener, MembershipListeners, type RegistrationResult, type WorkerInfo, type WorkerRegistrar,
} from './membership.ts';

/** Options of HeartbeatMembership. */
export interface HeartbeatMembershipOptions {
  /** A worker silent this long is lost (default 10 000 ms). */
  readonly leaseTtlMs?: number;
  /** How often expiry is checked (default ttl / 10, at least 50 ms). */
  readonly sweepIntervalMs?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/** The default lease of a worker without heartbeats. */
export const DEFAULT_LEASE_TTL_MS = 10_000;

interface Member {
  info: WorkerInfo;
  lastSeen: number;
}

/** Membership kept alive by heartbeats over gRPC. */
export class HeartbeatMembership implements ClusterMembership, WorkerRegistrar {
  readonly leaseTtlMs: number;
  private readonly sweepIntervalMs: number;
  private readonly now: () => number;
  private readonly members = new Map<string, Member>();
  private readonly listeners = new MembershipListeners();
  private timer: NodeJS.Timeout | undefined;

  constructor(options: HeartbeatMembershipOptions = {}) {
    this.leaseTtlMs = options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
    this.sweepIntervalMs = options.sweepIntervalMs ?? Math.max(50, Math.floor(this.leaseTtlMs / 10));
    this.now = options.now ?? Date.now;
  }

  async start(): Promise<void> {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.expire(), this.sweepIntervalMs);
    this.timer.unref();
  }

  register(worker: WorkerInfo): RegistrationResult {
    if (!worker.workerId) return { accepted: false, reason: 'a worker must register with a worker id', leaseTtlMs: this.leaseTtlMs };
    if (!(worker.taskSlots >= 1)) return { accepted: false, reason: `worker ${worker.workerId} offers ${worker.taskSlots} task slots`, leaseTtlMs: this.leaseTtlMs };
    this.members.set(worker.workerId, { info: worker, lastSeen: this.now() });
    this.listeners.joined(worker);
    return { accepted: true, reason: '', leaseTtlMs: this.leaseTtlMs };
  }

  heartbeat(workerId: string): boolean {
    const m = this.members.get(workerId);
    if (m === undefined) return false;
    m.lastSeen = this.now();
    return true;
  }

  /** Declares workers silent for the lease TTL lost; called by the sweep timer (and tests). */
  expire(): void {
    const now = this.now();
    for (const [id, m] of this.members) {
      if (now - m.lastSeen < this.leaseTtlMs) continue;
      this.members.delete(id);
      this.listeners.lost(id, `no heartbeat for ${now - m.lastSeen} ms (lease ${this.leaseTtlMs} ms)`);
    }
  }

  /** Removes a worker at once (it said goodbye, or its process exited). */
  remove(workerId: string, reason: string): void {
    if (this.members.delete(workerId)) this.listeners.lost(workerId, reason);
  }

  workers(): readonly WorkerInfo[] {
    return [...this.members.values()].map((m) => m.info);
  }

  worker(workerId: string): WorkerInfo | undefined {
    return this.members.get(workerId)?.info;
  }

  lastSeenMs(workerId: string): number | undefined {
    return this.members.get(workerId)?.lastSeen;
  }

  subscribe(listener: MembershipListener): () => void {
    return this.listeners.add(listener, this.workers());
  }

  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
