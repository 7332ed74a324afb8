/**
 * Loch's embedded cluster under benchmark (`--workers N`): a coordinator in this process
 * and N worker processes (cli/embedded-cluster.ts), the TPC-H tables registered on it.
 * Reports bytes shuffled per query (from the distributed executor's job metrics) and the
 * workers' peak resident memory (VmHWM of each worker process).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedCluster, type QueryEngine } from '../../cli/index.ts';
import type { BenchEngine, LochEngineOptions } from './bench-engines.ts';
import { registerTables, textRunner } from './engine-text.ts';

/** Peak resident set of a process (Linux /proc), bytes; 0 when unknown. */
async function peakRss(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

/**
 * Memory of each worker for `--worker-memory MB`: an eighth for the worker's main thread's heap
 * (gRPC, shuffle serving, the cache's index), a quarter for its decoded-column cache (shared
 * memory, outside the heaps; its task threads share it) and the rest shared by its task threads
 * (one per core), where operators run; the operators' budget per task stays half its thread's
 * heap unless given. Without a cap the worker heap is 8 GiB and the cache a quarter of it.
 */
export function clusterMemory(options: Pick<LochEngineOptions, 'workerMemoryMb' | 'operatorMemoryMb'>, threads = availableParallelism()): {
  workerMemoryMb: number; threadMemoryMb?: number; workerCacheMb: number; taskSettings?: Record<string, string>;
} {
  const budget = options.operatorMemoryMb === undefined ? {} : { taskSettings: { 'loch.memory_limit_bytes': String(options.operatorMemoryMb * 1024 * 1024) } };
  if (options.workerMemoryMb === undefined) return { workerMemoryMb: 8192, workerCacheMb: 2048, ...budget };
  const mb = options.workerMemoryMb;
  const main = Math.max(256, Math.floor(mb / 8));
  const cache = Math.floor(mb / 4);
  return { workerMemoryMb: main, threadMemoryMb: Math.max(256, Math.floor((mb - main - cache) / threads)), workerCacheMb: cache, ...budget };
}

/** CPU time (user + system, all threads) of a process so far (Linux /proc), ms; 0 when unknown. */
async function processCpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name: state is field 3, utime 14, stime 15 (clock ticks, 100 Hz)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Starts the embedded cluster with `options.workers` workers and registers the tables. */
export async function createClusterBenchEngine(options: LochEngineOptions): Promise<BenchEngine> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loch-bench-cluster-'));
  const memory = clusterMemory(options);
  options.log(`starting the embedded cluster: a coordinator and ${options.workers} worker process(es)` +
    (options.workerMemoryMb === undefined ? '' : `, each capped at ${options.workerMemoryMb} MiB (main heap ${memory.workerMemoryMb}, task threads ${memory.threadMemoryMb} MiB each)`) +
    `, column cache ${memory.workerCacheMb} MiB per worker` +
    (options.operatorMemoryMb === undefined ? '' : `, operator budget ${options.operatorMemoryMb} MiB per task`));
  const cluster = await startEmbeddedCluster({ dataDir, workers: options.workers, grpcPort: 0, ...memory });
  const engine = cluster.engine();
  let shuffled = 0;
  const unsubscribe = cluster.coordinator.executor.onJobMetrics((_job, metrics) => { shuffled += metrics.bytesShuffled(); });
  const text = textRunner(engine);
  const peaks = cluster.workers.map(() => 0);
  const samplePeaks = async (): Promise<void> => {
    const now = await Promise.all(cluster.workers.map((w) => peakRss(w.pid)));
    now.forEach((v, i) => { peaks[i] = Math.max(peaks[i]!, v); });
  };
  await registerTables(text, options.tables);
  return {
    name: 'loch',
    run: async (sql) => {
      shuffled = 0;
      const result = await text(sql);
      await samplePeaks();
      return result;
    },
    // CLEAR CACHE reaches the workers' column caches through the next tasks' cache epoch.
    clearCaches: async () => { await text('CLEAR CACHE'); },
    bytesShuffled: () => shuffled,
    workerPeakRss: () => [...peaks],
    workerCpuMs: async () => (await Promise.all(cluster.workers.map((w) => processCpuMs(w.pid)))).reduce((a, b) => a + b, 0),
    close: async () => {
      unsubscribe();
      await engine.close();
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
