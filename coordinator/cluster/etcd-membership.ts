/**
 * Membership from etcd: every worker keeps one key under a lease it renews itself,
 *
 *   /loch/workers/<workerId> = {"workerId","host","port","taskSlots","version"}   lease TTL 5 s
 *
 * and the coordinator loads the prefix, then watches it from the next revision: a put is a
 * worker joining (or updating its info), a delete — the worker resigned, or its lease expired
 * because the process died — is the worker lost. The protocol version is checked when the
 * record carries one as a number (`protocolVersion`, or `version` itself): a worker whose
 * version differs is never scheduled on (logged once). A string `version` is the Loch release.
 */
import { Etcd3, type IOptions, type Watcher } from 'etcd3';
import { LochError, SqlState } from '../../core/index.ts';
import { protocolVersionMismatch } from '../../proto/index.ts';
import { type ClusterMembership, type MembershipListener, MembershipListeners, type WorkerInfo } from './membership.ts';

/** The etcd prefix of worker keys. */
export const ETCD_WORKERS_PREFIX = '/loch/workers/';
/** The TTL of a worker's etcd lease (seconds). */
export const ETCD_WORKER_LEASE_TTL_S = 5;

/** The JSON value a worker puts under its key. */
export interface EtcdWorkerRecord {
  readonly workerId: string;
  readonly host: string;
  readonly port: number;
  readonly taskSlots: number;
  /** PROTOCOL_VERSION of the worker, or its Loch release (a string, not checked). */
  readonly version: number | string;
  /** PROTOCOL_VERSION of the worker when `version` is the release string. */
  readonly protocolVersion?: number;
}

/** Parses a worker key's value; null (with why) when it is not a usable worker record. */
export function parseWorkerRecord(key: string, value: string): { worker: WorkerInfo } | { problem: string } {
  let r: Partial<EtcdWorkerRecord>;
  try {
    r = JSON.parse(value) as Partial<EtcdWorkerRecord>;
  } catch {
    return { problem: `etcd key ${key} does not hold JSON` };
  }
  const workerId = typeof r.workerId === 'string' && r.workerId ? r.workerId : key.slice(ETCD_WORKERS_PREFIX.length);
  if (typeof r.host !== 'string' || typeof r.port !== 'number' || typeof r.taskSlots !== 'number' || r.taskSlots < 1) {
    return { problem: `etcd key ${key} is not a worker record (host, port, taskSlots)` };
  }
  const protocol = typeof r.protocolVersion === 'number' ? r.protocolVersion : typeof r.version === 'number' ? r.version : undefined;
  if (protocol !== undefined) {
    const mismatch = protocolVersionMismatch(protocol);
    if (mismatch !== null) return { problem: `worker ${workerId}: ${mismatch}` };
  }
  return { worker: { workerId, host: r.host, port: r.port, taskSlots: r.taskSlots, version: typeof r.version === 'string' ? r.version : '' } };
}

/** Options of EtcdMembership. */
export interface EtcdMembershipOptions {
  /** etcd client URLs, e.g. ['http://127.0.0.1:2379']. */
  readonly endpoints: readonly string[];
  /** Key prefix (default /loch/workers/). */
  readonly prefix?: string;
  /** Where to report unusable worker records (default: stderr, one JSON line). */
  readonly log?: (event: Record<string, unknown>) => void;
  /** Extra etcd3 client options. */
  readonly clientOptions?: Omit<IOptions, 'hosts'>;
}

/** Workers as registered in etcd. */
export class EtcdMembership implements ClusterMembership {
  private readonly client: Etcd3;
  private readonly prefix: string;
  private readonly log: (event: Record<string, unknown>) => void;
  private readonly members = new Map<string, { info: WorkerInfo; seen: number }>();
  private readonly listeners = new MembershipListeners();
  private watcher: Watcher | undefined;
  private readonly rejected = new Set<string>();

  constructor(options: EtcdMembershipOptions) {
    if (options.endpoints.length === 0) throw new LochError(SqlState.invalidParameterValue, 'EtcdMembership needs at least one etcd endpoint');
    this.client = new Etcd3({ ...options.clientOptions, hosts: [...options.endpoints] });
    this.prefix = options.prefix ?? ETCD_WORKERS_PREFIX;
    this.log = options.log ?? ((e) => process.stderr.write(`${JSON.stringify(e)}\n`));
  }

  async start(): Promise<void> {
    if (this.watcher !== undefined) return;
    const range = await this.client.getAll().prefix(this.prefix).exec();
    for (const kv of range.kvs) this.put(kv.key.toString(), kv.value.toString());
    const revision = BigInt(String(range.header.revision));
    this.watcher = await this.client.watch().prefix(this.prefix).startRevision(String(revision + 1n)).create();
    this.watcher.on('put', (kv) => this.put(kv.key.toString(), kv.value.toString()));
    this.watcher.on('delete', (kv) => this.remove(kv.key.toString()));
    // etcd3 reconnects the watch by itself and resumes from the last revision it saw.
    this.watcher.on('error', (e) => this.log({ event: 'etcd_membership_watch_error', message: e.message }));
  }

  private put(key: string, value: string): void {
    const parsed = parseWorkerRecord(key, value);
    if ('problem' in parsed) {
      if (!this.rejected.has(key)) this.log({ event: 'worker_rejected', key, reason: parsed.problem });
      this.rejected.add(key);
      this.remove(key);
      return;
    }
    this.rejected.delete(key);
    this.members.set(key, { info: parsed.worker, seen: Date.now() });
    this.listeners.joined(parsed.worker);
  }

  private remove(key: string): void {
    const m = this.members.get(key);
    if (m === undefined) return;
    this.members.delete(key);
    this.listeners.lost(m.info.workerId, `etcd key ${key} was deleted (worker stopped or its lease expired)`);
  }

  workers(): readonly WorkerInfo[] {
    return [...this.members.values()].map((m) => m.info);
  }

  worker(workerId: string): WorkerInfo | undefined {
    for (const m of this.members.values()) if (m.info.workerId === workerId) return m.info;
    return undefined;
  }

  lastSeenMs(workerId: string): number | undefined {
    for (const m of this.members.values()) if (m.info.workerId === workerId) return m.seen;
    return undefined;
  }

  subscribe(listener: MembershipListener): () => void {
    return this.listeners.add(listener, this.workers());
  }

  async close(): Promise<void> {
    await this.watcher?.cancel().catch(() => undefined);
    this.watcher = undefined;
    this.client.close();
  }
}
