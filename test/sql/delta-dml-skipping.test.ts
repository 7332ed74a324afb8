/**
 * DELETE and UPDATE read only the files whose partition values and statistics may
 * hold matching rows (Delta data skipping on the write path). Shown by damaging the
 * file a predicate excludes: the statement still succeeds, because it never reads it,
 * while a statement whose predicate cannot skip it fails on the damage.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryError, queryText } from '../support/results.ts';

describe('DELETE/UPDATE skip files by statistics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loch-dml-skipping-'));
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine({ dataDir: dir }); });
  afterAll(async () => { await engine?.close(); rmSync(dir, { recursive: true, force: true }); });

  /** 100 consecutive integers from `from` (no table functions needed). */
  const hundred = (from: number): string =>
    `(select ${from} + a * 10 + b as g from (values ${digits}) x(a), (values ${digits}) y(b)) as t`;
  const digits = Array.from({ length: 10 }, (_v, i) => `(${i})`).join(', ');

  it('never reads a file whose min/max rule out the predicate', async () => {
    await query(engine, 'create table s (id int, v text) using delta');
    await query(engine, `insert into s select g, 'low' from ${hundred(1)}`);
    const tableDir = join(dir, 'warehouse', 's');
    const lowFile = readdirSync(tableDir).find((f) => f.endsWith('.parquet'))!;
    await query(engine, `insert into s select g, 'high' from ${hundred(1001)}`);
    writeFileSync(join(tableDir, lowFile), 'not a parquet file any more');

    await query(engine, "update s set v = 'HIGH' where id > 1050");
    await query(engine, 'delete from s where id >= 1091 and id <= 1100');
    const e = await queryError(engine, "delete from s where v = 'low'");
    expect(e.message).toMatch(/parquet|magic|corrupt/i);
    expect(await queryText(engine, "select count(*), min(id), max(id) from s where v = 'HIGH'")).toEqual([['40', '1051', '1090']]);
  });
});
