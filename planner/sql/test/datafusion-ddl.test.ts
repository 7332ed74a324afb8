import { beforeAll, describe, expect, it } from 'vitest';
import { initParser, parseSql } from '../index.ts';
import { rewriteUnsignedTypes } from '../unsigned-types.ts';

describe('DataFusion/MySQL DDL spellings', () => {
  beforeAll(() => initParser());

  it('rewrites unsigned integer types to wider signed ones, keeping every offset', () => {
    const sql = "CREATE TABLE t (a INT UNSIGNED, b bigint  unsigned, c 'int unsigned')";
    const out = rewriteUnsignedTypes(sql);
    expect(out).toHaveLength(sql.length);
    expect(out).toMatch(/a bigint\s+, b numeric\(20\)\s+, c 'int unsigned'/);
  });

  it('parses CREATE EXTERNAL TABLE … STORED AS … WITH HEADER ROW … OPTIONS with DataFusion keys mapped', () => {
    const [s] = parseSql("CREATE EXTERNAL TABLE t (a INT, b VARCHAR NOT NULL,) STORED AS CSV WITH HEADER ROW LOCATION 'x.csv' OPTIONS ('format.delimiter' '|')");
    expect(s!.statement).toMatchObject({ kind: 'create_table', format: 'csv', location: 'x.csv', options: { header: 'true', delimiter: '|' } });
    if (s!.statement.kind !== 'create_table') throw new Error('expected create_table');
    expect(s!.statement.columns.map((c) => [c.name, c.notNull])).toEqual([['a', false], ['b', true]]);
  });

  it('turns a typed column list before AS VALUES into casts over the query', () => {
    const [s] = parseSql("CREATE TABLE t (a INT, b) AS VALUES (1, 'x')");
    if (s!.statement.kind !== 'create_table') throw new Error('expected create_table');
    const q = s!.statement.asQuery!;
    expect(q.kind).toBe('select');
    if (q.kind !== 'select') return;
    expect(q.targets.map((t) => (t.kind === 'expr' ? [t.alias, t.expr.kind] : null))).toEqual([['a', 'typecast'], ['b', 'column']]);
  });

  it('parses CREATE INDEX and DROP INDEX', () => {
    expect(parseSql('CREATE UNIQUE INDEX i1 ON t1 (a DESC)')[0]!.statement).toMatchObject({ kind: 'create_index', name: 'i1', table: ['t1'], unique: true });
    expect(parseSql('DROP INDEX IF EXISTS i1, i2')[0]!.statement).toMatchObject({ kind: 'drop_index', names: [['i1'], ['i2']], ifExists: true });
  });
});
