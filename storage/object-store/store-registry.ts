/**
 * Which ObjectStore serves a URL. Tables name their location as a URL
 * (`s3://bucket/warehouse/t`, `file:///…`, or a local path); the registry maps
 * the scheme and bucket to a store configured once by the composition root, so
 * `CREATE TABLE … LOCATION 's3://…'` and `delta.\`s3://…\`` work from SQL on the
 * coordinator and on every worker alike (workers configure the same defaults from
 * the same environment).
 *
 * S3 settings are configured, never guessed: endpoint, region, credentials,
 * path-style addressing and the store's conditional-put capability (with an
 * etcd commit lock when it lacks one). One S3ObjectStore is kept per bucket.
 */
import { LochError, SqlState } from '../../core/index.ts';
import type { EtcdCommitLockConfig } from './etcd-commit-lock.ts';
import type { ObjectStore } from './object-store.ts';
import type { S3Credentials, S3StoreConfig } from './s3-config.ts';
import { S3ObjectStore } from './s3-object-store.ts';

/** The bucket-independent part of an S3 configuration. */
export type S3Defaults = Omit<S3StoreConfig, 'bucket' | 'prefix'>;

/** A store and the key prefix inside it that a URL names. */
export interface ResolvedStore {
  readonly store: ObjectStore;
  /** Key prefix without slashes at the ends ('' for the bucket root). */
  readonly key: string;
}

let s3Defaults: S3Defaults | undefined;
const s3Stores = new Map<string, S3ObjectStore>();

/** Sets the S3 configuration used for every `s3://` URL (replacing stores made with an older one). */
export async function configureS3(defaults: S3Defaults | undefined): Promise<void> {
  s3Defaults = defaults;
  const old = [...s3Stores.values()];
  s3Stores.clear();
  await Promise.all(old.map((s) => s.close()));
}

/** Whether a location is a URL with a scheme other than file: (and not a Windows drive letter). */
export function isRemoteUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(location) && !location.startsWith('file:');
}

/** The store of a remote URL; 0A000 for schemes Loch has no store for, 22023 when S3 is not configured. */
export function resolveStore(url: string): ResolvedStore {
  const m = /^(s3a?|s3n):\/\/([^/]+)\/?(.*)$/i.exec(url);
  if (m === null) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] ?? url;
    throw new LochError(SqlState.featureNotSupported, `no object store for "${scheme}://" locations ("${url}"); Loch reads local paths, file:// and s3://`);
  }
  const bucket = m[2]!;
  if (s3Defaults === undefined) {
    throw new LochError(SqlState.invalidParameterValue, `location "${url}" is on S3, but no S3 store is configured`, {
      hint: 'Set LOCH_S3_REGION (and LOCH_S3_ENDPOINT, LOCH_S3_ACCESS_KEY_ID, LOCH_S3_SECRET_ACCESS_KEY, LOCH_S3_CONDITIONAL_PUTS as needed).',
    });
  }
  let store = s3Stores.get(bucket);
  if (store === undefined) {
    store = new S3ObjectStore({ ...s3Defaults, bucket });
    s3Stores.set(bucket, store);
  }
  return { store, key: m[3]!.replace(/^\/+|\/+$/g, '') };
}

/**
 * S3 settings from environment variables (what the `loch` processes read):
 * LOCH_S3_REGION (required to enable S3), LOCH_S3_ENDPOINT, LOCH_S3_ACCESS_KEY_ID,
 * LOCH_S3_SECRET_ACCESS_KEY, LOCH_S3_FORCE_PATH_STYLE (true/false),
 * LOCH_S3_CONDITIONAL_PUTS (true/false; default true), LOCH_S3_COMMIT_LOCK_ETCD
 * (etcd endpoints, comma-separated, for stores without conditional puts),
 * LOCH_S3_LIST_API (v1/v2).
 */
export function s3DefaultsFromEnv(env: Readonly<Record<string, string | undefined>>): S3Defaults | undefined {
  const region = env.LOCH_S3_REGION;
  if (region === undefined || region === '') return undefined;
  const flag = (name: string, fallback: boolean): boolean => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    if (/^(true|1|yes|on)$/i.test(v)) return true;
    if (/^(false|0|no|off)$/i.test(v)) return false;
    throw new LochError(SqlState.invalidParameterValue, `${name} must be true or false, not "${v}"`);
  };
  const credentials: S3Credentials | undefined = env.LOCH_S3_ACCESS_KEY_ID
    ? { accessKeyId: env.LOCH_S3_ACCESS_KEY_ID, secretAccessKey: env.LOCH_S3_SECRET_ACCESS_KEY ?? '' }
    : undefined;
  const conditionalPuts = flag('LOCH_S3_CONDITIONAL_PUTS', true);
  const etcd = env.LOCH_S3_COMMIT_LOCK_ETCD;
  const lock: EtcdCommitLockConfig | undefined = etcd ? { endpoints: etcd.split(',').map((h) => h.trim()).filter((h) => h !== '') } : undefined;
  const listApi = env.LOCH_S3_LIST_API;
  if (listApi !== undefined && listApi !== 'v1' && listApi !== 'v2') {
    throw new LochError(SqlState.invalidParameterValue, `LOCH_S3_LIST_API must be v1 or v2, not "${listApi}"`);
  }
  return {
    region,
    conditionalPuts,
    ...(env.LOCH_S3_ENDPOINT ? { endpoint: env.LOCH_S3_ENDPOINT } : {}),
    ...(credentials ? { credentials } : {}),
    ...(flag('LOCH_S3_FORCE_PATH_STYLE', false) ? { forcePathStyle: true } : {}),
    ...(lock ? { commitLock: { etcd: lock } } : {}),
    ...(listApi ? { listApi } : {}),
  };
}
