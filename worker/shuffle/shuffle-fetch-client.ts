/**
 * The client side of WorkerService.FetchShufflePartition: one gRPC channel per worker address
 * (shared by all fetches of a reader, or of a whole worker), and a fetch as an async stream of
 * the file's bytes, chunk by chunk.
 *
 * Back-pressure: chunks are pulled with async iteration, so a reducer that stops consuming
 * stops reading the HTTP/2 stream; its flow-control window fills and the server's writes wait.
 */
import * as grpc from '@grpc/grpc-js';
import { LochError, SqlState } from '../../core/index.ts';
import { ARROW_CHUNK_BYTES, grpcServiceDefinition, type loch } from '../../proto/index.ts';
import { ShuffleFetchError } from './fetch-failure.ts';
import { type MapOutputLocation, toPartitionLocationProto } from './shuffle-layout.ts';

interface FetchClient extends grpc.Client {
  fetchShufflePartition(request: loch.v1.FetchShufflePartitionRequest.$Properties): grpc.ClientReadableStream<loch.v1.ArrowIpcChunk>;
  removeJobData(request: loch.v1.RemoveJobDataRequest.$Properties,
    callback: (error: grpc.ServiceError | null, response?: loch.v1.RemoveJobDataResponse) => void): grpc.ClientUnaryCall;
}

let clientConstructor: grpc.ServiceClientConstructor | undefined;

/** gRPC channels to other workers' shuffle services, one per address. Close when done. */
export class ShuffleClientPool {
  private readonly clients = new Map<string, FetchClient>();

  /** The client for `address` (host:port), created on first use. */
  client(address: string): FetchClient {
    let c = this.clients.get(address);
    if (!c) {
      clientConstructor ??= grpc.makeGenericClientConstructor(grpcServiceDefinition('WorkerService'), 'WorkerService');
      c = new clientConstructor(address, grpc.credentials.createInsecure(), {
        // Chunks are ~1 MiB; leave room for a peer configured with larger chunks.
        'grpc.max_receive_message_length': 64 << 20,
        // Ping during fetches so a worker cut off the network (no RST ever arrives) fails the
        // fetch within ~15 s instead of hanging the reducer (issue 4 multi-host test).
        'grpc.keepalive_time_ms': 10_000,
        'grpc.keepalive_timeout_ms': 5_000,
      }) as unknown as FetchClient;
      this.clients.set(address, c);
    }
    return c;
  }

  /** Asks the worker at `address` to delete a job's shuffle files. */
  removeJobData(address: string, jobId: string): Promise<{ filesRemoved: number; bytesRemoved: number }> {
    return new Promise((resolve, reject) => {
      this.client(address).removeJobData({ jobId }, (error, response) => {
        if (error || !response) reject(new LochError(SqlState.ioError, `could not remove shuffle files of job ${jobId} on ${address}: ${error?.message ?? 'no response'}`, { cause: error }));
        else resolve({ filesRemoved: Number(response.filesRemoved), bytesRemoved: Number(response.bytesRemoved) });
      });
    });
  }

  /** Closes every channel. */
  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}

/**
 * Streams the bytes of the shuffle file at `location` from its worker. Failures (worker
 * unreachable, file gone, a gap in the chunk sequence) raise ShuffleFetchError; an abort of
 * `signal` cancels the call and raises 57014.
 */
export async function* fetchRemotePartition(
  pool: ShuffleClientPool, location: MapOutputLocation, signal: AbortSignal, chunkBytes = ARROW_CHUNK_BYTES,
): AsyncGenerator<Uint8Array> {
  if (!location.workerAddress) throw new ShuffleFetchError(location, 'the location has no worker address');
  signal.throwIfAborted();
  const call = pool.client(location.workerAddress).fetchShufflePartition({
    location: toPartitionLocationProto(location), maxChunkBytes: chunkBytes,
  });
  const onAbort = (): void => call.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  let expected = 0;
  try {
    for await (const chunk of call as AsyncIterable<loch.v1.ArrowIpcChunk>) {
      if (chunk.sequence !== expected) throw new ShuffleFetchError(location, `chunk ${chunk.sequence} arrived where chunk ${expected} was expected`);
      expected++;
      yield chunk.data;
    }
  } catch (e) {
    if (signal.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request', { cause: e });
    if (e instanceof ShuffleFetchError) throw e;
    const status = (e as Partial<grpc.ServiceError>).code;
    const name = status === undefined ? '' : `${grpc.status[status] ?? status}: `;
    throw new ShuffleFetchError(location, `${name}${(e as Partial<grpc.ServiceError>).details ?? (e instanceof Error ? e.message : String(e))}`, e);
  } finally {
    signal.removeEventListener('abort', onAbort);
    call.cancel();
  }
}
