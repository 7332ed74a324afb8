/**
 * `S3ObjectStore`: an `ObjectStore` over one bucket (and key prefix) of AWS S3 or
 * an S3-compatible server, through @aws-sdk/client-s3.
 *
 * `getRange` is a ranged GET, `list` pages through ListObjectsV2 (or V1), `put` is one
 * PutObject (S3 objects appear whole or not at all). `putIfAbsent` follows the
 * configured capability: `If-None-Match: *` when the server honours it, else a
 * check-then-put under the object's commit lock (etcd). Errors are LochError
 * 58030 naming s3://bucket/key; credentials never appear in them.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { LochError, SqlState } from '../../core/index.ts';
import type { CommitLock } from './commit-lock.ts';
import { EtcdCommitLock } from './etcd-commit-lock.ts';
import type { ObjectMeta, ObjectStore } from './object-store.ts';
import { describeS3Config, normalizePrefix, redactSecrets, validateS3Config, type S3StoreConfig } from './s3-config.ts';
import { s3Error } from './s3-errors.ts';

/**
 * The AWS SDK, loaded on first use: it takes seconds to import, and every worker thread
 * imports storage/ whether or not it ever touches S3.
 */
const requireLazily = createRequire(import.meta.url);
let sdk: typeof import('@aws-sdk/client-s3') | undefined;
function awsSdk(): typeof import('@aws-sdk/client-s3') {
  sdk ??= requireLazily('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  return sdk;
}

/** Requests made by a store, by kind (tests, EXPLAIN ANALYZE). */
export interface S3StoreMetrics {
  heads: number;
  gets: number;
  bytesRead: number;
  listPages: number;
  puts: number;
  deletes: number;
}

/** Conditional-put conflicts (409) are retried this many times before failing. */
const CONFLICT_RETRIES = 5;

/**
 * An object store over `s3://bucket/prefix`. Call `close()` when done: an etcd
 * commit lock's session lease is renewed in the background until then.
 */
export class S3ObjectStore implements ObjectStore {
  readonly bucket: string;
  readonly prefix: string;
  readonly conditionalPuts: boolean;
  readonly metrics: S3StoreMetrics = { heads: 0, gets: 0, bytesRead: 0, listPages: 0, puts: 0, deletes: 0 };
  // Private fields: util.inspect and JSON.stringify never reach the credentials.
  readonly #config: S3StoreConfig;
  readonly #client: S3Client;
  readonly #lock: CommitLock | undefined;
  readonly #ownsLock: boolean;
  readonly #pageSize: number;
  readonly #listApi: 'v1' | 'v2';

  constructor(config: S3StoreConfig) {
    validateS3Config(config);
    this.#config = config;
    this.bucket = config.bucket;
    this.prefix = normalizePrefix(config.prefix);
    this.conditionalPuts = config.conditionalPuts;
    this.#pageSize = config.listPageSize ?? 1000;
    this.#listApi = config.listApi ?? 'v2';
    this.#client = new (awsSdk().S3Client)({
      region: config.region,
      ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
      ...(config.credentials !== undefined ? { credentials: { ...config.credentials } } : {}),
      forcePathStyle: config.forcePathStyle ?? false,
      maxAttempts: config.maxAttempts ?? 3,
      // Checksums only where S3 requires them: S3-compatible servers differ in what they accept.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 5000, requestTimeout: config.requestTimeoutMs ?? 30_000 },
    });
    const lock = config.commitLock;
    if (lock === undefined || 'withLock' in lock) {
      this.#lock = lock;
      this.#ownsLock = false;
    } else {
      this.#lock = new EtcdCommitLock(lock.etcd);
      this.#ownsLock = true;
    }
  }

  /** The bucket key of a store path. */
  key(path: string): string {
    const p = path.replace(/^\/+/, '');
    return this.prefix === '' ? p : `${this.prefix}/${p}`;
  }

  /** `s3://bucket/key` of a store path, for messages. */
  url(path: string): string {
    return `s3://${this.bucket}/${this.key(path)}`;
  }

  async head(path: string): Promise<ObjectMeta> {
    this.metrics.heads++;
    try {
      const out = await this.#client.send(new (awsSdk().HeadObjectCommand)({ Bucket: this.bucket, Key: this.key(path) }));
      return { path, size: out.ContentLength ?? 0, lastModified: out.LastModified?.getTime() ?? 0 };
    } catch (e) {
      throw s3Error(e, 'HeadObject', this.bucket, this.key(path), this.#config);
    }
  }

  async getRange(path: string, offset: number, length: number): Promise<Uint8Array> {
    if (length === 0) return new Uint8Array(0);
    const key = this.key(path);
    this.metrics.gets++;
    let bytes: Uint8Array;
    let whole: boolean;
    try {
      const out = await this.#client.send(new (awsSdk().GetObjectCommand)({
        Bucket: this.bucket, Key: key, Range: `bytes=${offset}-${offset + length - 1}`,
      }));
      // No Content-Range: the server ignored Range and sent the whole object.
      whole = out.ContentRange === undefined;
      bytes = out.Body === undefined ? new Uint8Array(0) : await out.Body.transformToByteArray();
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 416) throw this.#short(key, offset, length, 'starts past its end');
      throw s3Error(e, 'GetObject', this.bucket, key, this.#config);
    }
    this.metrics.bytesRead += bytes.length;
    const start = whole ? offset : 0;
    if (bytes.length < start + length) throw this.#short(key, offset, length, `ends at ${offset - start + bytes.length}`);
    return bytes.length === length ? bytes : bytes.subarray(start, start + length);
  }

  #short(key: string, offset: number, length: number, what: string): LochError {
    return new LochError(SqlState.dataCorrupted,
      `object s3://${this.bucket}/${key} is truncated: wanted bytes ${offset}..${offset + length} but it ${what}`);
  }

  async list(prefix: string): Promise<ObjectMeta[]> {
    const keyPrefix = this.key(prefix);
    const strip = this.prefix === '' ? 0 : this.prefix.length + 1;
    const out: ObjectMeta[] = [];
    // V2 pages by continuation token, V1 by marker (the last key of the previous page).
    let token: string | undefined;
    for (;;) {
      this.metrics.listPages++;
      let page: { Contents?: { Key?: string; Size?: number; LastModified?: Date }[]; IsTruncated?: boolean; next: string | undefined };
      try {
        if (this.#listApi === 'v2') {
          const r = await this.#client.send(new (awsSdk().ListObjectsV2Command)({
            Bucket: this.bucket, Prefix: keyPrefix, MaxKeys: this.#pageSize, ...(token !== undefined ? { ContinuationToken: token } : {}),
          }));
          page = { ...r, next: r.NextContinuationToken };
        } else {
          const r = await this.#client.send(new (awsSdk().ListObjectsCommand)({
            Bucket: this.bucket, Prefix: keyPrefix, MaxKeys: this.#pageSize, ...(token !== undefined ? { Marker: token } : {}),
          }));
          page = { ...r, next: r.NextMarker ?? r.Contents?.at(-1)?.Key };
        }
      } catch (e) {
        throw s3Error(e, this.#listApi === 'v2' ? 'ListObjectsV2' : 'ListObjects', this.bucket, keyPrefix, this.#config);
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined || !object.Key.startsWith(keyPrefix)) continue;
        out.push({ path: object.Key.slice(strip), size: object.Size ?? 0, lastModified: object.LastModified?.getTime() ?? 0 });
      }
      if (page.IsTruncated !== true) break;
      if (page.next === undefined || page.next === token) {
        throw new LochError(SqlState.ioError, `S3 listing of s3://${this.bucket}/${keyPrefix} was truncated without a way to continue`);
      }
      token = page.next;
    }
    out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return out;
  }

  async put(path: string, bytes: Uint8Array): Promise<void> {
    this.metrics.puts++;
    try {
      await this.#client.send(new (awsSdk().PutObjectCommand)({ Bucket: this.bucket, Key: this.key(path), Body: bytes, ContentLength: bytes.length }));
    } catch (e) {
      throw s3Error(e, 'PutObject', this.bucket, this.key(path), this.#config);
    }
  }

  async putIfAbsent(path: string, bytes: Uint8Array): Promise<boolean> {
    if (this.conditionalPuts) return this.#conditionalPut(path, bytes);
    const lock = this.#lock;
    if (lock === undefined) throw new LochError(SqlState.internalError, `S3 store ${this.toString()} has no commit lock`);
    return lock.withLock(`${this.bucket}/${this.key(path)}`, async (assertHeld) => {
      if (await this.#exists(path)) return false;
      await assertHeld();
      await this.put(path, bytes);
      return true;
    });
  }

  async #conditionalPut(path: string, bytes: Uint8Array): Promise<boolean> {
    const key = this.key(path);
    for (let attempt = 0; ; attempt++) {
      this.metrics.puts++;
      try {
        await this.#client.send(new (awsSdk().PutObjectCommand)({
          Bucket: this.bucket, Key: key, Body: bytes, ContentLength: bytes.length, IfNoneMatch: '*',
        }));
        return true;
      } catch (e) {
        const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (status === 412) return false;
        // 409: a concurrent conditional write to the key is in flight; retrying settles who won.
        if (status === 409 && attempt < CONFLICT_RETRIES) {
          await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
          continue;
        }
        throw s3Error(e, 'PutObject (If-None-Match)', this.bucket, key, this.#config);
      }
    }
  }

  async #exists(path: string): Promise<boolean> {
    try {
      await this.head(path);
      return true;
    } catch (e) {
      if (e instanceof LochError && e.detail === 'not found') return false;
      throw e;
    }
  }

  async delete(path: string): Promise<void> {
    this.metrics.deletes++;
    try {
      await this.#client.send(new (awsSdk().DeleteObjectCommand)({ Bucket: this.bucket, Key: this.key(path) }));
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404) return;
      throw s3Error(e, 'DeleteObject', this.bucket, this.key(path), this.#config);
    }
  }

  /**
   * Whether the server really honours `If-None-Match: *` on PutObject: writes a
   * scratch object twice with the header and checks that the second is refused.
   * For operators and tests deciding `conditionalPuts`; the store never calls it.
   */
  async probeConditionalPuts(): Promise<boolean> {
    const path = `_loch_probe/${randomBytes(8).toString('hex')}`;
    const body = new Uint8Array([1]);
    try {
      const first = await this.#conditionalPut(path, body);
      const second = await this.#conditionalPut(path, body);
      return first && !second;
    } finally {
      await this.delete(path);
    }
  }

  /** Closes the HTTP connections and the commit lock if the store created it. */
  async close(): Promise<void> {
    this.#client.destroy();
    if (this.#ownsLock) await this.#lock?.close();
  }

  toString(): string {
    return `S3ObjectStore(${describeS3Config(this.#config)})`;
  }

  toJSON(): string {
    return this.toString();
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** Removes the config's secrets from `text` (for callers composing their own messages). */
  redact(text: string): string {
    return redactSecrets(text, this.#config);
  }
}
