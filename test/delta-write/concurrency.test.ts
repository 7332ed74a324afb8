/**
 * Several processes commit to one local Delta table at once (issue 3): each of 4
 * writers commits 50 appends and 10 deletes. Afterwards the log has no gaps and
 * validates, and the table holds exactly the appended rows minus the deleted ones.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { T } from '../../core/index.ts';
import { createTable, openDeltaTable, describeHistory, validateDeltaLog } from '../../storage/index.ts';
import { tempDir, readRows } from './helpers.ts';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./concurrent-writer.ts', import.meta.url));
const WRITERS = 4;

describe('concurrent writers on local disk', () => {
  // The full load with deletion vectors; a shorter run for copy-on-write deletes.
  for (const [dv, APPENDS, DELETES] of [['true', 50, 10], ['false', 12, 4]] as const) {
    it(`4 processes × (${APPENDS} appends + ${DELETES} deletes) leave a gap-free log and exact rows (deletion vectors ${dv})`, async () => {
      const dir = tempDir();
      await createTable(dir, {
        schema: [{ name: 'id', type: T.int32, nullable: false }, { name: 'w', type: T.int32, nullable: false }],
        partitionColumns: ['w'], properties: { 'delta.enableDeletionVectors': dv },
      });
      const results = await Promise.all(Array.from({ length: WRITERS }, (_, w) =>
        run(process.execPath, ['--max-old-space-size=512', CHILD, dir, String(w + 1), String(APPENDS), String(DELETES)], { maxBuffer: 1 << 24 })));
      const outcomes = results.map((r) => JSON.parse(r.stdout) as { appended: number[]; deleted: number[] });
      const expected = new Set(outcomes.flatMap((o) => o.appended));
      for (const o of outcomes) for (const d of o.deleted) expected.delete(d);
      expect(outcomes.every((o) => o.appended.length === APPENDS * 2 && o.deleted.length === DELETES)).toBe(true);

      const commits = readdirSync(path.join(dir, '_delta_log')).filter((n) => /^\d{20}\.json$/.test(n));
      expect(commits).toHaveLength(1 + WRITERS * (APPENDS + DELETES));
      expect(await validateDeltaLog(dir)).toEqual([]);
      const scanner = await openDeltaTable(dir);
      expect(scanner.version).toBe(WRITERS * (APPENDS + DELETES));
      const ids = (await readRows(scanner)).map((r) => r[0] as number).sort((a, b) => a - b);
      expect(ids).toEqual([...expected].sort((a, b) => a - b));
      expect(ids).toHaveLength(WRITERS * (APPENDS * 2 - DELETES));
      const history = await describeHistory(dir);
      expect(history.filter((h) => h.operation === 'DELETE')).toHaveLength(WRITERS * DELETES);
    });
  }
});
