import { describe, expect, it } from 'vitest';
import { failureReason, groupFailures } from './slt-baseline.ts';
import type { SltFailure } from './slt-runner.ts';

const failure = (file: string, sql: string, message: string, category = 'error'): SltFailure => ({ file, line: 1, sql, category, message });

describe('baseline failure grouping', () => {
  it('masks literals, keeps function names and hints what a syntax error was about', () => {
    expect(failureReason(failure('f', 'SELECT foo(1)', 'function foo(integer, text) does not exist'))).toBe('function foo(…) does not exist');
    expect(failureReason(failure('f', "SELECT 'x'::int", `invalid input syntax for type integer: "x" at 'x' 12`))).toBe(`invalid input syntax for type integer: "x" at '…' N`);
    expect(failureReason(failure('f', 'create table t (a int) as values (1)', 'syntax error at or near "AS"'))).toBe('syntax error at or near "as" — CREATE TABLE t(columns) AS VALUES/SELECT (DataFusion)');
    expect(failureReason(failure('f', 'SELECT 1', 'expected 1 line(s), got 2 row(s) of 1 value(s)', 'wrong result'))).toBe('wrong result: wrong number of rows');
  });

  it('attributes missing-table errors to the reason the CREATE failed, through views, per file', () => {
    const counts = groupFailures([
      failure('a', 'CREATE TABLE tab0(pk INTEGER PRIMARY KEY)', 'column constraint PRIMARY is not supported yet'),
      failure('a', 'SELECT * FROM tab0', 'relation "tab0" does not exist'),
      failure('a', 'CREATE VIEW v AS SELECT * FROM tab0', 'relation "tab0" does not exist'),
      failure('a', 'SELECT * FROM v', 'relation "v" does not exist'),
      failure('b', 'SELECT * FROM tab0', 'relation "tab0" does not exist'),
    ]);
    expect(Object.fromEntries(counts)).toEqual({
      'column constraint PRIMARY is not supported yet': 1,
      '(cascade: table not created) column constraint PRIMARY is not supported yet': 3,
      'relation "tab0" does not exist': 1,
    });
  });
});
