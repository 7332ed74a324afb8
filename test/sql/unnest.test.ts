/**
 * unnest over column arguments (PostgreSQL semantics): in the select list (one
 * row per element, empty/NULL arrays give no row, several unnests zip padded
 * with NULL) and in FROM (implicitly LATERAL, WITH ORDINALITY). Answers are
 * compared with DuckDB's over the same Parquet file (DuckDB's select-list
 * unnest has the same semantics).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

const dir = mkdtempSync(join(tmpdir(), 'loch-unnest-'));
const file = join(dir, 'arrays.parquet');
let engine: QueryEngine;
let duck: DuckDBConnection;

async function duckText(sql: string): Promise<(string | null)[][]> {
  const r = await duck.runAndReadAll(sql);
  return r.getRows().map((row) => row.map((v) => (v === null ? null : String(v))));
}

/** Rows as sorted JSON lines (order-insensitive comparison). */
function sorted(rows: readonly (readonly (string | null)[])[]): string[] {
  return rows.map((r) => JSON.stringify(r)).sort();
}

beforeAll(async () => {
  const db = await DuckDBInstance.create(':memory:');
  duck = await db.connect();
  // 3000 rows (several batches): NULL arrays, empty arrays, NULL elements, lengths 0..3.
  await duck.run(`
    CREATE TABLE t AS SELECT
      i AS id,
      CASE WHEN i % 7 = 0 THEN NULL WHEN i % 5 = 0 THEN []::BIGINT[] ELSE [i, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 2 END, i * 3][1:(i % 4)] END AS arr,
      CASE WHEN i % 6 = 0 THEN NULL ELSE ['a' || i, 'b' || i][1:(i % 3)] END AS tags
    FROM range(1, 3001) r(i)`);
  await duck.run(`COPY t TO '${file}' (FORMAT parquet)`);
  engine = await createLocalEngine();
  await queryText(engine, `CREATE VIEW t AS SELECT * FROM read_parquet('${file}')`);
});

afterAll(async () => {
  await engine?.close();
  duck?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('unnest in the select list', () => {
  it('one row per element; empty and NULL arrays give no row', async () => {
    const expected = await duckText('SELECT id, unnest(arr) AS x FROM t');
    expect(expected.length).toBeGreaterThan(3000);
    expect(sorted(await queryText(engine, 'SELECT id, unnest(arr) AS x FROM t'))).toEqual(sorted(expected));
  });

  it('several unnests zip, the shorter padded with NULL', async () => {
    const sql = 'SELECT id, unnest(arr) AS x, unnest(tags) AS y FROM t';
    expect(sorted(await queryText(engine, sql))).toEqual(sorted(await duckText(sql)));
    expect(await queryText(engine, 'SELECT unnest(ARRAY[1, 2, 3]), unnest(ARRAY[\'a\'])')).toEqual([['1', 'a'], ['2', null], ['3', null]]);
  });

  it('inside expressions, over aggregates, with WHERE and ORDER BY', async () => {
    expect(await queryText(engine, 'SELECT id, unnest(arr) * 10 AS x FROM t WHERE id = 11 ORDER BY x'))
      .toEqual([['11', '110'], ['11', '220'], ['11', '330']]);
    expect(await queryText(engine, 'SELECT unnest(array_agg(id ORDER BY id)) FROM t WHERE id < 4')).toEqual([['1'], ['2'], ['3']]);
    const sql = 'SELECT sum(x), count(*), count(x) FROM (SELECT unnest(arr) AS x FROM t) s';
    expect(await queryText(engine, sql)).toEqual(await duckText(sql));
  });

  it('errors: non-array argument (42883), outside the select list (0A000)', async () => {
    expect((await queryError(engine, 'SELECT unnest(id) FROM t')).sqlState).toBe('42883');
    expect((await queryError(engine, 'SELECT id FROM t WHERE unnest(arr) > 1')).sqlState).toBe('0A000');
  });
});

describe('unnest in FROM over earlier items (LATERAL)', () => {
  it('comma, LATERAL and CROSS JOIN LATERAL forms equal the select-list form', async () => {
    const expected = sorted(await duckText('SELECT id, unnest(arr) AS x FROM t'));
    expect(sorted(await queryText(engine, 'SELECT t.id, u.x FROM t, LATERAL unnest(t.arr) AS u(x)'))).toEqual(expected);
    expect(sorted(await queryText(engine, 'SELECT t.id, u FROM t, unnest(t.arr) u'))).toEqual(expected);
    expect(sorted(await queryText(engine, 'SELECT t.id, u.x FROM t CROSS JOIN LATERAL unnest(t.arr) AS u(x)'))).toEqual(expected);
  });

  it('WITH ORDINALITY numbers the elements from 1', async () => {
    const expected = await duckText('SELECT id, unnest(arr) AS x, unnest(range(1, len(arr) + 1)) AS n FROM t');
    const actual = await queryText(engine, 'SELECT t.id, u.x, u.n FROM t CROSS JOIN LATERAL unnest(t.arr) WITH ORDINALITY AS u(x, n)');
    expect(sorted(actual)).toEqual(sorted(expected));
    expect(await queryText(engine, 'SELECT * FROM unnest(ARRAY[5, 6]) WITH ORDINALITY')).toEqual([['5', '1'], ['6', '2']]);
  });

  it('several arrays zip; JOIN LATERAL … ON filters; filters above and below', async () => {
    const zipped = await duckText('SELECT id, unnest(arr), unnest(tags) FROM t');
    expect(sorted(await queryText(engine, 'SELECT t.id, u.a, u.b FROM t, unnest(t.arr, t.tags) AS u(a, b)'))).toEqual(sorted(zipped));
    const sql = 'SELECT count(*), sum(x) FROM (SELECT id, unnest(arr) AS x FROM t) s WHERE x > 100 AND id < 2000';
    expect(await queryText(engine, 'SELECT count(*), sum(u.x) FROM t JOIN LATERAL unnest(t.arr) AS u(x) ON u.x > 100 WHERE t.id < 2000')).toEqual(await duckText(sql));
  });

  it('correlated subqueries over unnest(outer.arr): scalar, IN, EXISTS', async () => {
    const scalar = 'SELECT id, (SELECT sum(x) FROM unnest(t.arr) AS u(x)) AS s, (SELECT count(*) FROM unnest(t.arr) AS u(x)) AS c FROM t WHERE id <= 300';
    expect(sorted(await queryText(engine, scalar))).toEqual(sorted(await duckText(scalar)));
    for (const semi of [
      'SELECT id FROM t WHERE 22 IN (SELECT x FROM unnest(t.arr) AS u(x))',
      'SELECT id FROM t WHERE id <= 300 AND EXISTS (SELECT 1 FROM unnest(t.arr) AS u(x) WHERE x > t.id * 2)',
    ]) {
      const expected = await duckText(semi);
      expect(expected.length).toBeGreaterThan(0);
      expect(sorted(await queryText(engine, semi))).toEqual(sorted(expected));
    }
    const anti = 'SELECT count(*) FROM t WHERE id <= 300 AND NOT EXISTS (SELECT 1 FROM unnest(t.arr) AS u(x))';
    expect(await queryText(engine, anti)).toEqual(await duckText(anti));
  });

  it('LEFT JOIN LATERAL unnest(…) ON true keeps rows without elements (NULL element and ordinality)', async () => {
    const expected = await duckText(`
      SELECT id, unnest(arr) AS x, unnest(range(1, len(arr) + 1)) AS n FROM t
      UNION ALL SELECT id, NULL, NULL FROM t WHERE arr IS NULL OR len(arr) = 0`);
    const actual = await queryText(engine, 'SELECT t.id, u.x, u.n FROM t LEFT JOIN LATERAL unnest(t.arr) WITH ORDINALITY AS u(x, n) ON true');
    expect(sorted(actual)).toEqual(sorted(expected));
    expect((await queryError(engine, 'SELECT * FROM t LEFT JOIN LATERAL unnest(t.arr) AS u(x) ON u.x > 1')).sqlState).toBe('0A000');
  });
});
