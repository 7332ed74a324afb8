/**
 * Leader election through etcd (etcd3's Election, after etcd's Go concurrency package): every
 * coordinator campaigns on one key with its address as value, under a lease of `ttlSeconds`.
 * The oldest campaign leads; when the leader's process dies its lease expires after the TTL
 * and the next candidate is elected (within ttl + a keep-alive round, ~5-7 s by default).
 *
 *   start ──campaign──► standby ──elected──► leader ──lease lost (error)──► standby ──re-campaign──► …
 *                                                   ──close()──► resign (the standby takes over at once)
 */
import { Etcd3, type Campaign, type ElectionObserver, type IOptions } from 'etcd3';
import { LochError, SqlState } from '../../core/index.ts';
import type { LeaderElection } from './leadership.ts';

/** Options of EtcdLeaderElection. */
export interface EtcdLeaderElectionOptions {
  readonly endpoints: readonly string[];
  /** What this coordinator proclaims: its gRPC address, which standbys give clients as a hint. */
  readonly address: string;
  /** Election name (default `loch-coordinator`). */
  readonly key?: string;
  /** Lease TTL of the campaign in seconds (default 5). */
  readonly ttlSeconds?: number;
  /** Delay before campaigning again after the campaign failed (default 1000 ms). */
  readonly retryDelayMs?: number;
  readonly log?: (event: Record<string, unknown>) => void;
  readonly clientOptions?: Omit<IOptions, 'hosts'>;
}

/** Campaigns for leadership in etcd. */
export class EtcdLeaderElection implements LeaderElection {
  private readonly client: Etcd3;
  private readonly options: EtcdLeaderElectionOptions;
  private readonly log: (event: Record<string, unknown>) => void;
  private readonly listeners = new Set<(leader: boolean) => void>();
  private campaign: Campaign | undefined;
  private observer: ElectionObserver | undefined;
  private leader = false;
  private observed: string | undefined;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(options: EtcdLeaderElectionOptions) {
    if (options.endpoints.length === 0) throw new LochError(SqlState.invalidParameterValue, 'EtcdLeaderElection needs at least one etcd endpoint');
    this.options = options;
    this.client = new Etcd3({ ...options.clientOptions, hosts: [...options.endpoints] });
    this.log = options.log ?? ((e) => process.stderr.write(`${JSON.stringify(e)}\n`));
  }

  async start(): Promise<void> {
    if (this.campaign !== undefined || this.closed) return;
    const election = this.client.election(this.options.key ?? 'loch-coordinator', this.options.ttlSeconds ?? 5);
    this.observer = await election.observe();
    this.observed = this.observer.leader();
    this.observer.on('change', (value) => { this.observed = value; });
    this.observer.on('error', (e) => this.log({ event: 'leader_observer_error', message: e.message }));
    this.runCampaign();
  }

  private runCampaign(): void {
    if (this.closed) return;
    const election = this.client.election(this.options.key ?? 'loch-coordinator', this.options.ttlSeconds ?? 5);
    const campaign = election.campaign(this.options.address);
    this.campaign = campaign;
    campaign.on('elected', () => {
      if (this.campaign !== campaign || this.closed) return;
      this.log({ event: 'leader_elected', address: this.options.address });
      this.setLeader(true);
    });
    campaign.on('error', (e) => {
      if (this.campaign !== campaign) return;
      this.log({ event: 'leader_campaign_failed', address: this.options.address, message: e.message });
      this.campaign = undefined;
      this.setLeader(false);
      if (!this.closed) {
        this.retryTimer = setTimeout(() => this.runCampaign(), this.options.retryDelayMs ?? 1000);
        this.retryTimer.unref();
      }
    });
  }

  private setLeader(leader: boolean): void {
    if (this.leader === leader) return;
    this.leader = leader;
    for (const l of [...this.listeners]) {
      try { l(leader); } catch { /* a listener's bug must not stop the others */ }
    }
  }

  isLeader(): boolean {
    return this.leader;
  }

  leaderAddress(): string | undefined {
    return this.leader ? this.options.address : this.observed;
  }

  onChange(listener: (leader: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    const campaign = this.campaign;
    this.campaign = undefined;
    this.setLeader(false);
    await campaign?.resign().catch(() => undefined);
    await this.observer?.cancel().catch(() => undefined);
    this.client.close();
  }
}
