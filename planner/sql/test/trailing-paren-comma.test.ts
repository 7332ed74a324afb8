import { describe, expect, it } from 'vitest';
import { dropCommaBeforeParen } from '../trailing-paren-comma.ts';
import { initParser, parseSql } from '../index.ts';

describe('trailing comma before a closing parenthesis (trailing-paren-comma.ts)', () => {
  it('blanks the comma (same length) outside literals, quoted identifiers and comments', () => {
    expect(dropCommaBeforeParen('CREATE TABLE t (a int, b int,\n)')).toBe('CREATE TABLE t (a int, b int \n)');
    expect(dropCommaBeforeParen("SELECT ',)', \"x,)\" FROM (VALUES (1, 2),) v -- a,)")).toBe("SELECT ',)', \"x,)\" FROM (VALUES (1, 2) ) v -- a,)");
    expect(dropCommaBeforeParen('SELECT f(a, b) FROM t')).toBe('SELECT f(a, b) FROM t');
    expect(dropCommaBeforeParen('INSERT INTO t VALUES (1), (2),\n')).toBe('INSERT INTO t VALUES (1), (2) \n');
    expect(dropCommaBeforeParen("SELECT 'a,' -- b,")).toBe("SELECT 'a,' -- b,");
  });
  it('lets CREATE TABLE column lists and VALUES lists end with a comma', async () => {
    await initParser();
    const create = parseSql('CREATE TABLE c(c1 VARCHAR, c2 INT,)');
    expect(create).toHaveLength(1);
    expect(JSON.stringify(create[0]!.statement)).toContain('"c2"');
    const insert = parseSql('INSERT INTO c (VALUES (1, 2), (3, 4),)');
    expect(insert[0]!.statement.kind).toBe('insert');
  });
});
