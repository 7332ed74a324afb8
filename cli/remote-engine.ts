/**
 * A QueryEngine that runs SQL on a coordinator over gRPC (`loch sql --connect host:port`).
 * Each statement is one QueryService.ExecuteQuery call; its result arrives as an Arrow IPC
 * stream in chunks (decoded incrementally) or as a command tag. `SET`s are remembered here
 * and sent with every later request, so a shell session keeps its settings although the
 * server holds no session between calls.
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import * as arrow from 'apache-arrow';
import { LochError, SqlState, fromArrowField, fromRecordBatch, type Batch } from '../core/index.ts';
import type { ExecuteOptions, QueryEngine, StatementResult } from '../coordinator/index.ts';
import { initParser, parseSql } from '../planner/index.ts';
import { grpcServiceDefinition, type loch } from '../proto/index.ts';

type QueryEvent = loch.v1.QueryEvent;
interface QueryClient extends grpc.Client {
  executeQuery(request: loch.v1.ExecuteQueryRequest.$Properties): grpc.ClientReadableStream<QueryEvent>;
  cancelQuery(request: loch.v1.CancelQueryRequest.$Properties, callback: (error: grpc.ServiceError | null) => void): grpc.ClientUnaryCall;
  getClusterStatus(request: loch.v1.GetClusterStatusRequest.$Properties, callback: (error: grpc.ServiceError | null, status?: loch.v1.ClusterStatus) => void): grpc.ClientUnaryCall;
}

/** Progress of a running statement, for a progress bar. */
export interface RemoteProgress {
  readonly jobId: string;
  readonly stagesDone: number;
  readonly stages: number;
  readonly tasksDone: number;
  readonly tasks: number;
  readonly elapsedMs: number;
}

export interface RemoteEngineOptions {
  readonly principal?: string;
  readonly token?: string;
  readonly onProgress?: (p: RemoteProgress) => void;
}

/** A gRPC QueryService client for `address` (host:port). */
function queryClient(address: string): QueryClient {
  const Client = grpc.makeGenericClientConstructor(grpcServiceDefinition('QueryService'), 'QueryService');
  return new Client(address, grpc.credentials.createInsecure(), {
    'grpc.keepalive_time_ms': 10_000, 'grpc.keepalive_timeout_ms': 5_000, 'grpc.max_receive_message_length': 64 << 20,
  }) as unknown as QueryClient;
}

/** The coordinator's GetClusterStatus (`loch status`). */
export async function clusterStatus(address: string, timeoutMs = 10_000): Promise<loch.v1.ClusterStatus> {
  const client = queryClient(address);
  try {
    return await new Promise((resolve, reject) => {
      client.waitForReady(Date.now() + timeoutMs, (ready) => {
        if (ready) { reject(new LochError('08001', `cannot connect to the Loch coordinator at ${address}: ${ready.message}`)); return; }
        client.getClusterStatus({}, (error, status) => (error || !status ? reject(wireError(error, address)) : resolve(status)));
      });
    });
  } finally {
    client.close();
  }
}

/** Runs SQL on the coordinator at `address`. */
export class RemoteQueryEngine implements QueryEngine {
  private readonly client: QueryClient;
  private readonly address: string;
  private readonly options: RemoteEngineOptions;
  private readonly settings: Record<string, string> = {};

  constructor(address: string, options: RemoteEngineOptions = {}) {
    this.address = address;
    this.options = options;
    this.client = queryClient(address);
  }

  async *execute(sql: string, options: ExecuteOptions = {}): AsyncIterable<StatementResult> {
    await initParser();
    for (const s of parseSql(sql)) {
      options.signal?.throwIfAborted();
      const result = await this.run(s.text, options.signal);
      if (s.statement.kind === 'set') this.settings[s.statement.name] = s.statement.value ?? '';
      yield result;
    }
  }

  async close(): Promise<void> {
    this.client.close();
  }

  /** One statement: the first events decide between rows (a schema arrived) and a status. */
  private async run(text: string, signal: AbortSignal | undefined): Promise<StatementResult> {
    const call = this.client.executeQuery({
      credentials: { principal: this.options.principal ?? '', token: this.options.token ?? '' },
      sql: text, settings: { ...this.settings }, clientRequestId: randomUUID(),
    });
    const events = (call as AsyncIterable<QueryEvent>)[Symbol.asyncIterator]();
    let jobId = '';
    const onAbort = (): void => {
      if (jobId) this.client.cancelQuery({ jobId }, () => undefined);
      call.cancel();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const address = this.address;
    const onProgress = this.options.onProgress;
    let tag = '';
    let ended = false;
    /** The next result chunk, or null once the statement ended (throws its error). */
    const nextChunk = async (): Promise<Uint8Array | null> => {
      for (;;) {
        let r: IteratorResult<QueryEvent>;
        try {
          r = await events.next();
        } catch (e) {
          if (signal?.aborted) throw new LochError(SqlState.queryCanceled, 'canceling statement due to user request');
          throw wireError(e, address);
        }
        if (r.done) {
          if (!ended) throw new LochError('08006', `connection to the Loch coordinator at ${address} was lost before the statement finished`);
          return null;
        }
        const e = r.value;
        if (e.jobId) jobId = e.jobId;
        if (e.resultChunk) return e.resultChunk.data ?? new Uint8Array(0);
        if (e.progress && onProgress) onProgress(progressOf(jobId, e.progress));
        if (e.statementCompleted) tag = e.statementCompleted.commandTag ?? tag;
        if (e.succeeded) { tag = e.succeeded.commandTag || tag; ended = true; }
        if (e.failed) {
          ended = true;
          const err = e.failed.error;
          throw new LochError(err?.sqlstate || SqlState.internalError, err?.message || 'query failed', {
            ...(err?.detail ? { detail: err.detail } : {}), ...(err?.hint ? { hint: err.hint } : {}),
          });
        }
      }
    };
    try {
      const first = await nextChunk();
      if (first === null) {
        signal?.removeEventListener('abort', onAbort);
        return { kind: 'status', tag: tag || 'OK' };
      }
      const chunks = (async function* () {
        yield first;
        for (let c = await nextChunk(); c !== null; c = await nextChunk()) yield c;
      })();
      const reader = await arrow.RecordBatchReader.from(chunks);
      await reader.open();
      const fields = reader.schema.fields.map((f) => ({ name: f.name, type: fromArrowField(f), nullable: f.nullable }));
      const batches = (async function* (): AsyncGenerator<Batch> {
        try {
          for await (const rb of reader) yield fromRecordBatch(rb);
        } finally {
          signal?.removeEventListener('abort', onAbort);
          if (!ended) call.cancel();
        }
      })();
      return { kind: 'rows', fields, batches };
    } catch (e) {
      signal?.removeEventListener('abort', onAbort);
      call.cancel();
      throw e;
    }
  }
}

function progressOf(jobId: string, p: loch.v1.JobProgress.$Properties): RemoteProgress {
  const stages = p.stages ?? [];
  return {
    jobId,
    stages: stages.length,
    stagesDone: stages.filter((s) => s.state === 4).length,
    tasks: stages.reduce((n, s) => n + (s.partitionCount ?? 0), 0),
    tasksDone: stages.reduce((n, s) => n + (s.partitionsDone ?? 0), 0),
    elapsedMs: Number(p.elapsedMs ?? 0),
  };
}

/** A gRPC failure as a LochError (08001 when the coordinator cannot be reached). */
function wireError(e: unknown, address: string): LochError {
  if (e instanceof LochError) return e;
  const code = (e as { code?: number }).code;
  const detail = (e as { details?: string }).details ?? (e as Error)?.message ?? String(e);
  if (code === grpc.status.UNAVAILABLE) return new LochError('08001', `cannot reach the Loch coordinator at ${address}: ${detail}`);
  return new LochError('08006', `connection to the Loch coordinator at ${address} failed: ${detail}`);
}
