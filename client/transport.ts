/**
 * How a DataFrame session reaches an engine. The client compiles DataFrames to
 * SQL and hands the text to a transport: `GrpcTransport` talks to a
 * coordinator's QueryService; the embedded transport (registered by the
 * composition root, cli/client-entry.ts, since client/ may not import cli/ or
 * coordinator/) runs an in-process engine.
 */
import type * as arrow from 'apache-arrow';

/** The result of one statement: its Arrow schema and a once-only stream of batches. */
export interface TransportResult {
  readonly schema: arrow.Schema;
  /** Consume once; breaking out of the loop releases the server-side stream. */
  readonly batches: AsyncIterable<arrow.RecordBatch>;
}

/** Options of one statement. */
export interface TransportExecuteOptions {
  /** Aborting cancels the statement (the server job). */
  readonly signal?: AbortSignal;
}

/**
 * A connection to an engine that runs one SQL statement at a time. Errors are
 * LochErrors carrying the server's SQLSTATE and message; a connection lost
 * mid-stream raises from the batch iterator (never hangs).
 */
export interface LochTransport {
  /** The engine runs on this machine and reads its files (createDataFrame may pass large data as a Parquet file). */
  readonly sharesFilesystem?: boolean;
  execute(sql: string, options: TransportExecuteOptions): Promise<TransportResult>;
  close(): Promise<void>;
}

/** Options of `Loch.embedded()`. */
export interface EmbeddedOptions {
  /** Where catalog and managed tables persist; ephemeral when absent. */
  readonly dataDir?: string;
  /**
   * Worker processes of an embedded cluster (coordinator in this process, as `loch up` runs it).
   * 0 (the default) runs plans in this process, which starts instantly.
   */
  readonly workers?: number;
}

/** Builds the in-process transport; registered by the composition root. */
export type EmbeddedTransportFactory = (options: EmbeddedOptions) => Promise<LochTransport>;

let embeddedFactory: EmbeddedTransportFactory | null = null;

/** Registers how `Loch.embedded()` starts an engine (called by cli/client-entry.ts). */
export function registerEmbeddedTransport(factory: EmbeddedTransportFactory): void {
  embeddedFactory = factory;
}

/** The registered embedded factory, or null. */
export function embeddedTransportFactory(): EmbeddedTransportFactory | null {
  return embeddedFactory;
}
