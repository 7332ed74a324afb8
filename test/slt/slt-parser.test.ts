import { describe, expect, it } from 'vitest';
import { conditionsAllow, parseSlt } from './slt-parser.ts';
import type { QueryRecord, StatementRecord } from './slt-record.ts';

const ENGINES = new Set(['postgresql', 'loch']);

describe('parseSlt', () => {
  it('reads statement ok/error/count with SQL spanning lines and comments stripped', () => {
    const records = parseSlt([
      '# a comment before',
      'statement ok',
      'CREATE TABLE t1(',
      '# a comment inside',
      '  a INTEGER)',
      '',
      'statement error',
      'INSERT INTO nope VALUES(1)',
      '',
      'statement error DataFusion error: .* not found',
      'SELECT x',
      '',
      'statement count 2',
      'INSERT INTO t1 VALUES (1), (2);',
      '',
      'statement error',
      'INSERT INTO dates VALUES (\'x\')',
      '----',
      'Conversion Error: date field',
    ].join('\n')) as StatementRecord[];
    expect(records.map((r) => [r.kind, r.expect, r.line])).toEqual([
      ['statement', 'ok', 2], ['statement', 'error', 7], ['statement', 'error', 10], ['statement', 'count', 13], ['statement', 'error', 16],
    ]);
    expect(records[0]!.sql).toBe('CREATE TABLE t1(\n  a INTEGER)');
    expect(records[1]!.error).toEqual({});
    expect(records[2]!.error).toEqual({ regex: 'DataFusion error: .* not found' });
    expect(records[3]!.count).toBe(2);
    expect(records[4]!.error).toEqual({ message: 'Conversion Error: date field' });
    expect(records[4]!.sql).toBe("INSERT INTO dates VALUES ('x')");
  });

  it('reads query records: types, sort mode, label, results, no results, query error', () => {
    const records = parseSlt([
      'query IT rowsort',
      'SELECT a, b FROM t1',
      '----',
      '2',
      'two',
      '',
      'query III valuesort label-42',
      'SELECT 1, 2, 3',
      '----',
      '3 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0',
      '',
      'query I',
      'SELECT 1 WHERE false',
      '',
      'query error Divide by zero',
      'SELECT 1/0',
      '',
      'query TT',
      'SELECT \'#not a comment\', \'x\'',
      '----',
      '#not a comment x',
    ].join('\n')) as QueryRecord[];
    expect(records[0]).toMatchObject({ kind: 'query', types: 'IT', sortMode: 'rowsort', sql: 'SELECT a, b FROM t1', expected: ['2', 'two'], separatorIndex: 2 });
    expect(records[0]!.label).toBeUndefined();
    expect(records[1]).toMatchObject({ types: 'III', sortMode: 'valuesort', label: 'label-42', expected: ['3 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0'] });
    expect(records[2]).toMatchObject({ types: 'I', sortMode: 'nosort', expected: [], separatorIndex: -1 });
    expect(records[3]).toMatchObject({ kind: 'query', error: { regex: 'Divide by zero' }, sql: 'SELECT 1/0' });
    // '#' lines after ---- are results, not comments
    expect(records[4]!.expected).toEqual(['#not a comment x']);
  });

  it('reads control records, conditions with trailing comments, include and unknown headers', () => {
    const records = parseSlt([
      'hash-threshold 8',
      '',
      'onlyif mssql # SQL Server only',
      'halt',
      '',
      'skipif postgresql # PostgreSQL requires AS',
      'onlyif sqlite',
      'query I nosort',
      'SELECT 1',
      '----',
      '1',
      '',
      'include ./init_*.slt.part',
      '',
      'sleep 5',
    ].join('\n'));
    expect(records.map((r) => r.kind)).toEqual(['hash-threshold', 'halt', 'query', 'include', 'unknown']);
    expect(records[0]).toMatchObject({ threshold: 8 });
    expect(records[1]!.conditions).toEqual([{ kind: 'onlyif', engine: 'mssql' }]);
    expect(records[2]!.conditions).toEqual([{ kind: 'skipif', engine: 'postgresql' }, { kind: 'onlyif', engine: 'sqlite' }]);
    expect(records[3]).toMatchObject({ path: './init_*.slt.part' });
    expect(conditionsAllow(records[1]!.conditions, ENGINES)).toBe(false);
    expect(conditionsAllow(records[2]!.conditions, ENGINES)).toBe(false);
    expect(conditionsAllow([{ kind: 'onlyif', engine: 'postgresql' }], ENGINES)).toBe(true);
    expect(conditionsAllow([{ kind: 'skipif', engine: 'loch' }], ENGINES)).toBe(false);
    expect(conditionsAllow([{ kind: 'skipif', engine: 'mysql' }], ENGINES)).toBe(true);
  });

  it('keeps whitespace-only result lines (rows of empty strings) inside a result, and blank lines end records', () => {
    const records = parseSlt(['query TT', 'SELECT a, b FROM t', '----', 'x y', '   ', '% z', '   ', '', 'query I', 'SELECT 1', '----', '1', '  ', 'statement ok', 'SELECT 2'].join('\n'));
    expect(records.map((r) => r.kind)).toEqual(['query', 'query', 'statement']);
    expect((records[0] as QueryRecord).expected).toEqual(['x y', '   ', '% z']);
    expect((records[1] as QueryRecord).expected).toEqual(['1']);
  });

  it('handles CRLF line endings and a file without a trailing newline', () => {
    const records = parseSlt('statement ok\r\nSELECT 1\r\n\r\nquery I\r\nSELECT 2\r\n----\r\n2') as QueryRecord[];
    expect(records[0]!.sql).toBe('SELECT 1');
    expect(records[1]!.expected).toEqual(['2']);
  });
});
