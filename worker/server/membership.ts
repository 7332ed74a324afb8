/**
 * How a worker makes itself known to the cluster, behind one small interface:
 *
 *   CoordinatorMembership (embedded, `--coordinator host:port`):
 *     RegisterWorker (protocol version check) ─► Heartbeat every lease_ttl/3 ─► reregister when told
 *     unreachable or refused: retry every `retryMs`, forever (a worker waits for its coordinator)
 *   EtcdMembership (`--etcd url`):
 *     put /loch/workers/<workerId> = {"workerId","host","port","taskSlots","version"} under a
 *     lease of TTL 5 s kept alive by the etcd3 client; a lost lease is granted again.
 */
import type { Etcd3, Lease } from 'etcd3';
import { PROTOCOL_VERSION, type loch } from '../../proto/index.ts';
import { callCluster, clusterClient, type ClusterClient } from './status-reporter.ts';
import type { WorkerLog } from './worker-log.ts';

/** What a membership needs from its worker. */
export interface MemberSelf {
  readonly info: { readonly workerId: string; readonly host: string; readonly port: number; readonly taskSlots: number; readonly version: string };
  /** Free slots and running tasks now (heartbeats carry them). */
  load(): { readonly freeSlots: number; readonly runningTasks: loch.v1.TaskIdentity.$Properties[] };
  readonly log: WorkerLog;
}

/** Keeps a worker registered until stopped. `start` returns at once; retries run in the background. */
export interface WorkerMembership {
  start(self: MemberSelf): void;
  /** Resolves once the worker is registered (tests, `loch up` readiness). */
  registered(): Promise<void>;
  stop(): Promise<void>;
}

/** Options of CoordinatorMembership. */
export interface CoordinatorMembershipOptions {
  /** Pause between registration attempts (default 1 s). */
  readonly retryMs?: number;
  /** Deadline of one call (default 3 s). */
  readonly callTimeoutMs?: number;
}

/** Membership by registering with a coordinator and heartbeating to it. */
export class CoordinatorMembership implements WorkerMembership {
  readonly address: string;
  private readonly retryMs: number;
  private readonly timeoutMs: number;
  private client: ClusterClient | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private resolveRegistered!: () => void;
  private readonly registeredPromise = new Promise<void>((r) => { this.resolveRegistered = r; });

  constructor(address: string, options: CoordinatorMembershipOptions = {}) {
    this.address = address;
    this.retryMs = options.retryMs ?? 1000;
    this.timeoutMs = options.callTimeoutMs ?? 3000;
  }

  start(self: MemberSelf): void {
    this.client = clusterClient(this.address);
    void this.register(self);
  }

  registered(): Promise<void> { return this.registeredPromise; }

  private schedule(ms: number, step: () => Promise<void>): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => { void step(); }, ms);
  }

  private async register(self: MemberSelf): Promise<void> {
    if (this.stopped || !this.client) return;
    const c = this.client;
    try {
      const r = await callCluster(c.registerWorker.bind(c), { protocolVersion: PROTOCOL_VERSION, worker: self.info }, this.timeoutMs);
      if (!r.accepted) {
        self.log('error', 'worker_registration_refused', { coordinator: this.address, reason: r.reason, coordinatorProtocol: r.protocolVersion, protocol: PROTOCOL_VERSION });
        this.schedule(this.retryMs * 5, () => this.register(self));
        return;
      }
      self.log('info', 'worker_registered', { coordinator: this.address, workerId: self.info.workerId, leaseTtlMs: r.leaseTtlMs });
      this.resolveRegistered();
      const every = Math.max(100, Math.floor((r.leaseTtlMs || 10_000) / 3));
      this.schedule(every, () => this.heartbeat(self, every));
    } catch (e) {
      self.log('warn', 'worker_registration_failed', { coordinator: this.address, error: (e as Error).message });
      this.schedule(this.retryMs, () => this.register(self));
    }
  }

  private async heartbeat(self: MemberSelf, every: number): Promise<void> {
    if (this.stopped || !this.client) return;
    const c = this.client;
    const load = self.load();
    try {
      const r = await callCluster(c.heartbeat.bind(c), { workerId: self.info.workerId, freeSlots: load.freeSlots, runningTasks: load.runningTasks }, this.timeoutMs);
      if (r.reregister) {
        self.log('info', 'worker_reregistering', { coordinator: this.address });
        await this.register(self);
        return;
      }
    } catch (e) {
      self.log('warn', 'worker_heartbeat_failed', { coordinator: this.address, error: (e as Error).message });
    }
    this.schedule(every, () => this.heartbeat(self, every));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.client?.close();
  }
}

/** Options of EtcdMembership. */
export interface EtcdMembershipOptions {
  /** etcd endpoints (`http://127.0.0.1:2379`). */
  readonly endpoints: readonly string[];
  /** Key prefix (default `/loch/workers/`). */
  readonly prefix?: string;
  /** Lease TTL in seconds (default 5). */
  readonly ttlSeconds?: number;
  /** Pause before granting a lost lease again (default 1 s). */
  readonly retryMs?: number;
}

/** The JSON value of a worker's etcd key. */
export interface EtcdWorkerRecord {
  readonly workerId: string;
  readonly host: string;
  readonly port: number;
  readonly taskSlots: number;
  readonly version: string;
}

/** Membership by a key under an etcd lease (the coordinator watches the prefix). */
export class EtcdMembership implements WorkerMembership {
  private readonly endpoints: readonly string[];
  private client: Etcd3 | undefined;
  private readonly prefix: string;
  private readonly ttl: number;
  private readonly retryMs: number;
  private lease: Lease | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private resolveRegistered!: () => void;
  private readonly registeredPromise = new Promise<void>((r) => { this.resolveRegistered = r; });

  constructor(options: EtcdMembershipOptions) {
    this.endpoints = options.endpoints;
    this.prefix = options.prefix ?? '/loch/workers/';
    this.ttl = options.ttlSeconds ?? 5;
    this.retryMs = options.retryMs ?? 1000;
  }

  /** The key a worker registers under. */
  keyOf(workerId: string): string {
    return `${this.prefix}${workerId}`;
  }

  start(self: MemberSelf): void {
    void this.register(self);
  }

  registered(): Promise<void> { return this.registeredPromise; }

  private async register(self: MemberSelf): Promise<void> {
    if (this.stopped) return;
    // Loaded on first use: processes that never use etcd do not pay for the client.
    if (this.client === undefined) {
      const { Etcd3 } = await import('etcd3');
      if (this.stopped) return;
      this.client = new Etcd3({ hosts: [...this.endpoints] });
    }
    const i = self.info;
    const record: EtcdWorkerRecord = { workerId: i.workerId, host: i.host, port: i.port, taskSlots: i.taskSlots, version: i.version };
    const lease = this.client.lease(this.ttl, { autoKeepAlive: true });
    this.lease = lease;
    lease.on('lost', (e) => {
      if (this.stopped || this.lease !== lease) return;
      self.log('warn', 'worker_lease_lost', { workerId: i.workerId, error: e.message });
      this.timer = setTimeout(() => { void this.register(self); }, this.retryMs);
    });
    try {
      await lease.put(this.keyOf(i.workerId)).value(JSON.stringify(record));
      self.log('info', 'worker_registered', { etcd: true, workerId: i.workerId, key: this.keyOf(i.workerId) });
      this.resolveRegistered();
    } catch (e) {
      if (this.stopped) return;
      self.log('warn', 'worker_registration_failed', { etcd: true, error: (e as Error).message });
      this.lease = undefined;
      lease.release();
      this.timer = setTimeout(() => { void this.register(self); }, this.retryMs);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const lease = this.lease;
    this.lease = undefined;
    // Revoking removes the key at once (the coordinator sees the worker leave without waiting for the TTL).
    if (lease) await lease.revoke({ deadline: Date.now() + 2000 }).catch(() => { lease.release(); });
    this.client?.close();
  }
}
