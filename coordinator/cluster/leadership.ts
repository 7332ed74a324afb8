/**
 * Leader election among coordinators. Only the leader schedules: a standby refuses
 * ExecuteQuery with SQLSTATE 57P03 (cannot_connect_now, retryable; the hint names the leader
 * when known), and a coordinator that loses leadership fails its running queries with 57P01
 * (admin_shutdown, retryable). EmbeddedLeadership is the single-coordinator default;
 * EtcdLeaderElection campaigns through an etcd election.
 */
import { LochError } from '../../core/index.ts';

/** Leadership of this coordinator. */
export interface LeaderElection {
  /** Begins campaigning (resolves once the campaign is under way, not when elected). */
  start(): Promise<void>;
  isLeader(): boolean;
  /** The leader's advertised address when known (this coordinator's when it leads). */
  leaderAddress(): string | undefined;
  /** Calls `listener` on every change of `isLeader()`; returns an unsubscribe. */
  onChange(listener: (leader: boolean) => void): () => void;
  /** Resigns (when leading) and stops campaigning. */
  close(): Promise<void>;
}

/** SQLSTATE of a query sent to a coordinator that is not the leader (PostgreSQL cannot_connect_now). */
export const NOT_LEADER_SQLSTATE = '57P03';
/** SQLSTATE of queries failed because their coordinator lost leadership or shut down (admin_shutdown). */
export const LEADERSHIP_LOST_SQLSTATE = '57P01';

/** The retryable error of a query sent to a standby. */
export function notLeaderError(coordinatorId: string, leader: string | undefined): LochError {
  return new LochError(NOT_LEADER_SQLSTATE, `coordinator ${coordinatorId} is a standby, not the leader; retry the query`,
    { hint: leader !== undefined ? `the leader is at ${leader}` : 'no leader is elected yet; retry in a few seconds' });
}

/** Always the leader: one coordinator, no election. */
export class EmbeddedLeadership implements LeaderElection {
  private readonly address: string | undefined;

  constructor(address?: string) {
    this.address = address;
  }

  async start(): Promise<void> {}
  isLeader(): boolean { return true; }
  leaderAddress(): string | undefined { return this.address; }
  onChange(_listener: (leader: boolean) => void): () => void { return () => {}; }
  async close(): Promise<void> {}
}
