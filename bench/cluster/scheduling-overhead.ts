/**
 * `npm run bench -- scheduling [--tasks 100] [--workers 2] [--runs 5]`: the cost of scheduling
 * on the embedded cluster, measured as the time of a trivial query whose second stage has
 * `--tasks` tasks (a GROUP BY over a 25-row table with that many shuffle partitions) against
 * the same query with one task per stage. Reports the median of `--runs` runs and the
 * per-task overhead.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedCluster, type QueryEngine } from '../../cli/index.ts';

const QUERY = 'select n % 7 as k, count(*) as c from (values (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)) as v(n) group by n % 7';

async function timeQuery(engine: QueryEngine, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    for await (const r of engine.execute(QUERY)) if (r.kind === 'rows') for await (const _b of r.batches) { /* drain */ }
    if (i > 0) times.push(performance.now() - t0); // run 0 warms up the threads
  }
  return times.sort((a, b) => a - b);
}

async function measure(workers: number, partitions: number, runs: number): Promise<{ median: number; tasks: number }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loch-bench-scheduling-'));
  const cluster = await startEmbeddedCluster({ dataDir, workers, grpcPort: 0, distribution: { shufflePartitions: partitions } });
  let tasks = 0;
  const off = cluster.coordinator.executor.onJobMetrics((_id, m) => { tasks = [...m.stages.values()].reduce((n, st) => n + st.tasksLaunched, 0); });
  try {
    const engine = cluster.engine();
    const times = await timeQuery(engine, runs);
    await engine.close();
    return { median: times[Math.floor(times.length / 2)]!, tasks };
  } finally {
    off();
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Runs the measurement; returns false on bad arguments. */
export async function schedulingOverhead(args: readonly string[], log: (line: string) => void): Promise<boolean> {
  const { values } = parseArgs({ args: [...args], options: { tasks: { type: 'string', default: '100' }, workers: { type: 'string', default: '2' }, runs: { type: 'string', default: '5' } } });
  const tasks = Number(values.tasks); const workers = Number(values.workers); const runs = Number(values.runs);
  if (![tasks, workers, runs].every((n) => Number.isInteger(n) && n > 0)) { log('--tasks, --workers and --runs must be positive integers'); return false; }
  const one = await measure(workers, 1, runs);
  const many = await measure(workers, tasks, runs);
  log(`trivial query, ${workers} workers: ${one.tasks} tasks ${one.median.toFixed(1)} ms; ${many.tasks} tasks ${many.median.toFixed(1)} ms ` +
    `(median of ${runs}); ${((many.median - one.median) / Math.max(1, many.tasks - one.tasks)).toFixed(2)} ms per extra task`);
  return true;
}
