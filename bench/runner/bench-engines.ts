/**
 * The engines a benchmark compares, behind one small interface: run a query and
 * return its rows as text, clear caches (cold runs), report memory and shuffle.
 *
 * Loch's engine comes from a factory so the same harness drives the embedded
 * engine (one process) and, with `--workers N`, the embedded cluster
 * (cluster-bench-engine.ts: a coordinator here and N worker processes).
 */
import { availableParallelism } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { formatValue, readValue } from '../../core/index.ts';
import { createLocalEngine } from '../../cli/index.ts';
import type { TextRows } from './compare-results.ts';
import { createClusterBenchEngine } from './cluster-bench-engine.ts';

/** A query's result as text cells (NULL as null), with its column names. */
export interface TextResult {
  readonly names: readonly string[];
  readonly rows: TextRows;
}

/** One engine under benchmark. */
export interface BenchEngine {
  readonly name: 'loch' | 'duckdb';
  /** Runs `sql` (which may hold several statements) and returns the rows of the last query. */
  run(sql: string): Promise<TextResult>;
  /** Drops caches of decoded data (cold runs). */
  clearCaches(): Promise<void>;
  /** Bytes moved between workers by the last `run` (0 in one process). */
  bytesShuffled(): number;
  /** Peak resident memory of the engine's other processes (workers), bytes; empty in one process. */
  workerPeakRss(): readonly number[];
  close(): Promise<void>;
}

/** Where the TPC-H tables are and in which format Loch reads them. */
export interface BenchTables {
  /** Table name → Parquet location (a file or a glob); DuckDB always reads these. */
  readonly parquet: ReadonlyMap<string, string>;
  /** Table name → Delta table directory; Loch reads these when `format` is delta. */
  readonly delta: ReadonlyMap<string, string>;
  readonly format: 'parquet' | 'delta';
}

/** Options of Loch's engine factory. */
export interface LochEngineOptions {
  readonly tables: BenchTables;
  /** 0: the in-process engine; N: the embedded cluster with N workers. */
  readonly workers: number;
  readonly log: (line: string) => void;
}

/**
 * Starts Loch for a benchmark. The embedded cluster (`loch up`) plugs in here:
 * `clusterFactory`, when set, starts coordinator + N workers and returns an engine.
 */
let clusterFactory: ((options: LochEngineOptions) => Promise<BenchEngine>) | null = null;

/** Installs the cluster starter used for `--workers N`. */
export function setClusterFactory(factory: (options: LochEngineOptions) => Promise<BenchEngine>): void {
  clusterFactory = factory;
}

export async function createLochBenchEngine(options: LochEngineOptions): Promise<BenchEngine> {
  if (options.workers > 0) return (clusterFactory ?? createClusterBenchEngine)(options);
  const engine = await createLocalEngine();
  const run = async (sql: string): Promise<TextResult> => {
    let last: TextResult = { names: [], rows: [] };
    for await (const result of engine.execute(sql)) {
      if (result.kind !== 'rows') continue;
      const rows: (string | null)[][] = [];
      const types = result.fields.map((f) => f.type);
      for await (const batch of result.batches) {
        const columns = types.map((_, c) => batch.column(c));
        for (let r = 0; r < batch.length; r++) {
          rows.push(types.map((t, c) => { const v = readValue(columns[c]!, t, r); return v === null ? null : formatValue(v, t); }));
        }
      }
      last = { names: result.fields.map((f) => f.name), rows };
    }
    return last;
  };
  const { tables } = options;
  const ddl = [...tables.parquet.keys()].map((t) => tables.format === 'delta'
    ? `CREATE TABLE ${t} USING delta LOCATION '${tables.delta.get(t)}';`
    : `CREATE TABLE ${t} USING parquet LOCATION '${tables.parquet.get(t)}';`);
  await run(ddl.join('\n'));
  return {
    name: 'loch',
    run,
    clearCaches: async () => { await run('CLEAR CACHE'); },
    bytesShuffled: () => 0,
    workerPeakRss: () => [],
    close: () => engine.close(),
  };
}

/** DuckDB in this process over the Parquet files, threads = cores. */
export async function createDuckDbBenchEngine(tables: BenchTables): Promise<BenchEngine> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(availableParallelism()) });
  const duck = await instance.connect();
  for (const [t, location] of tables.parquet) await duck.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${location}')`);
  return {
    name: 'duckdb',
    async run(sql) {
      const reader = await duck.runAndReadAll(sql);
      return { names: reader.columnNames(), rows: reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v)))) };
    },
    async clearCaches() {
      // DuckDB keeps no decoded Parquet data between queries; its external file cache keeps raw bytes.
      try { await duck.run('SET enable_external_file_cache = false'); } catch { /* older DuckDB: no such cache */ }
    },
    bytesShuffled: () => 0,
    workerPeakRss: () => [],
    async close() { duck.closeSync(); instance.closeSync(); },
  };
}
