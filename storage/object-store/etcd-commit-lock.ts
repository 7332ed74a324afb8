/**
 * `EtcdCommitLock`: a `CommitLock` held in etcd (etcd3 client).
 *
 * A lock is one etcd key, `<keyPrefix><name>`, created by a transaction that
 * succeeds only while the key does not exist (create revision 0), and attached
 * to this instance's session lease. The lease is kept alive while the process
 * lives; a holder that dies stops renewing it and etcd deletes its keys when the
 * TTL runs out, so a dead writer's lock frees itself. Release deletes the key.
 *
 * Waiting: callers in this process queue per name before touching etcd (one
 * contender per process); across processes a waiter reads the key (cheap) and
 * only tries the transaction (a raft write) when it looks free, with a bounded
 * backoff, until its acquire timeout ends with 55P03.
 */
import type { Etcd3, Lease } from 'etcd3';
import { createRequire } from 'node:module';
import { LochError, SqlState } from '../../core/index.ts';
import type { CommitLock } from './commit-lock.ts';

/** etcd3, loaded on first use (it takes a second to import; most processes never lock). */
const requireLazily = createRequire(import.meta.url);
function etcd3(): typeof import('etcd3') {
  return requireLazily('etcd3') as typeof import('etcd3');
}

/** PostgreSQL's lock_not_available: waited for a lock and did not get it. */
const LOCK_NOT_AVAILABLE = '55P03';
/** Bound on every unary etcd call, so an unreachable etcd fails a commit instead of hanging it. */
const CALL_TIMEOUT_MS = 5000;

/** Where and how the locks are held. */
export interface EtcdCommitLockConfig {
  /** etcd client URLs, e.g. ['http://127.0.0.1:2379']. */
  readonly endpoints: readonly string[];
  /** etcd user and password when auth is on (never logged). */
  readonly auth?: { readonly username: string; readonly password: string };
  /** Session lease TTL in seconds: how long a dead holder's locks outlive it; default 10 (etcd's minimum is about 2). */
  readonly ttlSeconds?: number;
  /** Longest wait for a held lock before failing with 55P03 (ms); default 30 000. */
  readonly acquireTimeoutMs?: number;
  /** Prefix of the lock keys; default 'loch/commit-locks/'. */
  readonly keyPrefix?: string;
}

/** The session lease all locks of an instance hang on. */
interface Session {
  readonly lease: Lease;
  readonly id: Promise<string>;
  lost: boolean;
}

/**
 * Commit locks in etcd; one instance shares one client connection and one session
 * lease. `close()` when done: the lease is renewed in the background until then.
 */
export class EtcdCommitLock implements CommitLock {
  readonly #client: Etcd3;
  readonly #endpoints: readonly string[];
  readonly #ttlSeconds: number;
  readonly #acquireTimeoutMs: number;
  readonly #keyPrefix: string;
  /** The session lease (granted lazily; replaced after it is lost). */
  #session: Session | undefined;
  /** Tail of the in-process queue per lock name. */
  readonly #queues = new Map<string, Promise<void>>();
  #closed = false;

  constructor(config: EtcdCommitLockConfig) {
    if (config.endpoints.length === 0) throw new LochError(SqlState.invalidParameterValue, 'etcd commit lock needs at least one endpoint');
    this.#endpoints = [...config.endpoints];
    this.#ttlSeconds = config.ttlSeconds ?? 10;
    this.#acquireTimeoutMs = config.acquireTimeoutMs ?? 30_000;
    this.#keyPrefix = config.keyPrefix ?? 'loch/commit-locks/';
    this.#client = new (etcd3().Etcd3)({
      hosts: [...config.endpoints],
      ...(config.auth ? { auth: { username: config.auth.username, password: config.auth.password } } : {}),
      defaultCallOptions: (context) => (context.isStream ? {} : { deadline: Date.now() + CALL_TIMEOUT_MS }),
    });
  }

  async withLock<T>(name: string, fn: (assertHeld: () => Promise<void>) => Promise<T>): Promise<T> {
    if (this.#closed) throw new LochError(SqlState.internalError, `${this.toString()} is closed`);
    const deadline = Date.now() + this.#acquireTimeoutMs;
    // Queue behind this process's other callers for the same name.
    const previous = this.#queues.get(name) ?? Promise.resolve();
    let done = () => {};
    const mine = new Promise<void>((resolve) => { done = resolve; });
    const tail = previous.then(() => mine);
    this.#queues.set(name, tail);
    try {
      if (!(await waitUntil(previous, deadline))) throw this.#timeout(name);
      const session = await this.#acquire(this.#keyPrefix + name, name, deadline);
      try {
        return await fn(() => this.#assertHeld(session, name));
      } finally {
        await this.#release(this.#keyPrefix + name, session);
      }
    } finally {
      done();
      if (this.#queues.get(name) === tail) this.#queues.delete(name);
    }
  }

  async #sessionLease(): Promise<{ session: Session; id: string }> {
    let session = this.#session;
    if (session === undefined || session.lost) {
      const lease = this.#client.lease(this.#ttlSeconds, { autoKeepAlive: true });
      const fresh: Session = { lease, id: lease.grant(), lost: false };
      fresh.id.catch(() => undefined); // awaited below; avoid an unhandled rejection in between
      lease.on('lost', () => { fresh.lost = true; });
      this.#session = session = fresh;
    }
    try {
      return { session, id: await session.id };
    } catch (e) {
      session.lost = true;
      throw this.#etcdError(`granting a lease`, e);
    }
  }

  async #acquire(key: string, name: string, deadline: number): Promise<Session> {
    let pause = 5;
    for (;;) {
      const { session, id } = await this.#sessionLease();
      try {
        const holder = await this.#client.get(key).string();
        if (holder === null) {
          const result = await this.#client.if(key, 'Create', '==', 0).then(this.#client.put(key).value(id).lease(id)).commit();
          if (result.succeeded) return session;
        }
      } catch (e) {
        throw this.#etcdError(`taking commit lock "${name}"`, e);
      }
      if (Date.now() >= deadline) throw this.#timeout(name);
      await new Promise((r) => setTimeout(r, Math.min(pause, Math.max(1, deadline - Date.now()))));
      pause = Math.min(pause * 2, 100);
    }
  }

  async #assertHeld(session: Session, name: string): Promise<void> {
    if (session.lost || session !== this.#session) throw this.#lostError(name);
    // Renew now: proves the lease is alive and buys a full TTL for the write that follows.
    let ttl: number;
    try {
      ttl = Number((await session.lease.keepaliveOnce()).TTL);
    } catch (e) {
      session.lost = true;
      throw this.#lostError(name, e);
    }
    if (!(ttl > 0)) {
      session.lost = true;
      throw this.#lostError(name);
    }
  }

  async #release(key: string, session: Session): Promise<void> {
    try {
      await this.#client.delete().key(key).exec();
    } catch {
      // The key would stay held as long as this process renews the lease: give the lease up instead.
      session.lost = true;
      await session.lease.revoke().catch(() => session.lease.release());
    }
  }

  #timeout(name: string): LochError {
    return new LochError(LOCK_NOT_AVAILABLE,
      `commit lock "${name}" is still held by another writer after ${this.#acquireTimeoutMs} ms`,
      { hint: 'a writer that died releases its lock when its etcd lease expires' });
  }

  #lostError(name: string, cause?: unknown): LochError {
    return new LochError(SqlState.ioError,
      `commit lock "${name}" was lost (its etcd lease expired or etcd is unreachable)${cause === undefined ? '' : `: ${errorText(cause)}`}`);
  }

  #etcdError(what: string, e: unknown): LochError {
    if (e instanceof LochError) return e;
    return new LochError(SqlState.ioError, `etcd at ${this.#endpoints.join(',')} failed while ${what}: ${errorText(e)}`);
  }

  /** Revokes the session lease (freeing every lock it holds) and closes the client. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const session = this.#session;
    this.#session = undefined;
    if (session !== undefined && !session.lost) {
      await session.id.then(() => session.lease.revoke(), () => undefined).catch(() => session.lease.release());
    }
    this.#client.close();
  }

  toString(): string {
    return `EtcdCommitLock(${this.#endpoints.join(',')}, ttl=${this.#ttlSeconds}s)`;
  }
}

/** Whether `p` settled before `deadline`. */
async function waitUntil(p: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now())); });
  try {
    return await Promise.race([p.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
