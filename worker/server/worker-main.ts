/**
 * The worker process entry (`loch worker`, and the children `loch up` spawns):
 *
 *   node worker/server/worker-main.ts (--coordinator host:port | --etcd url[,url…]) [--shuffle-dir D]
 *        [--slots N] [--port P] [--host H] [--etcd-prefix /loch/workers/] [--thread-memory-mb M] [--cache-mb C] [--verbose]
 *
 * Prints one JSON line `{"event":"worker_started","workerId":…,"address":…}` on stdout once
 * serving (a parent waits for it); logs go to stderr. SIGTERM / SIGINT stop it cleanly (exit 0).
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EtcdMembership } from './membership.ts';
import { stderrLog } from './worker-log.ts';
import { startWorkerNode } from './worker-node.ts';

const USAGE = 'usage: worker-main.ts (--coordinator host:port | --etcd url) [--shuffle-dir D] [--slots N] [--port P] [--host H] [--etcd-prefix P] [--thread-memory-mb M] [--cache-mb C] [--verbose]';

function positive(name: string, text: string | undefined, allowZero = false): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, not "${text}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      coordinator: { type: 'string' }, etcd: { type: 'string' }, 'etcd-prefix': { type: 'string' },
      'shuffle-dir': { type: 'string' }, slots: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
      'thread-memory-mb': { type: 'string' }, 'cache-mb': { type: 'string' }, verbose: { type: 'boolean' }, help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) { process.stdout.write(`${USAGE}\n`); return; }
  if (values.coordinator === undefined && values.etcd === undefined) throw new Error(`give --coordinator or --etcd\n${USAGE}`);
  // LOCH_WORKER_VERBOSE=1: info events too (traces of children a parent spawned without --verbose).
  const log = stderrLog(values.verbose === true || process.env.LOCH_WORKER_VERBOSE === '1');
  const slots = positive('slots', values.slots);
  const port = positive('port', values.port, true);
  const threadMemoryMb = positive('thread-memory-mb', values['thread-memory-mb']);
  const cacheMb = positive('cache-mb', values['cache-mb'], true);
  const shuffleRoot = resolve(values['shuffle-dir'] ?? join(tmpdir(), `loch-shuffle-${process.pid}`));
  const membership = values.etcd !== undefined
    ? new EtcdMembership({ endpoints: values.etcd.split(','), ...(values['etcd-prefix'] !== undefined ? { prefix: values['etcd-prefix'] } : {}) })
    : undefined;
  const node = await startWorkerNode({
    shuffleRoot, log,
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(slots !== undefined ? { slots } : {}),
    ...(threadMemoryMb !== undefined ? { threadMemoryMb } : {}),
    ...(cacheMb !== undefined ? { cacheMb } : {}),
    ...(values.coordinator !== undefined ? { coordinatorAddress: values.coordinator } : {}),
    ...(membership !== undefined ? { membership } : {}),
  });
  process.stdout.write(`${JSON.stringify({ event: 'worker_started', workerId: node.workerId, address: node.address })}\n`);
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log('info', 'worker_stopping', { workerId: node.workerId, signal });
    node.stop().then(() => process.exit(0), (e: unknown) => {
      log('error', 'worker_stop_failed', { workerId: node.workerId, error: e instanceof Error ? e.message : String(e) });
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', event: 'worker_failed', error: e instanceof Error ? e.message : String(e) })}\n`);
  process.exit(1);
});
