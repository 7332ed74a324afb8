/**
 * `loch status --connect host:port`: the coordinator's view of the cluster —
 * workers with their slots and last heartbeat, and running queries with their
 * stages' progress.
 */
import { parseArgs } from 'node:util';
import { formatError } from './error-report.ts';
import { clusterStatus } from './remote-engine.ts';
import type { CommandContext } from './sql-command.ts';

/** Runs `loch status`; returns the exit code. */
export async function statusCommand(args: readonly string[], ctx: CommandContext): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...args], options: { connect: { type: 'string', default: '127.0.0.1:7077' }, json: { type: 'boolean', default: false } } }).values;
  } catch (e) {
    ctx.stderr(`loch status: ${(e as Error).message}\nusage: loch status [--connect host:port] [--json]\n`);
    return 2;
  }
  let status;
  try {
    status = await clusterStatus(values.connect);
  } catch (e) {
    ctx.stderr(formatError(e));
    return 1;
  }
  if (values.json) { ctx.stdout(`${JSON.stringify(status.toJSON())}\n`); return 0; }
  const workers = status.workers ?? [];
  const lines = [`coordinator ${status.coordinatorId} at ${values.connect} (${status.leader ? 'leader' : 'standby'})`, `workers: ${workers.length}`];
  const now = Date.now();
  for (const w of workers) {
    const info = w.worker;
    const seen = Number(w.lastHeartbeatMs ?? 0);
    lines.push(`  ${info?.workerId}  ${info?.host}:${info?.port}  slots ${w.freeSlots ?? 0}/${info?.taskSlots ?? 0} free  last seen ${seen > 0 ? `${((now - seen) / 1000).toFixed(1)} s ago` : '-'}`);
  }
  const jobs = status.jobs ?? [];
  lines.push(`running queries: ${jobs.length}`);
  for (const j of jobs) {
    const stages = j.progress?.stages ?? [];
    const done = stages.reduce((n, s) => n + (s.partitionsDone ?? 0), 0);
    const all = stages.reduce((n, s) => n + (s.partitionCount ?? 0), 0);
    const retries = stages.reduce((n, s) => n + (s.taskRetries ?? 0), 0);
    lines.push(`  ${j.jobId}  ${done}/${all} tasks  ${stages.length} stages  ${retries} retries  ${(Number(j.progress?.elapsedMs ?? 0) / 1000).toFixed(1)} s${j.sql ? `  ${j.sql.replace(/\s+/g, ' ').slice(0, 60)}` : ''}`);
  }
  ctx.stdout(`${lines.join('\n')}\n`);
  return 0;
}
