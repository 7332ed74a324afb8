/**
 * Maps AWS SDK errors to LochError 58030 naming s3://bucket/key. The SDK error
 * itself is not kept as the cause (it carries the raw response and, for some
 * errors, the access key id and string to sign): a plain Error with its name,
 * status and redacted message stands in for it.
 */
import { LochError, SqlState } from '../../core/index.ts';
import { redactSecrets, type S3StoreConfig } from './s3-config.ts';

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** LochError 58030 for a failed S3 call; `detail` is 'not found' for a missing object. */
export function s3Error(e: unknown, operation: string, bucket: string, key: string, config: S3StoreConfig): LochError {
  if (e instanceof LochError) return e;
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as SdkErrorShape;
  const status = err.$metadata?.httpStatusCode;
  const name = err.name ?? 'Error';
  const where = `s3://${bucket}/${key}`;
  const message = redactSecrets(err.message ?? '', config);
  const cause = new Error(`${name}${err.code !== undefined ? ` ${err.code}` : ''}${status !== undefined ? ` (HTTP ${status})` : ''}: ${message}`);
  if (name === 'NoSuchBucket') {
    return new LochError(SqlState.ioError, `bucket "${bucket}" does not exist (${operation} of ${where})`, { cause });
  }
  if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) {
    return new LochError(SqlState.ioError, `object ${where} does not exist`, { cause, detail: 'not found' });
  }
  const reason = [name, err.code, status !== undefined ? `HTTP ${status}` : undefined, message]
    .filter((part) => part !== undefined && part !== '' && part !== 'Error').join(': ');
  return new LochError(SqlState.ioError, `S3 ${operation} of ${where} failed: ${reason || 'unknown error'}`, { cause });
}
