/**
 * `loch coordinator`: one coordinator of a distributed cluster. With `--etcd` it
 * watches worker leases there and campaigns for leadership (a standby answers
 * 57P03 until the leader dies); without, workers register with it directly.
 *
 *   loch coordinator [--etcd http://h:2379[,…]] [--host 127.0.0.1] [--port 7077] [--data-dir .loch]
 */
import { parseArgs } from 'node:util';
import { startClusterCoordinator } from './cluster-coordinator.ts';
import type { CommandContext } from './sql-command.ts';

export const COORDINATOR_USAGE = `usage: loch coordinator [--etcd URL[,URL…]] [--host H] [--advertise H] [--port P] [--data-dir DIR] [--verbose]
  --etcd       etcd endpoints: worker membership and leader election (HA); without: workers register here
  --host       interface to bind (default 127.0.0.1)
  --advertise  host name workers and clients reach this coordinator at (default: --host)
  --port       gRPC port (default 7077)
  --data-dir   catalog and tables, shared by the coordinators of a cluster (default ./.loch)
  --verbose    log scheduler events (JSON lines on stderr)
`;

/** Runs `loch coordinator` until SIGINT/SIGTERM; returns the exit code. */
export async function coordinatorCommand(args: readonly string[], ctx: CommandContext): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      options: {
        etcd: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, advertise: { type: 'string' }, port: { type: 'string', default: '7077' },
        'data-dir': { type: 'string', default: '.loch' }, verbose: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    ctx.stderr(`loch coordinator: ${(e as Error).message}\n${COORDINATOR_USAGE}`);
    return 2;
  }
  if (values.help) { ctx.stdout(COORDINATOR_USAGE); return 0; }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0) { ctx.stderr(`loch coordinator: --port must be a port number, not "${values.port}"\n`); return 2; }
  const node = await startClusterCoordinator({
    dataDir: values['data-dir'], host: values.host, grpcPort: port,
    ...(values.advertise !== undefined ? { advertisedHost: values.advertise } : {}),
    ...(values.etcd !== undefined ? { etcd: values.etcd.split(',').map((s) => s.trim()).filter((s) => s !== '') } : {}),
    log: (event) => { if (values.verbose || event.event === 'coordinator_started' || event.event === 'leader_elected') ctx.stderr(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`); },
  });
  ctx.stdout(`${JSON.stringify({ event: 'coordinator_started', coordinatorId: node.coordinatorId, address: node.address })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await node.stop();
  return 0;
}
