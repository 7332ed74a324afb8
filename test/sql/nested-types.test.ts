/**
 * Issue 6: nested types end to end — Parquet written by DuckDB with list, struct
 * and map columns is scanned, projected, filtered, subscripted and unnested, and
 * the answers are compared with DuckDB's own where the semantics agree; Delta
 * tables store and return nested columns; array/struct/map expressions follow
 * PostgreSQL (1-based subscripts, `{…}` and `(…)` text) with Spark's functions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { queryError, queryText } from '../support/results.ts';

const dir = mkdtempSync(join(tmpdir(), 'loch-nested-'));
const file = join(dir, 'nested.parquet');
let engine: QueryEngine;
let duck: DuckDBConnection;

/** DuckDB's answer as text rows (VARCHAR casts of each value, NULL as null). */
async function duckText(sql: string): Promise<(string | null)[][]> {
  const r = await duck.runAndReadAll(sql);
  return r.getRows().map((row) => row.map((v) => (v === null ? null : String(v))));
}

beforeAll(async () => {
  const db = await DuckDBInstance.create(':memory:');
  duck = await db.connect();
  await duck.run(`
    CREATE TABLE t AS SELECT
      i AS id,
      CASE WHEN i % 5 = 0 THEN NULL ELSE [i, i + 1, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 10 END] END AS nums,
      {'name': 'n' || i, 'score': i * 1.5, 'inner': {'flag': i % 2 = 0}} AS info,
      CASE WHEN i % 4 = 0 THEN NULL ELSE MAP(['a', 'b'], [i, i * 2]) END AS attrs,
      [{'k': 'x' || i, 'v': i}, {'k': 'y', 'v': NULL}] AS pairs,
      [['p', 'q'], [], NULL] AS words
    FROM range(1, 41) r(i)`);
  await duck.run(`COPY t TO '${file}' (FORMAT parquet)`);
  engine = await createLocalEngine();
});

afterAll(async () => {
  await engine?.close();
  duck?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('nested Parquet columns written by DuckDB', () => {
  it('scan with the right types', async () => {
    const rows = await queryText(engine, `DESCRIBE SELECT * FROM read_parquet('${file}')`).catch(() => null);
    if (rows) {
      expect(rows.map((r) => r[1])).toEqual([
        'bigint', 'bigint[]', 'struct<name: text, score: numeric(18,1), inner: struct<flag: boolean>>',
        'map<text, bigint>', 'struct<k: text, v: bigint>[]', 'text[][]',
      ]);
    }
    expect(await queryText(engine, `SELECT count(*), count(nums), count(attrs) FROM read_parquet('${file}')`)).toEqual([['40', '32', '30']]);
  });

  it('project whole values as PostgreSQL text', async () => {
    expect(await queryText(engine, `SELECT nums, info, attrs, pairs, words FROM read_parquet('${file}') WHERE id = 3`)).toEqual([
      ['{3,4,NULL}', '(n3,4.5,"(f)")', '{a=>3,b=>6}', '{"(x3,3)","(y,)"}', '{{p,q},{},NULL}'],
    ]);
  });

  it('subscripts, field access and map lookup agree with DuckDB', async () => {
    const loch = await queryText(engine,
      `SELECT id, nums[1], nums[3], (info).name, info.inner.flag, attrs['b'], pairs[1].k, words[1][2], cardinality(nums)
       FROM read_parquet('${file}') ORDER BY id`);
    const duckRows = await duckText(
      `SELECT id, nums[1], nums[3], info.name, info.inner.flag, attrs['b'], pairs[1].k, words[1][2], len(nums) FROM '${file}' ORDER BY id`);
    const booleans = (rows: (string | null)[][]) => rows.map((r) => r.map((v) => (v === 't' ? 'true' : v === 'f' ? 'false' : v)));
    expect(booleans(loch)).toEqual(duckRows);
  });

  it('filters on nested fields and elements agree with DuckDB', async () => {
    const q = (from: string) => `SELECT id FROM ${from} WHERE info.inner.flag AND nums[3] IS NULL OR attrs['a'] > 35 ORDER BY id`;
    expect(await queryText(engine, q(`read_parquet('${file}')`))).toEqual(await duckText(q(`'${file}'`)));
    expect(await queryText(engine, `SELECT id FROM read_parquet('${file}') WHERE 20 = ANY(nums) ORDER BY id`)).toEqual([['2'], ['19']]);
  });

  it('group, order and join by nested values', async () => {
    expect(await queryText(engine, `SELECT words, count(*) FROM read_parquet('${file}') GROUP BY words`)).toEqual([['{{p,q},{},NULL}', '40']]);
    expect(await queryText(engine, `SELECT id FROM read_parquet('${file}') WHERE id < 4 ORDER BY nums DESC`)).toEqual([['3'], ['2'], ['1']]);
    expect(await queryText(engine,
      `SELECT count(*) FROM read_parquet('${file}') a JOIN read_parquet('${file}') b ON a.info = b.info`)).toEqual([['40']]);
  });
});

describe('nested columns in Delta tables', () => {
  it('CREATE TABLE with Spark and PostgreSQL type names, INSERT, read back', async () => {
    await queryText(engine, 'CREATE TABLE nt (id INT, a ARRAY<INT>, s STRUCT<x: INT, y: STRING>, m MAP<STRING, DECIMAL(10,2)>, t TEXT[])');
    await queryText(engine, `INSERT INTO nt VALUES
      (1, ARRAY[1, 2], named_struct('x', 1, 'y', 'one'), map('k', 1.25), '{a,"b c"}'),
      (2, ARRAY[3], ROW(2, 'two'), map('k', 2, 'j', 3.5), ARRAY['d']),
      (3, NULL, NULL, NULL, NULL)`);
    expect(await queryText(engine, 'SELECT id, a, s, m, t, s.y, a[2], m[\'j\'] FROM nt ORDER BY id')).toEqual([
      ['1', '{1,2}', '(1,one)', '{k=>1.25}', '{a,"b c"}', 'one', '2', null],
      ['2', '{3}', '(2,two)', '{k=>2.00,j=>3.50}', '{d}', 'two', null, '3.50'],
      ['3', null, null, null, null, null, null, null],
    ]);
    expect((await queryText(engine, 'DESCRIBE nt')).map((r) => r[1])).toEqual(
      ['integer', 'integer[]', 'struct<x: integer, y: text>', 'map<text, numeric(10,2)>', 'text[]']);
    expect(await queryText(engine, 'SELECT id FROM nt WHERE s.x = 2 OR cardinality(a) = 2 ORDER BY id')).toEqual([['1'], ['2']]);
  });

  it('INSERT … SELECT copies nested columns between tables', async () => {
    await queryText(engine, `CREATE TABLE nt2 AS SELECT * FROM read_parquet('${file}') WHERE id <= 5`);
    expect(await queryText(engine, 'SELECT id, pairs[1].v, attrs FROM nt2 ORDER BY id')).toEqual([
      ['1', '1', '{a=>1,b=>2}'], ['2', '2', '{a=>2,b=>4}'], ['3', '3', '{a=>3,b=>6}'], ['4', '4', null], ['5', '5', '{a=>5,b=>10}'],
    ]);
  });
});

describe('nested columns with column mapping', () => {
  it('nested struct fields get ids and physical names; data files use them; reads map back by position', async () => {
    await queryText(engine, "CREATE TABLE cm (id INT, s STRUCT<a: INT, b: STRUCT<c: STRING>>, l ARRAY<STRUCT<x: INT>>) TBLPROPERTIES ('delta.columnMapping.mode' = 'name')");
    await queryText(engine, "INSERT INTO cm VALUES (1, named_struct('a', 1, 'b', named_struct('c', 'z')), ARRAY[named_struct('x', 5)])");
    await queryText(engine, 'ALTER TABLE cm ADD COLUMN m MAP<STRING, STRUCT<q: INT>>');
    await queryText(engine, "INSERT INTO cm VALUES (2, NULL, NULL, map('k', named_struct('q', 7)))");
    expect(await queryText(engine, "SELECT id, s.b.c, l[1].x, m['k'].q FROM cm ORDER BY id")).toEqual([['1', 'z', '5', null], ['2', null, null, '7']]);
    const location = (await queryText(engine, 'DESCRIBE DETAIL cm'))[0]![3]!;
    const log = readdirSync(join(location, '_delta_log')).filter((f) => f.endsWith('.json')).sort();
    const meta = log.flatMap((f) => readFileSync(join(location, '_delta_log', f), 'utf8').split('\n').filter(Boolean))
      .map((l) => JSON.parse(l) as { metaData?: { schemaString: string; configuration: Record<string, string> } }).filter((a) => a.metaData).pop()!.metaData!;
    expect(meta.configuration['delta.columnMapping.maxColumnId']).toBe('9');
    const s = (JSON.parse(meta.schemaString) as { fields: { name: string; type: { fields: { name: string; metadata: Record<string, unknown> }[] } }[] }).fields[1]!;
    const physical = s.type.fields[0]!.metadata['delta.columnMapping.physicalName'] as string;
    expect(physical).toMatch(/^col-/);
    const files = readdirSync(location).filter((f) => f.endsWith('.parquet'));
    const names = await duckText(`SELECT name FROM parquet_schema('${join(location, files[0]!)}')`);
    expect(names.flat()).toContain(physical);
    expect(names.flat()).not.toContain('a');
  });
});

describe('array, struct and map expressions', () => {
  it('constructors, subscripts and slices (PostgreSQL)', async () => {
    expect(await queryText(engine, "SELECT ARRAY[1,2,3], (ARRAY[1,2,3])[2], (ARRAY[1,2,3])[5], (ARRAY[1,2,3])[2:3], (ARRAY[1,2,3])[:1], ARRAY[[1,2],[3]]"))
      .toEqual([['{1,2,3}', '2', null, '{2,3}', '{1}', '{{1,2},{3}}']]);
    expect(await queryText(engine, "SELECT ROW(1, 'a b'), (ROW(1, 'a')).f2, (named_struct('x', 1)).x, (map('a', 1, 'b', 2))['b']"))
      .toEqual([['(1,"a b")', 'a', '1', '2']]);
  });

  it('casts between text and arrays', async () => {
    expect(await queryText(engine, "SELECT '{1,2,NULL}'::int[], CAST(ARRAY[1,2] AS bigint[]), ARRAY['a','b c']::text, '{{1},{2}}'::int[][]"))
      .toEqual([['{1,2,NULL}', '{1,2}', '{a,"b c"}', '{{1},{2}}']]);
    expect((await queryError(engine, "SELECT '{1,2'::int[]")).sqlState).toBe('22P02');
    expect((await queryError(engine, "SELECT '{a}'::int[]")).sqlState).toBe('22P02');
  });

  it('ANY / ALL, comparisons and concatenation', async () => {
    expect(await queryText(engine, 'SELECT 2 = ANY(ARRAY[1,2]), 3 = ANY(ARRAY[1,2]), 3 = ANY(ARRAY[1,NULL]), 1 < ALL(ARRAY[2,3]), 1 <> ALL(ARRAY[]::int[])'))
      .toEqual([['t', 'f', null, 't', 't']]);
    expect(await queryText(engine, 'SELECT ARRAY[1,2] = ARRAY[1,2], ARRAY[1,2] < ARRAY[1,3], ARRAY[1] < ARRAY[1,0], ARRAY[1,2] || ARRAY[3], ARRAY[1] || 2, 0 || ARRAY[1]'))
      .toEqual([['t', 't', 't', '{1,2,3}', '{1,2}', '{0,1}']]);
  });

  it('array and map functions', async () => {
    expect(await queryText(engine,
      "SELECT cardinality(ARRAY[1,2]), array_length(ARRAY[1,2,3], 1), array_length(ARRAY[]::int[], 1), array_position(ARRAY['a','b'], 'b'), array_to_string(ARRAY[1,NULL,3], ',', '*'), array_remove(ARRAY[1,2,1], 1)"))
      .toEqual([['2', '3', null, '2', '1,*,3', '{2}']]);
    expect(await queryText(engine,
      "SELECT element_at(ARRAY[1,2,3], -1), array_contains(ARRAY[1,2], 2), map_keys(map('a', 1, 'b', 2)), map_values(map('a', 1)), make_array(1, 2), array_append(ARRAY[1], 2), array_prepend(0, ARRAY[1])"))
      .toEqual([['3', 't', '{a,b}', '{1}', '{1,2}', '{1,2}', '{0,1}']]);
  });

  it('unnest in FROM', async () => {
    expect(await queryText(engine, 'SELECT * FROM unnest(ARRAY[3,1,2]) ORDER BY 1')).toEqual([['1'], ['2'], ['3']]);
    expect(await queryText(engine, "SELECT u.unnest FROM unnest('{a,b}'::text[]) u")).toEqual([['a'], ['b']]);
  });

  it('errors name the problem', async () => {
    expect((await queryError(engine, 'SELECT (1)[1]')).sqlState).toBe('42804');
    expect((await queryError(engine, "SELECT (ROW(1, 'a')).nope")).sqlState).toBe('42703');
    expect((await queryError(engine, 'SELECT ARRAY[]')).sqlState).toBe('42P18');
  });
});
