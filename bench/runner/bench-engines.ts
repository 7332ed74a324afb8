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
import { createLocalEngine } from '../../cli/index.ts';
import type { TextRows } from './compare-results.ts';
import { createClusterBenchEngine } from './cluster-bench-engine.ts';
import { registerTables, textRunner } from './engine-text.ts';

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
  /** CPU time used so far by the engine's other processes (workers, all threads), ms; absent in one process. */
  workerCpuMs?(): Promise<number>;
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
  /**
   * Memory cap of each worker process in MiB (`--worker-memory`): its main thread's heap
   * and the heaps of its task threads together (split evenly over the threads);
   * default: the cluster's defaults (main 8192, each thread the machine's share).
   */
  readonly workerMemoryMb?: number;
  /** The operators' memory budget per task in MiB (`loch.memory_limit_bytes`); default half a thread's heap. */
  readonly operatorMemoryMb?: number;
}

/** Starts Loch for a benchmark: in this process, or with `workers > 0` the embedded cluster. */
export async function createLochBenchEngine(options: LochEngineOptions): Promise<BenchEngine> {
  if (options.workers > 0) return createClusterBenchEngine(options);
  const engine = await createLocalEngine();
  const run = textRunner(engine);
  await registerTables(run, options.tables);
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
