/**
 * Crash safety (issue 3): a writer killed at an arbitrary moment — while writing
 * data files, a deletion vector or its commit — leaves the table readable at its
 * last committed version: the log validates, every committed append is whole,
 * nothing half-written is visible. Orphaned files are allowed; VACUUM removes them.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { T } from '../../core/index.ts';
import { createTable, openDeltaTable, vacuum, validateDeltaLog } from '../../storage/index.ts';
import { tempDir, readRows } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./concurrent-writer.ts', import.meta.url));
const ROWS = 20_000;

/** Starts a writer, waits until it has committed `after` appends, then kills it `delayMs` later. */
function killMidWrite(dir: string, writer: number, after: number, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=512', CHILD, dir, String(writer), '1000', '20', String(ROWS)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let seen = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('\n').filter((l) => l.startsWith('committed')).length;
      if (seen >= after) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited without being killed (${signal ?? _code})`))));
  });
}

describe('crash safety', () => {
  it('a writer killed mid-write leaves the table readable at its last commit', async () => {
    const dir = tempDir();
    await createTable(dir, {
      schema: [{ name: 'id', type: T.int32, nullable: false }, { name: 'w', type: T.int32, nullable: false }],
      partitionColumns: ['w'], properties: { 'delta.enableDeletionVectors': 'true' },
    });
    const delays = [0, 37, 91, 160];
    for (let round = 0; round < delays.length; round++) {
      await killMidWrite(dir, round + 1, 2 + round, delays[round]!);
      expect(await validateDeltaLog(dir)).toEqual([]);
      const scanner = await openDeltaTable(dir);
      const commits = readdirSync(path.join(dir, '_delta_log')).filter((n) => /^\d{20}\.json$/.test(n)).length;
      expect(scanner.version).toBe(commits - 1);
      const ids = (await readRows(scanner, [], [0])).map((r) => r[0] as number);
      // Whole appends only: each writer's rows come in blocks of ROWS (minus single-row deletes).
      const perWriter = new Map<number, number>();
      for (const id of ids) perWriter.set(Math.floor(id / 1_000_000), (perWriter.get(Math.floor(id / 1_000_000)) ?? 0) + 1);
      for (const n of perWriter.values()) expect(n % ROWS === 0 || ROWS - (n % ROWS) <= 20).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const before = (await readRows(await openDeltaTable(dir), [], [0])).length;
    const old = new Date(Date.now() - 3_600_000);
    for (const f of readdirSync(dir, { recursive: true }) as string[]) if (!f.includes('_delta_log')) utimesSync(path.join(dir, f), old, old);
    await vacuum(dir, { retentionHours: 0, force: true });
    expect((await readRows(await openDeltaTable(dir), [], [0])).length).toBe(before);
    expect(await validateDeltaLog(dir)).toEqual([]);
  });
});
