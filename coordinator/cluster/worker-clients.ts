/**
 * The coordinator's gRPC channels to workers' WorkerService, one per worker address:
 * LaunchTasks, CancelTasks, RemoveJobData as promises, FetchShufflePartition as an async
 * stream of chunk bytes (checked for gaps in the sequence).
 */
import * as grpc from '@grpc/grpc-js';
import { LochError, SqlState } from '../../core/index.ts';
import { ARROW_CHUNK_BYTES, grpcServiceDefinition, type loch } from '../../proto/index.ts';

type Callback<T> = (error: grpc.ServiceError | null, response?: T) => void;

interface WorkerClient extends grpc.Client {
  launchTasks(request: loch.v1.LaunchTasksRequest.$Properties, options: grpc.CallOptions, callback: Callback<loch.v1.LaunchTasksResponse>): grpc.ClientUnaryCall;
  cancelTasks(request: loch.v1.CancelTasksRequest.$Properties, options: grpc.CallOptions, callback: Callback<loch.v1.CancelTasksResponse>): grpc.ClientUnaryCall;
  removeJobData(request: loch.v1.RemoveJobDataRequest.$Properties, options: grpc.CallOptions, callback: Callback<loch.v1.RemoveJobDataResponse>): grpc.ClientUnaryCall;
  fetchShufflePartition(request: loch.v1.FetchShufflePartitionRequest.$Properties): grpc.ClientReadableStream<loch.v1.ArrowIpcChunk>;
}

let constructorCache: grpc.ServiceClientConstructor | undefined;

/**
 * True when a call failed because nothing listens at the worker's address any more (UNAVAILABLE,
 * connection refused): the process is gone, unlike a timeout or a busy worker.
 */
export function isConnectionRefused(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x instanceof Error && depth < 4; x = x.cause, depth++) {
    const err = x as Partial<grpc.ServiceError>;
    if (err.code === grpc.status.UNAVAILABLE && /ECONNREFUSED|connection refused/i.test(`${err.details ?? ''} ${err.message}`)) return true;
  }
  return false;
}

/** Options of WorkerClients. */
export interface WorkerClientsOptions {
  /** Deadline of LaunchTasks / CancelTasks / RemoveJobData calls (default 10 000 ms). */
  readonly callTimeoutMs?: number;
}

/** One WorkerService client per address. Close when done. */
export class WorkerClients {
  private readonly clients = new Map<string, WorkerClient>();
  private readonly callTimeoutMs: number;

  constructor(options: WorkerClientsOptions = {}) {
    this.callTimeoutMs = options.callTimeoutMs ?? 10_000;
  }

  private client(address: string): WorkerClient {
    let c = this.clients.get(address);
    if (c === undefined) {
      constructorCache ??= grpc.makeGenericClientConstructor(grpcServiceDefinition('WorkerService'), 'WorkerService');
      c = new constructorCache(address, grpc.credentials.createInsecure(), {
        'grpc.max_receive_message_length': 64 << 20,
        'grpc.max_send_message_length': 256 << 20,
        'grpc.keepalive_time_ms': 10_000,
        'grpc.keepalive_timeout_ms': 5_000,
      }) as unknown as WorkerClient;
      this.clients.set(address, c);
    }
    return c;
  }

  private unary<T>(address: string, what: string, call: (c: WorkerClient, options: grpc.CallOptions, cb: Callback<T>) => void): Promise<T> {
    return new Promise((resolve, reject) => {
      call(this.client(address), { deadline: Date.now() + this.callTimeoutMs }, (error, response) => {
        if (error || response === undefined) {
          reject(new LochError(SqlState.ioError, `${what} on worker ${address} failed: ${error?.details || error?.message || 'no response'}`, { cause: error }));
        } else {
          resolve(response);
        }
      });
    });
  }

  launchTasks(address: string, request: loch.v1.LaunchTasksRequest.$Properties): Promise<loch.v1.LaunchTasksResponse> {
    return this.unary(address, 'LaunchTasks', (c, o, cb) => c.launchTasks(request, o, cb));
  }

  cancelTasks(address: string, request: loch.v1.CancelTasksRequest.$Properties): Promise<loch.v1.CancelTasksResponse> {
    return this.unary(address, 'CancelTasks', (c, o, cb) => c.cancelTasks(request, o, cb));
  }

  removeJobData(address: string, jobId: string): Promise<loch.v1.RemoveJobDataResponse> {
    return this.unary(address, 'RemoveJobData', (c, o, cb) => c.removeJobData({ jobId }, o, cb));
  }

  /** The bytes of one shuffle file, chunk by chunk; an abort of `signal` cancels the call (57014). */
  async *fetchPartition(address: string, location: loch.v1.PartitionLocation.$Properties, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    signal?.throwIfAborted();
    const call = this.client(address).fetchShufflePartition({ location, maxChunkBytes: ARROW_CHUNK_BYTES });
    const onAbort = (): void => call.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    let expected = 0;
    try {
      for await (const chunk of call as AsyncIterable<loch.v1.ArrowIpcChunk>) {
        if (chunk.sequence !== expected) throw new LochError(SqlState.ioError, `result fetch from ${address}: chunk ${chunk.sequence} arrived where ${expected} was expected`);
        expected++;
        yield chunk.data;
      }
    } catch (e) {
      if (signal?.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request', { cause: e });
      if (e instanceof LochError) throw e;
      const err = e as Partial<grpc.ServiceError>;
      throw new LochError(SqlState.ioError, `result fetch of ${location.path ?? ''} from worker ${address} failed: ${err.details ?? err.message ?? String(e)}`, { cause: e });
    } finally {
      signal?.removeEventListener('abort', onAbort);
      call.cancel();
    }
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}
