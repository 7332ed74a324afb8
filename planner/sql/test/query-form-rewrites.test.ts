import { describe, expect, it } from 'vitest';
import { rewriteFromFirst } from '../from-first.ts';
import { quoteIntervalNumbers } from '../interval-number.ts';
import { rewriteTryCast } from '../try-cast.ts';

describe('pre-parser rewrites for Spark/Databricks query forms', () => {
  it('FROM-only queries get SELECT *; FROM inside expressions and FROM … SELECT stay', () => {
    expect(rewriteFromFirst('FROM t')).toBe('SELECT * FROM t');
    expect(rewriteFromFirst('CREATE TABLE x AS FROM (VALUES (1)) v(a)')).toBe('CREATE TABLE x AS SELECT * FROM (VALUES (1)) v(a)');
    expect(rewriteFromFirst('SELECT * FROM (FROM a, b) JOIN c ON true')).toBe('SELECT * FROM (SELECT * FROM a, b) JOIN c ON true');
    expect(rewriteFromFirst('WITH w AS (FROM t) FROM w')).toBe('WITH w AS (SELECT * FROM t) SELECT * FROM w');
    for (const same of ["SELECT trim(FROM ' x '), extract(year FROM d) FROM t", 'SELECT count(*) FROM t', 'FROM t SELECT a', "SELECT 'FROM x'"]) {
      expect(rewriteFromFirst(same)).toBe(same);
    }
  });

  it('INTERVAL <number> <unit> is quoted; quoted text is left alone', () => {
    expect(quoteIntervalNumbers('SELECT d + INTERVAL 5 DAY, interval 3 days PRECEDING')).toBe("SELECT d + INTERVAL'5 DAY', interval'3 days' PRECEDING");
    expect(quoteIntervalNumbers("SELECT 'interval 5 day', INTERVAL '5' DAY")).toBe("SELECT 'interval 5 day', INTERVAL '5' DAY");
    // DuckDB's parenthesized quantity; an expression in the parentheses is left alone
    expect(quoteIntervalNumbers('SELECT t + interval (1) microsecond, INTERVAL ( -2 )DAY, interval (x) day')).toBe("SELECT t + interval'1 microsecond', INTERVAL'-2 DAY', interval (x) day");
  });

  it('TRY_CAST keeps its length and records where the CAST keyword is', () => {
    const r = rewriteTryCast("SELECT try_cast(x AS int), 'try_cast(' FROM t");
    expect(r.text).toBe("SELECT     cast(x AS int), 'try_cast(' FROM t");
    expect(r.tryCasts).toEqual([11]);
  });
});
