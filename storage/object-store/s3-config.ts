/**
 * Configuration of an `S3ObjectStore`, and the redaction that keeps its secrets
 * out of every message, `toString` and log line.
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { CommitLock } from './commit-lock.ts';
import type { EtcdCommitLockConfig } from './etcd-commit-lock.ts';

/** Static S3 credentials (omit them to use the SDK's default provider chain). */
export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Everything an `S3ObjectStore` is configured with. */
export interface S3StoreConfig {
  readonly bucket: string;
  /** Key prefix the store's paths are relative to ('' or 'a/b'; slashes at the ends are ignored). */
  readonly prefix?: string;
  /** Service URL for S3-compatible servers (MinIO, s3rver, …); AWS when omitted. */
  readonly endpoint?: string;
  readonly region: string;
  readonly credentials?: S3Credentials;
  /** Path-style URLs (http://host/bucket/key) instead of virtual-hosted ones. */
  readonly forcePathStyle?: boolean;
  /**
   * The store's capability, configured (never guessed): true when the server
   * honours `If-None-Match: *` on PutObject (AWS S3 since 2024, recent MinIO).
   * When false, `putIfAbsent` takes `commitLock` around a check-then-put.
   * A server that silently ignores the header must be configured false, or
   * concurrent commits can overwrite each other (see `probeConditionalPuts`).
   */
  readonly conditionalPuts: boolean;
  /** Required when `conditionalPuts` is false: a lock instance, or etcd settings for one the store owns. */
  readonly commitLock?: CommitLock | { readonly etcd: EtcdCommitLockConfig };
  /** Keys per listing page (1..1000); default 1000. */
  readonly listPageSize?: number;
  /**
   * Listing API: 'v2' (ListObjectsV2, continuation tokens; the default) or 'v1'
   * (ListObjects, markers) for servers whose V2 pagination is broken or missing;
   * s3rver's V2 tokens use DES, which Node 17+ (OpenSSL 3) no longer has.
   */
  readonly listApi?: 'v1' | 'v2';
  /** Per-request timeout in ms; default 30 000. */
  readonly requestTimeoutMs?: number;
  /** Attempts per request including retries of transient errors; default 3. */
  readonly maxAttempts?: number;
}

/** The config's key prefix without slashes at either end. */
export function normalizePrefix(prefix: string | undefined): string {
  return (prefix ?? '').replace(/^\/+|\/+$/g, '');
}

/** Checks the config; LochError 22023 naming the bucket when it cannot work. */
export function validateS3Config(config: S3StoreConfig): void {
  const where = `S3 store s3://${config.bucket}`;
  if (config.bucket === '' || /[/\s]/.test(config.bucket)) {
    throw new LochError(SqlState.invalidParameterValue, `${where}: invalid bucket name "${config.bucket}"`);
  }
  if (config.region === '') throw new LochError(SqlState.invalidParameterValue, `${where}: region is empty`);
  if (!config.conditionalPuts && config.commitLock === undefined) {
    throw new LochError(SqlState.invalidParameterValue,
      `${where} is configured without conditional puts, so putIfAbsent needs a commitLock (etcd)`,
      { hint: 'set commitLock: { etcd: { endpoints: [...] } }, or conditionalPuts: true if the server honours If-None-Match: *' });
  }
  const page = config.listPageSize;
  if (page !== undefined && (!Number.isInteger(page) || page < 1 || page > 1000)) {
    throw new LochError(SqlState.invalidParameterValue, `${where}: listPageSize must be an integer in 1..1000, got ${page}`);
  }
}

/** Replaces every secret of the config that occurs in `text` with '***'. */
export function redactSecrets(text: string, config: S3StoreConfig): string {
  let out = text;
  const secrets = [config.credentials?.secretAccessKey, config.credentials?.sessionToken, config.credentials?.accessKeyId];
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}

/** A printable description of the config with no credentials in it. */
export function describeS3Config(config: S3StoreConfig): string {
  const prefix = normalizePrefix(config.prefix);
  const parts = [`s3://${config.bucket}${prefix === '' ? '' : `/${prefix}`}`, `region=${config.region}`];
  if (config.endpoint !== undefined) parts.push(`endpoint=${config.endpoint.replace(/\/\/[^/@]*@/, '//***@')}`);
  parts.push(`conditionalPuts=${config.conditionalPuts}`);
  if (config.credentials !== undefined) parts.push('credentials=***');
  return parts.join(', ');
}
