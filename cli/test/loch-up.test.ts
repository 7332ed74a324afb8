/**
 * `loch up` end to end: the real `bin/loch.js` starts the embedded cluster (a coordinator
 * and a worker process), prints its endpoints and serves; `loch sql --connect` and
 * `loch status` talk to it over gRPC; SIGTERM stops it and its workers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LOCH = fileURLToPath(new URL('../../bin/loch.js', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'loch-up-'));

interface Run { readonly code: number | null; readonly stdout: string; readonly stderr: string }

function loch(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOCH, ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('loch up', () => {
  let up: ChildProcess;
  let output = '';
  let address = '';
  beforeAll(async () => {
    up = spawn(process.execPath, [LOCH, 'up', '--workers', '1', '--slots', '1', '--port', '0', '--data-dir', path.join(work, 'data')], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    up.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
    await new Promise<void>((resolve, reject) => {
      up.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /coordinator \(gRPC\)\s+(\S+)/.exec(output);
        if (m && output.includes('Serving until interrupted')) { address = m[1]!; resolve(); }
      });
      up.once('exit', (code) => reject(new Error(`loch up exited (${code}):\n${output}`)));
    });
  }, 180_000);
  afterAll(() => { up?.kill('SIGKILL'); rmSync(work, { recursive: true, force: true }); });

  it('prints the coordinator and worker endpoints on 127.0.0.1', () => {
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(output).toMatch(/worker 1\s+127\.0\.0\.1:\d+/);
  });

  it('runs SQL sent with loch sql --connect on the cluster', async () => {
    const run = await loch(['sql', '--connect', address, '--format', 'csv', 'create table t (a int); insert into t values (1), (2); select sum(a) as s from t; select 1/0']);
    expect(run.stdout).toBe('s\n3\n');
    expect(run.stderr).toContain('INSERT 0 2');
    expect(run.stderr).toContain('division by zero');
    expect(run.code).toBe(1);
  }, 60_000);

  it('reports workers and slots with loch status', async () => {
    const run = await loch(['status', '--connect', address]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\(leader\)/);
    expect(run.stdout).toMatch(/workers: 1\n\s+w-127\.0\.0\.1-\d+-\w+\s+127\.0\.0\.1:\d+\s+slots 1\/1 free/);
  }, 30_000);

  it('stops with its workers on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => up.once('exit', (code) => resolve(code)));
    up.kill('SIGTERM');
    expect(await exited).toBe(0);
    const after = await loch(['status', '--connect', address]);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/08001|cannot connect/);
  }, 30_000);
});
