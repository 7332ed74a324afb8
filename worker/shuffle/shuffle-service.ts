/**
 * The server side of the shuffle: WorkerService.FetchShufflePartition streams a committed
 * shuffle file in ~1 MiB ArrowIpcChunk messages, and RemoveJobData deletes a job's files.
 *
 *   request (PartitionLocation) ─► path derived from the map task identity under shuffleRoot
 *                                  (the request's `path` is never trusted: no traversal)
 *   loop: read ≤ chunk bytes ─► call.write(chunk #seq) ─► false? wait for 'drain' (back-pressure)
 *         stop when the client cancels
 *
 * `handlers()` are meant to be merged into the worker's full WorkerService implementation;
 * `startShuffleServer` serves them alone (tests, or a worker before its task service exists).
 */
import { open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ARROW_CHUNK_BYTES, grpcServiceDefinition, type loch } from '../../proto/index.ts';
import { fromPartitionLocationProto, jobDir, partitionFilePath } from './shuffle-layout.ts';

/** Files and bytes deleted by `removeJob`. */
export interface RemovedShuffleData {
  readonly filesRemoved: number;
  readonly bytesRemoved: number;
}

/** Largest chunk a client may ask for (bounds the server's per-call buffer). */
const MAX_CHUNK_BYTES = 16 << 20;

/** Serves and deletes the shuffle files under one worker's shuffle directory. */
export class ShuffleService {
  readonly shuffleRoot: string;
  private readonly defaultChunkBytes: number;
  private streaming = 0;

  constructor(shuffleRoot: string, options: { chunkBytes?: number } = {}) {
    this.shuffleRoot = shuffleRoot;
    this.defaultChunkBytes = options.chunkBytes ?? ARROW_CHUNK_BYTES;
  }

  /** Deletes every shuffle file of `jobId` (committed or temporary) on this worker. */
  async removeJob(jobId: string): Promise<RemovedShuffleData> {
    const dir = jobDir(this.shuffleRoot, jobId);
    const counted = await countFiles(dir);
    await rm(dir, { recursive: true, force: true });
    return counted;
  }

  /** Fetch streams currently being served (observability; tests check cancellation with it). */
  get activeStreams(): number { return this.streaming; }

  /** WorkerService handlers for FetchShufflePartition and RemoveJobData. */
  handlers(): Pick<grpc.UntypedServiceImplementation, 'fetchShufflePartition' | 'removeJobData'> {
    return {
      fetchShufflePartition: (call: grpc.ServerWritableStream<loch.v1.FetchShufflePartitionRequest, loch.v1.ArrowIpcChunk.$Properties>) => {
        void this.streamPartition(call);
      },
      removeJobData: (
        call: grpc.ServerUnaryCall<loch.v1.RemoveJobDataRequest, loch.v1.RemoveJobDataResponse.$Properties>,
        callback: grpc.sendUnaryData<loch.v1.RemoveJobDataResponse.$Properties>,
      ) => {
        this.removeJob(call.request.jobId).then(
          (r) => callback(null, { filesRemoved: r.filesRemoved, bytesRemoved: r.bytesRemoved }),
          (e: unknown) => callback({ code: grpc.status.INVALID_ARGUMENT, details: e instanceof Error ? e.message : String(e) }),
        );
      },
    };
  }

  private async streamPartition(call: grpc.ServerWritableStream<loch.v1.FetchShufflePartitionRequest, loch.v1.ArrowIpcChunk.$Properties>): Promise<void> {
    let cancelled = false;
    call.once('cancelled', () => { cancelled = true; });
    const request = call.request;
    let path: string;
    try {
      if (!request.location) throw new Error('the request names no location');
      const location = fromPartitionLocationProto(request.location);
      path = partitionFilePath(this.shuffleRoot, location, location.outputPartition);
    } catch (e) {
      failCall(call, grpc.status.INVALID_ARGUMENT, e instanceof Error ? e.message : String(e));
      return;
    }
    const chunkBytes = Math.min(MAX_CHUNK_BYTES, request.maxChunkBytes > 0 ? request.maxChunkBytes : this.defaultChunkBytes);
    let file;
    try {
      file = await open(path, 'r');
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      failCall(call, missing ? grpc.status.NOT_FOUND : grpc.status.INTERNAL,
        missing ? `shuffle file ${path} does not exist` : `cannot open shuffle file ${path}: ${(e as Error).message}`);
      return;
    }
    this.streaming++;
    try {
      for (let sequence = 0; !cancelled; sequence++) {
        // A fresh buffer per chunk: grpc-js may still hold the previous one when write returns.
        const buffer = Buffer.allocUnsafe(chunkBytes);
        let filled = 0;
        while (filled < chunkBytes) {
          const { bytesRead } = await file.read(buffer, filled, chunkBytes - filled, null);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        if (filled === 0 && sequence > 0) break;
        if (cancelled) return;
        const more = call.write({ data: buffer.subarray(0, filled), sequence });
        if (filled < chunkBytes) break;
        if (!more) await drainOrEnd(call);
      }
      if (!cancelled) call.end();
    } catch (e) {
      if (!cancelled) failCall(call, grpc.status.INTERNAL, `cannot read shuffle file ${path}: ${(e as Error).message}`);
    } finally {
      this.streaming--;
      await file.close();
    }
  }
}

/** Resolves when `call` can take more data, or when it was cancelled or closed (listeners removed either way). */
function drainOrEnd(call: grpc.ServerWritableStream<unknown, unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done); call.off('cancelled', done); call.off('close', done); call.off('error', done);
      resolve();
    };
    call.on('drain', done); call.on('cancelled', done); call.on('close', done); call.on('error', done);
  });
}

/**
 * Ends a server stream with an error status. grpc-js turns an 'error' event into the call's
 * status (destroy() would drop the call without one, leaving the client waiting).
 */
function failCall(call: grpc.ServerWritableStream<unknown, unknown>, code: grpc.status, details: string): void {
  call.emit('error', Object.assign(new Error(details), { code, details }));
}

async function countFiles(dir: string): Promise<RemovedShuffleData> {
  let filesRemoved = 0, bytesRemoved = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { filesRemoved, bytesRemoved };
    throw e;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    filesRemoved++;
    try { bytesRemoved += (await stat(join(entry.parentPath, entry.name))).size; } catch { /* removed meanwhile */ }
  }
  return { filesRemoved, bytesRemoved };
}

/** A running gRPC server that serves shuffle files. */
export interface ShuffleServer {
  /** host:port clients connect to. */
  readonly address: string;
  readonly port: number;
  /** Stops accepting calls and ends running ones (after `graceMs`, forcibly). */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts a gRPC server with `service`'s handlers (WorkerService; the task methods answer
 * UNIMPLEMENTED). Binds 127.0.0.1 on an ephemeral port unless told otherwise.
 */
export async function startShuffleServer(service: ShuffleService, options: { host?: string; port?: number } = {}): Promise<ShuffleServer> {
  const host = options.host ?? '127.0.0.1';
  const server = new grpc.Server({ 'grpc.max_send_message_length': MAX_CHUNK_BYTES + 1024 });
  server.addService(grpcServiceDefinition('WorkerService'), service.handlers());
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
  });
  return {
    address: `${host}:${port}`,
    port,
    close: (graceMs = 1000) => new Promise<void>((resolve) => {
      const timer = setTimeout(() => { server.forceShutdown(); resolve(); }, graceMs);
      server.tryShutdown(() => { clearTimeout(timer); resolve(); });
    }),
  };
}
