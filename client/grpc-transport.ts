/**
 * The gRPC transport: one `QueryService.ExecuteQuery` call per statement.
 *
 *   QueryEvent stream:  accepted · (progress | result_chunk)* · statement_completed · succeeded | failed
 *                                    │
 *                                    └─ bytes of one Arrow IPC stream (schema first) ─► RecordBatchReader
 *
 * Result chunks are fed to apache-arrow's RecordBatchReader as they arrive, and
 * the gRPC stream is pulled only as fast as the caller consumes batches
 * (async-iterator backpressure), so client memory stays bounded by a few
 * chunks. A stream that ends without succeeded/failed, or a transport error,
 * raises a LochError (08006 connection failure) from the batch iterator; HTTP/2
 * keepalive pings detect a silent peer, so nothing hangs.
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import * as arrow from 'apache-arrow';
import { LochError, SqlState } from '../core/index.ts';
import { grpcServiceDefinition, type loch } from '../proto/index.ts';
import type { LochTransport, TransportExecuteOptions, TransportResult } from './transport.ts';

/** SQLSTATE of a lost connection (PostgreSQL connection_failure). */
export const CONNECTION_FAILURE = '08006';
/** SQLSTATE when the server cannot be reached at all (sqlclient_unable_to_establish_sqlconnection). */
export const CONNECTION_REFUSED = '08001';

/** Options of `Loch.connect`. */
export interface GrpcTransportOptions {
  /** Bearer token sent in every request's credentials. */
  readonly token?: string;
  /** Principal name, for servers that trust it (embedded clusters). */
  readonly principal?: string;
  /** TLS root certificates (PEM); plaintext when absent. */
  readonly tlsRootCerts?: Buffer;
  /** How long `connect` waits for the server (default 10 s). */
  readonly connectTimeoutMs?: number;
  /**
   * Interval of HTTP/2 keepalive pings that detect a silent peer mid-stream (default 30 s; a
   * ping unanswered for twice the interval drops the connection). A peer that dies closes its
   * socket and is noticed at once; pings cover network partitions. Short timeouts drop a busy
   * coordinator whose event loop answers pings late (seen: 13 s stalls on a loaded machine).
   */
  readonly keepaliveMs?: number;
  /** Session settings sent with every statement. */
  readonly settings?: Readonly<Record<string, string>>;
}

type QueryEvent = loch.v1.QueryEvent;
interface QueryClient extends grpc.Client {
  executeQuery(request: loch.v1.ExecuteQueryRequest.$Properties, options?: grpc.CallOptions): grpc.ClientReadableStream<QueryEvent>;
  cancelQuery(request: loch.v1.CancelQueryRequest.$Properties, callback: (error: grpc.ServiceError | null) => void): grpc.ClientUnaryCall;
}

/** A QueryService client speaking SQL. */
export class GrpcTransport implements LochTransport {
  readonly address: string;
  private readonly client: QueryClient;
  private readonly options: GrpcTransportOptions;

  constructor(address: string, options: GrpcTransportOptions = {}) {
    this.address = address;
    this.options = options;
    const Client = grpc.makeGenericClientConstructor(grpcServiceDefinition('QueryService'), 'QueryService');
    const keepalive = options.keepaliveMs ?? 30_000;
    this.client = new Client(address, options.tlsRootCerts ? grpc.credentials.createSsl(options.tlsRootCerts) : grpc.credentials.createInsecure(), {
      'grpc.keepalive_time_ms': keepalive,
      'grpc.keepalive_timeout_ms': Math.max(20_000, keepalive * 2),
      'grpc.keepalive_permit_without_calls': 1,
      'grpc.max_receive_message_length': 64 << 20,
    }) as unknown as QueryClient;
  }

  /** Resolves when the channel is connected; 08001 after the connect timeout. */
  ready(): Promise<void> {
    const deadline = Date.now() + (this.options.connectTimeoutMs ?? 10_000);
    return new Promise((resolve, reject) => {
      this.client.waitForReady(deadline, (error) => {
        if (error) reject(new LochError(CONNECTION_REFUSED, `cannot connect to the Loch coordinator at ${this.address}: ${error.message}`));
        else resolve();
      });
    });
  }

  private credentials(): loch.v1.Credentials.$Properties {
    return { token: this.options.token ?? '', principal: this.options.principal ?? '' };
  }

  async execute(sql: string, options: TransportExecuteOptions): Promise<TransportResult> {
    if (options.signal?.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request');
    const call = this.client.executeQuery({ credentials: this.credentials(), sql, settings: { ...this.options.settings }, clientRequestId: randomUUID() });
    let jobId = '';
    let finished = false;
    const onAbort = (): void => {
      if (jobId) this.client.cancelQuery({ credentials: this.credentials(), jobId }, () => undefined);
      call.cancel();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const address = this.address;
    const signal = options.signal;

    async function* chunks(): AsyncGenerator<Uint8Array> {
      let expected = 0;
      try {
        for await (const event of call as AsyncIterable<QueryEvent>) {
          if (event.jobId) jobId = event.jobId;
          if (event.resultChunk) {
            // Only the first statement's result set is returned (one statement per DataFrame action).
            if ((event.statementIndex ?? 0) !== 0) continue;
            const seq = event.resultChunk.sequence ?? 0;
            if (seq !== expected) throw new LochError(CONNECTION_FAILURE, `result stream of job ${jobId} skipped from chunk ${expected} to ${seq}`);
            expected++;
            yield event.resultChunk.data ?? new Uint8Array(0);
          } else if (event.failed) {
            finished = true;
            const e = event.failed.error;
            throw new LochError(e?.sqlstate || SqlState.internalError, e?.message || 'query failed', {
              ...(e?.detail ? { detail: e.detail } : {}),
              ...(e?.hint ? { hint: e.hint } : {}),
            });
          } else if (event.succeeded) {
            finished = true;
            return;
          }
        }
      } catch (error) {
        if (error instanceof LochError) throw error;
        const status = (error as { code?: number }).code;
        if (status === grpc.status.CANCELLED && signal?.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request');
        const detail = (error as { details?: string }).details ?? (error as Error).message;
        throw new LochError(CONNECTION_FAILURE, `connection to the Loch coordinator at ${address} was lost while reading results${jobId ? ` of job ${jobId}` : ''}: ${detail}`, { cause: error });
      } finally {
        signal?.removeEventListener('abort', onAbort);
        if (!finished) call.cancel();
      }
      if (!finished) throw new LochError(CONNECTION_FAILURE, `connection to the Loch coordinator at ${address} was lost: the result stream${jobId ? ` of job ${jobId}` : ''} ended before the job finished`);
    }

    const source = chunks();
    const first = await source.next();
    if (first.done) return { schema: new arrow.Schema([]), batches: (async function* () {})() };
    const bytes = (async function* () {
      yield first.value;
      yield* source;
    })();
    const reader = await arrow.RecordBatchReader.from(bytes);
    await reader.open();
    const schema = reader.schema;
    return {
      schema,
      batches: (async function* () {
        try {
          for await (const batch of reader) yield batch as arrow.RecordBatch;
          // The reader stops at the IPC end-of-stream marker: drain to the terminal event.
          for await (const _ of bytes) { /* trailing events */ }
        } finally {
          if (!finished) {
            call.cancel();
            await source.return(undefined);
          }
        }
      })(),
    };
  }

  async close(): Promise<void> {
    this.client.close();
  }
}
