/**
 * `loch up`: the embedded cluster — a coordinator in this process and N worker
 * processes on 127.0.0.1, data under `./.loch/` — serving until Ctrl-C.
 * With `--demo` (what `npm start` runs) it first loads the TPC-H sample and runs
 * Q1 on the cluster.
 *
 *   loch up [--workers N] [--port 7077] [--data-dir .loch] [--slots N] [--demo]
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { ensureSample, loadSampleAndRunQ1 } from './demo-command.ts';
import { startEmbeddedCluster } from './embedded-cluster.ts';
import type { CommandContext } from './sql-command.ts';

export const UP_USAGE = `usage: loch up [--workers N] [--port P] [--data-dir DIR] [--slots N] [--worker-memory-mb M] [--demo]
  --workers           worker processes (default 2)
  --port              coordinator gRPC port (default 7077)
  --data-dir          catalog, tables and shuffle files (default ./.loch)
  --slots             task slots per worker (default: cores)
  --worker-memory-mb  heap cap of each worker process (default 4096)
  --demo              load the TPC-H sample and run Q1 on the cluster first
Serves until interrupted (Ctrl-C).
`;

/** Runs `loch up`; resolves with the exit code once the cluster has stopped. */
export async function upCommand(args: readonly string[], ctx: CommandContext, stopSignal?: AbortSignal): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      options: {
        workers: { type: 'string', default: '2' }, port: { type: 'string', default: '7077' }, 'data-dir': { type: 'string', default: '.loch' },
        slots: { type: 'string' }, 'worker-memory-mb': { type: 'string' }, demo: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    ctx.stderr(`loch up: ${(e as Error).message}\n${UP_USAGE}`);
    return 2;
  }
  if (values.help) { ctx.stdout(UP_USAGE); return 0; }
  const int = (name: string, v: string | undefined, min: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, not "${v}"`);
    return n;
  };
  let workers: number; let port: number; let slots: number | undefined; let memory: number | undefined;
  try {
    workers = int('workers', values.workers, 1)!;
    port = int('port', values.port, 0)!;
    slots = int('slots', values.slots, 1);
    memory = int('worker-memory-mb', values['worker-memory-mb'], 256);
  } catch (e) {
    ctx.stderr(`loch up: ${(e as Error).message}\n`);
    return 2;
  }
  const dataDir = path.resolve(values['data-dir']);
  // Generate the sample before the cluster starts: generation keeps this process busy, and a
  // coordinator that cannot answer heartbeats would declare its workers lost.
  if (values.demo) await ensureSample(dataDir, ctx);
  ctx.stderr(`Starting Loch: a coordinator and ${workers} worker process${workers === 1 ? '' : 'es'} …\n`);
  const cluster = await startEmbeddedCluster({
    dataDir, workers, grpcPort: port,
    ...(slots !== undefined ? { slotsPerWorker: slots } : {}),
    ...(memory !== undefined ? { workerMemoryMb: memory } : {}),
  });
  try {
    ctx.stdout(`Loch is up.\n  coordinator (gRPC)  ${cluster.address}\n` +
      cluster.workers.map((w, i) => `  worker ${i + 1}            ${w.address}  (${w.workerId}, pid ${w.pid})\n`).join('') +
      `  data                ${dataDir}\n` +
      `  pg wire ${15432} and HTTP ${8080}: not served yet (later issues)\n\n` +
      `Run SQL on it:  npx loch sql --connect ${cluster.address}\nStatus:         npx loch status --connect ${cluster.address}\n`);
    if (values.demo) {
      const engine = cluster.engine();
      try {
        if (!(await loadSampleAndRunQ1(engine, dataDir, ctx))) return 1;
      } finally {
        await engine.close();
      }
    }
    ctx.stdout('\nServing until interrupted (Ctrl-C).\n');
    await waitForStop(stopSignal);
    ctx.stderr('Stopping Loch …\n');
    return 0;
  } finally {
    await cluster.stop();
  }
}

/** Resolves on SIGINT/SIGTERM (or when `signal` aborts, for tests). */
function waitForStop(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
