import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { LochError } from '../../../core/index.ts';
import { initParser, parseSql, splitStatements } from '../index.ts';

const TPCH_QUERIES = new URL('../../../../shared/tpch/queries/', import.meta.url);

function parseError(sql: string): LochError {
  try {
    parseSql(sql);
  } catch (e) {
    return e as LochError;
  }
  throw new Error(`expected ${sql} to fail`);
}

describe('SQL parsing', () => {
  beforeAll(() => initParser());

  it('parses all 22 TPC-H queries into Loch AST queries', () => {
    const files = readdirSync(TPCH_QUERIES).filter((f) => f.endsWith('.sql'));
    expect(files).toHaveLength(22);
    for (const f of files) {
      const [stmt] = parseSql(readFileSync(new URL(f, TPCH_QUERIES), 'utf8'));
      expect(stmt!.statement.kind, f).toBe('query');
    }
  });

  it('reports a syntax error as 42601 with the 1-based position in the whole input', () => {
    const e = parseError('select 1; select a from t wher x = 1');
    expect(e.sqlState).toBe('42601');
    expect(e.message).toMatch(/syntax error at or near "x"/);
    expect(e.position).toBe('select 1; select a from t wher '.length + 1);
  });

  it('splits statements without breaking quoted semicolons or comments', () => {
    const parts = splitStatements("select 'a;b'; -- c;d\nselect \"x;y\" from t; /* ; */ ;");
    expect(parts.map((p) => p.text)).toEqual(["select 'a;b'", '-- c;d\nselect "x;y" from t']);
  });

  it('parses lakehouse CREATE TABLE … USING … LOCATION with options and columns', () => {
    const [s] = parseSql("create table if not exists li (a int not null, b numeric(15,2)) using csv options (delimiter '|', header 'false') location 'data/*.tbl'");
    expect(s!.statement).toEqual({
      kind: 'create_table', name: ['li'], format: 'csv', location: 'data/*.tbl',
      options: { delimiter: '|', header: 'false' }, properties: {}, partitionedBy: [], checks: [], asQuery: null,
      columns: [
        { name: 'a', type: { names: ['int'], typmods: [] }, notNull: true },
        { name: 'b', type: { names: ['numeric'], typmods: [15, 2] }, notNull: false },
      ],
      ifNotExists: true, orReplace: false,
    });
  });

  it('parses PostgreSQL CREATE TABLE as a default (Delta) table', () => {
    const [s] = parseSql('create table if not exists t (a int not null, b text)');
    expect(s!.statement).toMatchObject({
      kind: 'create_table', name: ['t'], format: null, ifNotExists: true,
      columns: [{ name: 'a', notNull: true }, { name: 'b', notNull: false }],
    });
    expect(parseError('create table t (a int references u (a))').sqlState).toBe('0A000');
  });

  it('accepts PRIMARY KEY and UNIQUE as informational constraints (a primary key is NOT NULL)', () => {
    const [a, b] = parseSql('create table t (a int primary key, b int unique); create table u (x int, y int, primary key (x, y), unique (y))');
    expect(a!.statement).toMatchObject({ kind: 'create_table', columns: [{ name: 'a', notNull: true }, { name: 'b', notNull: false }] });
    expect(b!.statement).toMatchObject({ kind: 'create_table', columns: [{ name: 'x', notNull: true }, { name: 'y', notNull: true }] });
  });

  it('parses Spark-style CREATE TABLE … PARTITIONED BY … TBLPROPERTIES … AS SELECT', () => {
    const [s] = parseSql("create table s.t using delta partitioned by (d) tblproperties ('delta.enableChangeDataFeed' = 'true') as select 1 as a, date '2020-01-01' as d");
    expect(s!.statement).toMatchObject({
      kind: 'create_table', name: ['s', 't'], format: 'delta', partitionedBy: ['d'],
      properties: { 'delta.enableChangeDataFeed': 'true' }, asQuery: { kind: 'select' },
    });
  });

  it('parses INSERT INTO and INSERT OVERWRITE', () => {
    const [a, b] = parseSql('insert into t (a, b) values (1, 2); insert overwrite table t select * from u');
    expect(a!.statement).toMatchObject({ kind: 'insert', table: ['t'], columns: ['a', 'b'], overwrite: false, query: { kind: 'values' } });
    expect(b!.statement).toMatchObject({ kind: 'insert', table: ['t'], columns: [], overwrite: true, query: { kind: 'select' } });
  });

  it('reports a syntax error inside the query of a CTAS at its position in the whole text', () => {
    const sql = 'create table t using delta as select from from';
    const e = parseError(sql);
    expect(e.sqlState).toBe('42601');
    expect(e.position).toBe(sql.lastIndexOf('from') + 1);
  });

  it('keeps numeric constants exact as text and interval units as typmods', () => {
    const [s] = parseSql("select 0.06, interval '3' month");
    const q = s!.statement.kind === 'query' ? s!.statement.query : null;
    expect(q?.kind).toBe('select');
    const targets = q?.kind === 'select' ? q.targets : [];
    expect(targets[0]).toMatchObject({ kind: 'expr', expr: { kind: 'numeric', text: '0.06' } });
    expect(targets[1]).toMatchObject({ kind: 'expr', expr: { kind: 'typecast', type: { names: ['interval'], typmods: [2] } } });
  });

  it('parses EXPLAIN ANALYZE VERBOSE', () => {
    const [s] = parseSql('explain (analyze, verbose) select 1');
    expect(s!.statement).toMatchObject({ kind: 'explain', analyze: true, verbose: true, statement: { kind: 'query' } });
  });
});
