/**
 * Loch's embedded cluster under benchmark (`--workers N`): a coordinator in this process
 * and N worker processes (cli/embedded-cluster.ts), the TPC-H tables registered on it.
 * Reports bytes shuffled per query (from the distributed executor's job metrics) and the
 * workers' peak resident memory (VmHWM of each worker process).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

/** Starts the embedded cluster with `options.workers` workers and registers the tables. */
export async function createClusterBenchEngine(options: LochEngineOptions): Promise<BenchEngine> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loch-bench-cluster-'));
  options.log(`starting the embedded cluster: a coordinator and ${options.workers} worker process(es)`);
  const cluster = await startEmbeddedCluster({ dataDir, workers: options.workers, grpcPort: 0, workerMemoryMb: 8192 });
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
    // CLEAR CACHE reaches the workers' task threads through the next tasks' cache epoch.
    clearCaches: async () => { await text('CLEAR CACHE'); },
    bytesShuffled: () => shuffled,
    workerPeakRss: () => [...peaks],
    close: async () => {
      unsubscribe();
      await engine.close();
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
