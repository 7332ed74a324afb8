/**
 * `Loch`: a client session, the entry point of the DataFrame API (issue 5).
 *
 *   const loch = await Loch.connect('localhost:7077', { token });   // gRPC to a coordinator
 *   const loch = await Loch.embedded();                            // in-process engine
 *   const df = loch.table('lineitem').filter(col('l_quantity').gt(40));
 *
 * The session owns a `LochTransport` and runs SQL compiled from DataFrames.
 * It caches each plan's schema (plans are immutable, so the cache never goes stale
 * except across DDL, which schema-dependent plans re-read on the next session).
 */
import * as arrow from 'apache-arrow';
import { LochError, SqlState } from '../core/index.ts';
import { DataFrame } from './dataframe.ts';
import { quoteIdent, quoteName } from './expr-sql.ts';
import { GrpcTransport, type GrpcTransportOptions } from './grpc-transport.ts';
import { arrowItem, rangeItem, rowsItem, type InputRow } from './local-data.ts';
import { LocalParquetFiles } from './local-parquet.ts';
import type { PlanNode } from './plan.ts';
import { DataFrameReader } from './reader.ts';
import { SqlCompiler } from './sql-compiler.ts';
import { DataStreamReader } from './streaming.ts';
import { embeddedTransportFactory, type EmbeddedOptions, type LochTransport, type TransportExecuteOptions, type TransportResult } from './transport.ts';

/** A DataFrame session over a transport. */
export class Loch {
  readonly transport: LochTransport;
  private readonly schemas = new WeakMap<PlanNode, Promise<arrow.Schema>>();
  private readonly sources = new Map<string, Promise<string>>();
  private readonly files = new LocalParquetFiles();
  private closed = false;

  constructor(transport: LochTransport) {
    this.transport = transport;
  }

  /** Connects to a coordinator's QueryService (`host:port`, default port 7077). */
  static async connect(address: string, options: GrpcTransportOptions = {}): Promise<Loch> {
    const transport = new GrpcTransport(address.includes(':') ? address : `${address}:7077`, options);
    await transport.ready();
    return new Loch(transport);
  }

  /**
   * An in-process engine. The factory is registered by the composition root:
   * import from `loch/client` (cli/client-entry.ts), not from client/ directly.
   */
  static async embedded(options: EmbeddedOptions = {}): Promise<Loch> {
    const factory = embeddedTransportFactory();
    if (factory === null) {
      throw new LochError(SqlState.featureNotSupported, "Loch.embedded() needs the embedded engine: import { Loch } from 'loch/client' (cli/client-entry.ts registers it)");
    }
    return new Loch(await factory(options));
  }

  // ---- sources --------------------------------------------------------------------------

  /** A DataFrame of a SQL query. */
  sql(text: string): DataFrame {
    return new DataFrame(this, { kind: 'sql', text });
  }

  /** A catalog table (`'t'`, `'schema.t'`, `'catalog.schema.t'`). */
  table(name: string): DataFrame {
    return new DataFrame(this, { kind: 'from', item: async () => ({ text: quoteName(name.split('.')), needsAlias: false }) });
  }

  /** Files and Delta tables by path. */
  get read(): DataFrameReader {
    return new DataFrameReader(this);
  }

  /** Streaming sources (API shape only until the ingestion issue). */
  get readStream(): DataStreamReader {
    return new DataStreamReader();
  }

  /**
   * A DataFrame of client data: plain-object rows (types inferred: integers →
   * bigint, other numbers → double precision, strings → text, booleans, Date →
   * timestamptz) or an Arrow table (types from its schema). Sent as a VALUES list, or for
   * 2000+ rows on an engine sharing this machine's files, as a temporary Parquet file.
   */
  createDataFrame(data: readonly InputRow[] | arrow.Table, columns?: readonly string[]): DataFrame {
    const files = this.transport.sharesFilesystem ? this.files : null;
    const item = data instanceof arrow.Table ? arrowItem(data, files) : rowsItem(data, columns, files);
    return new DataFrame(this, { kind: 'from', item: async () => item });
  }

  /** Rows `id` = start, start+step, … < end (`range(n)` = 0 … n-1), as bigint, in that order. */
  range(startOrEnd: number, end?: number, step = 1): DataFrame {
    const item = end === undefined ? rangeItem(0, startOrEnd, step) : rangeItem(startOrEnd, end, step);
    return new DataFrame(this, { kind: 'from', item: async () => item });
  }

  // ---- execution ------------------------------------------------------------------------------

  /** Compiles a plan to its SQL statement. */
  compile(plan: PlanNode): Promise<string> {
    return new SqlCompiler((node) => this.schemaOf(node)).compile(plan);
  }

  /** The output schema of a plan, from `SELECT * FROM (<sql>) AS q LIMIT 0` (planned, not scanned). */
  schemaOf(plan: PlanNode): Promise<arrow.Schema> {
    let schema = this.schemas.get(plan);
    if (!schema) {
      schema = (async () => {
        const result = await this.run(`SELECT * FROM (${await this.compile(plan)}) AS ${quoteIdent('q')} LIMIT 0`, {});
        for await (const _ of result.batches) { /* drain */ }
        return result.schema;
      })();
      this.schemas.set(plan, schema);
      schema.catch(() => this.schemas.delete(plan));
    }
    return schema;
  }

  /** Runs one SQL statement. */
  run(sql: string, options: TransportExecuteOptions): Promise<TransportResult> {
    if (this.closed) return Promise.reject(new LochError(SqlState.invalidParameterValue, 'this Loch session is closed'));
    return this.transport.execute(sql, options);
  }

  /** Runs a statement for its effect, draining any rows. */
  async runStatement(sql: string): Promise<void> {
    const result = await this.run(sql, {});
    for await (const _ of result.batches) { /* drain */ }
  }

  /**
   * Registers `CREATE EXTERNAL TABLE <generated> <definition>` once per session
   * (sources the engine has no table function for) and returns the generated name.
   */
  registerSource(definition: string): Promise<string> {
    let name = this.sources.get(definition);
    if (!name) {
      const generated = `__loch_df_source_${process.pid}_${Date.now().toString(36)}_${this.sources.size}`;
      name = this.runStatement(`CREATE EXTERNAL TABLE ${quoteIdent(generated)} ${definition}`).then(() => generated);
      this.sources.set(definition, name);
      name.catch(() => this.sources.delete(definition));
    }
    return name;
  }

  /** Drops registered sources and closes the transport. */
  async close(): Promise<void> {
    if (this.closed) return;
    for (const name of this.sources.values()) {
      const n = await name.catch(() => null);
      if (n !== null) await this.runStatement(`DROP TABLE IF EXISTS ${quoteIdent(n)}`).catch(() => undefined);
    }
    this.closed = true;
    await this.transport.close();
    this.files.close();
  }
}
